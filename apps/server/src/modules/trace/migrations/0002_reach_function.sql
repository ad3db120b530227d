-- The trace walk (reach-sql.ts) as a function, so that its plan is made once per connection and kept (issue 6:
-- p99 ≤ 50 ms at 10^6 events). Sent as one statement, the recursive query spent ~25 ms of server CPU on parsing
-- and planning for ~4 ms of execution. PL/pgSQL keeps the prepared plan of `return query` for the session, and
-- `plan_cache_mode = force_generic_plan` keeps it generic: every value here (the starts, the caps, the reader's
-- scope) is a parameter that does not change the best plan, since the walk's frontier comes from the work table.
--
-- The walk is level-synchronous: each row of the recursive CTE is one whole level (its frontier), carrying the
-- visited set as a jsonb object used as a hash set (`?` is a binary search over its sorted keys). So every
-- identity is visited once, at its least depth, cycles end, and the work is linear in what is reached; a plain
-- recursive CTE with UNION would keep one row per path, exponential on the split-and-merge shapes of real chains.
-- The walk stops at `p_max_depth` (one more level is computed, only to tell whether the cap cut anything) or once
-- `p_max_nodes` identities are reached; callers report either as truncation, never silently.
--
-- One hop follows graph.ts (its in-memory walk is this function's test oracle). Roles are those of
-- epcis.event_epcs / event_quantities (epcis 0001): 1 object, 2 child, 3 input, 4 output, 5 parent. Events
-- declared erroneous (EPCIS 2.0 §7.4.1.2) and the declarations are left out.
--
-- The reader's scope (scope.ts, scopeSql): p_scope 'all'; 'organizations' (the events of p_orgs); 'organization'
-- (p_org's own events and those naming it as a party: p_party_uris, its GLN p_gln, a GLN under p_prefix).
create function trace.reach(
  p_starts text[], p_dirs text[], p_max_depth integer, p_max_nodes integer,
  p_scope text, p_orgs uuid[], p_org uuid, p_party_uris text[], p_gln text, p_prefix text
) returns table (walk_dir text, walk_depth integer, walk_frontier text[], walk_restricted text[])
language plpgsql stable
set plan_cache_mode = force_generic_plan
as $$
begin
  return query
  with recursive
  occ as not materialized (
    select o.seq, o.role, o.epc as id from epcis.event_epcs o
    union all
    select q.seq, q.role, q.epc_class as id from epcis.event_quantities q
  ),
  bad as materialized (
    select d.seq from epcis.events d where d.declaration_time is not null
    union all
    select i.seq from epcis.events d join epcis.event_ids i on i.event_id = d.event_id and not i.declaration where d.declaration_time is not null
  ),
  walk(dir, depth, frontier, restricted, seen, n) as (
    select d, 0, p_starts::text[] collate "C", '{}'::jsonb,
      (select jsonb_object_agg(s, 0) from unnest(p_starts) s), cardinality(p_starts)
    from unnest(p_dirs) d
    union all
    select w.dir, w.depth + 1, nx.ids, coalesce(nx.rids, '{}'::jsonb), w.seen || coalesce(nx.added, '{}'::jsonb), w.n + coalesce(cardinality(nx.ids), 0)
    from walk w
    cross join lateral (
      select array_agg(c.id) as ids, jsonb_object_agg(c.id, 0) filter (where c.r) as rids, jsonb_object_agg(c.id, w.depth + 1) as added
      from (
        select s.id, bool_and(s.r) as r
        from (
          select o.id, false as r
          from occ i
          join epcis.events e on e.seq = i.seq
          join occ o on o.seq = i.seq and o.role = case when w.dir = 'f' then 4 else 3 end
          where i.id = any(w.frontier) and i.role = case when w.dir = 'f' then 3 else 4 end
            and (p_scope = 'all' or (p_scope = 'organizations' and e.organization_id = any(p_orgs))
              or (p_scope = 'organization' and (e.organization_id = p_org or coalesce((select true from epcis.event_parties p where p.seq = e.seq
                and (p.party = any(p_party_uris) or p.gln = p_gln or p.gln like p_prefix || '%') limit 1), false)))) and e.seq not in (select b.seq from bad b)
          union all
          select o.id, false
          from occ i
          join epcis.events e on e.seq = i.seq
          join epcis.events e2 on e2.transformation_id = e.transformation_id and e2.seq <> e.seq
          join occ o on o.seq = e2.seq and o.role = case when w.dir = 'f' then 4 else 3 end
          where i.id = any(w.frontier) and i.role = case when w.dir = 'f' then 3 else 4 end and e.transformation_id is not null
            and (p_scope = 'all' or (p_scope = 'organizations' and e.organization_id = any(p_orgs))
              or (p_scope = 'organization' and (e.organization_id = p_org or coalesce((select true from epcis.event_parties p where p.seq = e.seq
                and (p.party = any(p_party_uris) or p.gln = p_gln or p.gln like p_prefix || '%') limit 1), false)))) and e.seq not in (select b.seq from bad b)
            and (p_scope = 'all' or (p_scope = 'organizations' and e2.organization_id = any(p_orgs))
              or (p_scope = 'organization' and (e2.organization_id = p_org or coalesce((select true from epcis.event_parties p where p.seq = e2.seq
                and (p.party = any(p_party_uris) or p.gln = p_gln or p.gln like p_prefix || '%') limit 1), false)))) and e2.seq not in (select b.seq from bad b)
          union all
          select p.epc, true
          from occ c
          join epcis.events e on e.seq = c.seq
          join epcis.event_epcs p on p.seq = c.seq and p.role = 5
          where c.id = any(w.frontier) and c.role in (1, 2) and (w.dir = 'b' or e.action is distinct from 'DELETE')
            and (p_scope = 'all' or (p_scope = 'organizations' and e.organization_id = any(p_orgs))
              or (p_scope = 'organization' and (e.organization_id = p_org or coalesce((select true from epcis.event_parties p where p.seq = e.seq
                and (p.party = any(p_party_uris) or p.gln = p_gln or p.gln like p_prefix || '%') limit 1), false)))) and e.seq not in (select b.seq from bad b)
          union all
          select c.id, false
          from epcis.event_epcs p
          join epcis.events e on e.seq = p.seq
          join occ c on c.seq = p.seq and c.role in (1, 2)
          where p.epc = any(w.frontier) and p.role = 5 and not (w.restricted ? p.epc)
            and (p_scope = 'all' or (p_scope = 'organizations' and e.organization_id = any(p_orgs))
              or (p_scope = 'organization' and (e.organization_id = p_org or coalesce((select true from epcis.event_parties p where p.seq = e.seq
                and (p.party = any(p_party_uris) or p.gln = p_gln or p.gln like p_prefix || '%') limit 1), false)))) and e.seq not in (select b.seq from bad b)
        ) s
        where not (w.seen ? s.id)
        group by s.id
      ) c
    ) nx
    where cardinality(w.frontier) > 0 and w.depth <= p_max_depth and (w.depth = p_max_depth or w.n < p_max_nodes)
  )
  select w.dir, w.depth, w.frontier, (select coalesce(array_agg(k), '{}') from jsonb_object_keys(w.restricted) k)
  from walk w order by w.dir, w.depth;
end
$$;
