-- Platform tables shared by every capability: the transactional outbox, background jobs, rate-limit counters.
create schema if not exists platform;
-- Trigram indexes serve diacritic-insensitive substring search (a trusted extension since PostgreSQL 13).
create extension if not exists pg_trgm;

-- Transactional outbox: a row is written in the same transaction as the change that causes an effect
-- (a ledger entry, an e-mail, a webhook); workers deliver it at least once and mark it processed.
create table platform.outbox (
  id bigint generated always as identity primary key,
  topic text not null,
  payload jsonb not null,
  -- Optional idempotency key: a second insert with the same key is ignored.
  dedupe_key text unique,
  created_at timestamptz not null default now(),
  available_at timestamptz not null default now(),
  attempts integer not null default 0,
  last_error text,
  processed_at timestamptz,
  -- The owning organisation when there is one, so the table can be distributed by it later.
  organization_id uuid
);
create index outbox_pending_idx on platform.outbox (topic, available_at, id) where processed_at is null;

-- Long-running work (imports, exports, stamp issuance, reports) with progress that survives a reload.
create table platform.jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  organization_id uuid,
  created_by uuid,
  input jsonb not null default '{}'::jsonb,
  progress_done bigint not null default 0,
  progress_total bigint,
  result jsonb,
  error jsonb,
  attempts integer not null default 0,
  locked_by text,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
create index jobs_queue_idx on platform.jobs (status, created_at) where status in ('queued', 'running');
create index jobs_owner_idx on platform.jobs (organization_id, created_at desc);

-- Rate-limit counters shared by every server process. Unlogged: losing them in a crash only resets limits.
create unlogged table platform.rate_limits (
  key text primary key,
  hits integer not null,
  window_ends timestamptz not null
);
