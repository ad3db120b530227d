-- The public pages' own data (issue 8): consumers' reports of problems, read by officials in their inbox.
-- Schema `public_site`, not `public`: that name is PostgreSQL's default schema.
create schema if not exists public_site;

create table public_site.reports (
  id uuid primary key default gen_random_uuid(),
  -- The number a consumer is told ("report no. 123") and an official quotes on the phone.
  number bigint generated always as identity unique,
  -- The signed form token's nonce: a token is accepted once (reports/form-token.ts).
  token_nonce text not null unique,
  category text not null check (category in ('fake_stamp', 'wrong_info', 'quality', 'expired', 'other')),
  message text not null check (char_length(message) between 1 and 2000),
  contact text check (contact is null or char_length(contact) <= 200),
  consent_at timestamptz not null,
  has_photo boolean not null default false,
  ref text not null,
  context jsonb not null,
  product_id uuid,
  lot_id uuid,
  organization_id uuid,
  -- Who is responsible (the producer's commune, the product's sector): the inbox's scope. Unknown products
  -- (an invented stamp) have neither and reach the province administrators.
  org_commune_id integer,
  sectors text[] not null default '{}',
  client_hash text,
  status text not null default 'new' check (status in ('new', 'in_progress', 'closed')),
  note text check (note is null or char_length(note) <= 2000),
  handled_by uuid,
  handled_at timestamptz,
  created_at timestamptz not null default now()
);
create index reports_created_idx on public_site.reports (created_at desc, id);
create index reports_commune_idx on public_site.reports (org_commune_id, created_at desc);
create index reports_sectors_idx on public_site.reports using gin (sectors);

-- The optional photo, re-encoded (metadata such as GPS removed), kept apart so lists never read it.
create table public_site.report_photos (
  report_id uuid primary key references public_site.reports (id),
  content_type text not null,
  bytes bytea not null
);
