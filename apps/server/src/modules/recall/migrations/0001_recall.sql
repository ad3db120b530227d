-- Recall campaigns (issue 6 §3): what was recalled, the affected scope computed from the trace graph (every
-- downstream identity and every holder with quantity and contact), and each holder's acknowledgement and the
-- quantities returned or destroyed, until the campaign closes with a report.
create schema if not exists recall;

-- Campaign numbers people quote on the phone: TH-<year>-<n> (thu hồi: recall).
create sequence recall.campaign_number;

create table recall.campaigns (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  status text not null check (status in ('open', 'closed')),
  -- Class I: reasonable probability of serious harm; II: temporary or reversible harm; III: unlikely to cause harm
  -- (the classes food-safety authorities use, e.g. US FDA 21 CFR 7.3(m)).
  severity text not null check (severity in ('class_1', 'class_2', 'class_3')),
  reason text not null,
  instructions text,
  contact text,
  -- The producer whose goods are recalled, and where it sits (officials' scope).
  organization_id uuid not null,
  org_commune_id integer not null,
  org_sectors text[] not null,
  opener_kind text not null check (opener_kind in ('official', 'producer')),
  opened_by text not null,
  opened_by_label text not null,
  opened_at timestamptz not null,
  -- What was asked ({ids} or {productId, from, to}) and the identities it named.
  criteria jsonb not null,
  targets text[] not null,
  -- A scope is complete or says where it was cut (trace truncations), never silently partial.
  scope_truncations jsonb not null default '[]'::jsonb,
  scope_computed_at timestamptz not null,
  open_event_ids text[] not null default '{}',
  closed_at timestamptz,
  closed_by text,
  closed_by_label text,
  closing_note text,
  close_event_ids text[] not null default '{}',
  report jsonb,
  updated_at timestamptz not null default now()
);
create index campaigns_org_idx on recall.campaigns (organization_id, opened_at desc);
create index campaigns_opened_idx on recall.campaigns (opened_at desc, id);

-- Every identity downstream of the targets (the targets at depth 0), with the catalog lot and product it is,
-- when known: scans of stamps ask by lot and product.
create table recall.affected (
  campaign_id uuid not null,
  identity text collate "C" not null,
  kind text not null,
  depth integer not null,
  catalog_lot_id uuid,
  product_id uuid,
  primary key (campaign_id, identity)
);
create index affected_identity_idx on recall.affected (identity);
create index affected_lot_idx on recall.affected (catalog_lot_id) where catalog_lot_id is not null;

-- Everyone who has had affected goods. holder_key: `org:<uuid>` for a registered organisation, else the party's
-- identifier (a partner outside the platform, reached through whoever shipped to it).
create table recall.holders (
  campaign_id uuid not null,
  holder_key text not null,
  organization_id uuid,
  name text not null,
  contact jsonb not null,
  commune_id integer,
  sectors text[],
  latitude double precision,
  longitude double precision,
  -- [{id, dimension, received, passedOn, held}] in base units (kg, L, pieces).
  amounts jsonb not null,
  -- Received straight from the producer: one step forward.
  direct boolean not null,
  supplied_by text[] not null default '{}',
  first_received_at timestamptz,
  last_moved_at timestamptz,
  status text not null check (status in ('notified', 'unreachable', 'acknowledged', 'completed')),
  notified_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by text,
  -- {dimension: base units} returned and destroyed so far.
  returned jsonb not null default '{}'::jsonb,
  destroyed jsonb not null default '{}'::jsonb,
  updated_at timestamptz not null default now(),
  primary key (campaign_id, holder_key)
);
create index holders_org_idx on recall.holders (organization_id, campaign_id) where organization_id is not null;

create table recall.holder_actions (
  id bigint generated always as identity primary key,
  campaign_id uuid not null,
  holder_key text not null,
  action text not null check (action in ('acknowledged', 'returned', 'destroyed', 'completed', 'note')),
  quantity double precision,
  uom text,
  note text,
  recorded_by text not null,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now()
);
create index holder_actions_idx on recall.holder_actions (campaign_id, holder_key, id);
