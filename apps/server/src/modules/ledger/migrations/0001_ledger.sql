-- The transparency ledger (issue 9): an RFC 9162 Merkle tree of canonical leaves, stored as C2SP tlog-tiles,
-- with signed checkpoints and witness cosignatures.
create schema if not exists ledger;

-- The one row of sequencer state: the tree that the stored tiles describe. Each batch locks it (FOR UPDATE),
-- appends, and updates it in the transaction that stores the batch's entries and tiles, so sequencers in
-- several processes take turns and a crash leaves either the whole batch or none of it.
create table ledger.tree_state (
  id smallint primary key default 1 check (id = 1),
  origin text not null,
  size bigint not null check (size >= 0),
  root bytea not null check (length(root) = 32),
  updated_at timestamptz not null default now()
);

-- (kind, record id, content hash) → leaf index, for proofs. The leaves themselves are in the entry bundles.
create table ledger.entries (
  leaf_index bigint primary key,
  kind text not null,
  record_id text not null,
  sha256 bytea not null check (length(sha256) = 32)
);
create unique index entries_record_idx on ledger.entries (kind, record_id, sha256);

-- Hash tiles (c2sp.org/tlog-tiles §Merkle Tree): one row per tile position, holding its widest version; a
-- partial tile is the prefix of the wider one (the tree is append-only), so any published width is a slice.
create table ledger.tiles (
  level smallint not null check (level between 0 and 63),
  idx bigint not null check (idx >= 0),
  width smallint not null check (width between 1 and 256),
  data bytea not null check (length(data) = 32 * width),
  primary key (level, idx)
);
-- SHA-256 hashes do not compress: skip the attempt.
alter table ledger.tiles alter column data set storage external;

-- Mid tiles (tree levels 8·L + 4, see @txng/tlog TreeBuilderOptions.midTiles): a server-side index that makes
-- proof generation hash ~20 nodes per tile level instead of ~250. Never served.
create table ledger.mid_tiles (
  level smallint not null check (level between 0 and 63),
  idx bigint not null check (idx >= 0),
  width smallint not null check (width between 1 and 256),
  data bytea not null check (length(data) = 32 * width),
  primary key (level, idx)
);
alter table ledger.mid_tiles alter column data set storage external;

-- Entry bundles (tlog-tiles §Log entries): uint16-length-prefixed leaves, the widest version of each bundle.
create table ledger.bundles (
  idx bigint primary key check (idx >= 0),
  width smallint not null check (width between 1 and 256),
  data bytea not null
);

-- Signed checkpoints, one per sequenced batch. `note` is the signed note as published: the log's signature,
-- then the witnesses' cosignatures once collected. A checkpoint counts as published (served at
-- /ledger/checkpoint) once `published_at` is set: at signing without a witness quorum, else when the quorum
-- of TXNG_WITNESS_QUORUM witnesses has cosigned it.
create table ledger.checkpoints (
  size bigint primary key check (size >= 0),
  root bytea not null check (length(root) = 32),
  note text not null,
  cosignatures integer not null default 0,
  signed_at timestamptz not null default now(),
  published_at timestamptz
);
create index checkpoints_published_idx on ledger.checkpoints (size desc) where published_at is not null;

-- What each configured witness last cosigned for this log (the `old` size of the next add-checkpoint request).
create table ledger.witness_status (
  vkey text primary key,
  size bigint not null default 0,
  last_error text,
  updated_at timestamptz not null default now()
);

-- Wakes sequencers in every process when a ledger entry is committed: NOTIFY is delivered at commit, and
-- identical notifications of one transaction are delivered once. The only place the ledger touches the
-- platform's outbox table; sequencers also poll, so a missed notification only delays.
create function ledger.notify_entry() returns trigger language plpgsql as $$
begin
  perform pg_notify('ledger_entry', '');
  return null;
end
$$;
create trigger ledger_entry_notify after insert on platform.outbox
  for each row when (new.topic = 'ledger.entry') execute function ledger.notify_entry();
