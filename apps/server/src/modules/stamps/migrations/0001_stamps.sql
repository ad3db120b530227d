-- Traceability stamps (tem truy xuất nguồn gốc): requests and their approval, issued stamps, print jobs, status
-- changes provable through the transparency ledger, and consumer scans. Cross-module references (organisation,
-- product, lot) are ids, never foreign keys (docs/architecture.md).
create schema if not exists stamps;

-- Yearly stamp quota per organisation, set by the province administrator; absent = the module's default.
create table stamps.quotas (
  organization_id uuid primary key,
  yearly_limit integer not null check (yearly_limit >= 0),
  updated_by text,
  updated_at timestamptz not null default now()
);

create table stamps.requests (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  org_commune_id integer not null,
  org_sectors text[] not null,
  product_id uuid not null,
  -- The product's sector when it names one (its sector officer approves), else the organisation's sectors.
  product_sector text,
  lot_id uuid,
  quantity integer not null check (quantity between 1 and 1000000),
  kind text not null check (kind in ('qr', 'qr_code')),
  layout jsonb not null,
  expected_region_km integer not null check (expected_region_km between 10 and 5000),
  note text,
  status text not null check (status in ('pending', 'approved', 'rejected', 'issuing', 'issued', 'failed')),
  checks jsonb,
  decision_reason text,
  decided_by text,
  decided_at timestamptz,
  -- Fixed at approval: every stamp's URI is uri_prefix || serial (GS1 Digital Link .../21/ or the short /s/).
  uri_prefix text,
  gtin text,
  lot_code text,
  job_id uuid,
  issued_count integer not null default 0,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index requests_org_idx on stamps.requests (organization_id, created_at desc);
create index requests_queue_idx on stamps.requests (status, created_at);

-- One row per stamp. The serial (GS1 AI 21, 80 random bits) is the key every scan looks up.
create table stamps.stamps (
  serial text primary key,
  request_id uuid not null,
  seq integer not null,
  organization_id uuid not null,
  product_id uuid not null,
  lot_id uuid,
  status text not null check (status in ('issued', 'printed', 'active', 'void', 'lost', 'recalled')),
  -- HMAC-SHA256 of the hidden verification code (kind qr_code); the code itself is never stored.
  code_hash bytea,
  code_verified_at timestamptz,
  code_verified_by text,
  code_failures integer not null default 0,
  code_last_failure_at timestamptz,
  printed_at timestamptz,
  activated_at timestamptz,
  status_changed_at timestamptz,
  scan_count integer not null default 0,
  first_scanned_at timestamptz,
  last_scanned_at timestamptz,
  -- Suspicion flags [{code, at, params}], read with the stamp in the resolver's single lookup.
  flags jsonb not null default '[]'::jsonb
);
create unique index stamps_request_seq_uq on stamps.stamps (request_id, seq);
create index stamps_lot_idx on stamps.stamps (lot_id) where lot_id is not null;

-- Stamps per request and status, kept with every change, so stock never counts millions of rows.
create table stamps.stock (
  request_id uuid not null,
  organization_id uuid not null,
  status text not null,
  n integer not null,
  primary key (request_id, status)
);
create index stock_org_idx on stamps.stock (organization_id);

-- A batch of issued stamps: its RFC 9162 Merkle root over the stamps' entries is what the ledger records.
create table stamps.issue_batches (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null,
  organization_id uuid not null,
  seq_from integer not null,
  seq_to integer not null,
  merkle_root text not null,
  content jsonb not null,
  content_sha256 text not null,
  created_at timestamptz not null default now(),
  unique (request_id, seq_from)
);

-- A status change of a set of stamps (print, activate, void, lost, recall), recorded in the ledger the same way.
create table stamps.status_changes (
  id uuid primary key default gen_random_uuid(),
  -- Commit order, for histories (timestamps may tie).
  seq bigint generated always as identity,
  organization_id uuid not null,
  kind text not null check (kind in ('print', 'activate', 'void', 'lost', 'recall')),
  to_status text not null,
  lot_id uuid,
  reason text,
  stamp_count integer not null,
  merkle_root text not null,
  content jsonb not null,
  content_sha256 text not null,
  actor text,
  created_at timestamptz not null default now()
);
create index status_changes_org_idx on stamps.status_changes (organization_id, created_at desc);

-- The members of a status change, in Merkle leaf order: each stamp's own history and its proof index.
create table stamps.stamp_events (
  change_id uuid not null,
  idx integer not null,
  serial text not null,
  from_status text not null,
  primary key (change_id, idx)
);
create index stamp_events_serial_idx on stamps.stamp_events (serial);

-- Every print and reprint (who, when, which range, whether it carried verification codes).
create table stamps.print_jobs (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  request_id uuid not null,
  organization_id uuid not null,
  format text not null check (format in ('pdf', 'zip')),
  seq_from integer not null,
  seq_to integer not null,
  label_count integer not null,
  reprint boolean not null,
  reason text,
  with_codes boolean not null,
  layout jsonb not null,
  printed_by text,
  created_at timestamptz not null default now()
);
create index print_jobs_request_idx on stamps.print_jobs (request_id, created_at);

-- Scans of serialised stamps. No address is kept: the client is a keyed hash (HMAC) and the place, when the
-- consumer shares it, is rounded to 0.1° (about 11 km). Partitioned by time for growth (monthly partitions can
-- be attached beside the default one).
create table stamps.scans (
  id uuid not null,
  serial text not null,
  organization_id uuid not null,
  scanned_at timestamptz not null,
  channel text not null,
  ua_family text not null,
  client_hash text,
  latitude double precision,
  longitude double precision,
  distance_km double precision,
  primary key (id, scanned_at)
) partition by range (scanned_at);
create table stamps.scans_default partition of stamps.scans default;
create index scans_serial_idx on stamps.scans (serial, scanned_at);

-- Public resolver rate counters shared by every process (each process counts locally and syncs every second).
create table stamps.rate_counters (
  key text primary key,
  hits integer not null,
  window_ends timestamptz not null
);
