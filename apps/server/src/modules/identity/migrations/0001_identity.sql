-- identity: organisations, users and their roles and scopes, sessions, API keys, password resets,
-- notifications and the audit log.
create schema if not exists identity;

create table identity.organizations (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('enterprise', 'cooperative', 'cooperative_group', 'household_business', 'individual', 'state_agency')),
  name text not null,
  name_search text not null,
  -- Mã số thuế: 10 digits, or 10 digits + '-' + 3 digits for a branch.
  tax_code text check (tax_code ~ '^\d{10}(-\d{3})?$'),
  address text not null,
  -- geo.admin_units.id (cross-module relation by id only)
  commune_id integer not null,
  representative text not null,
  phone text,
  email text,
  website text,
  sectors text[] not null default '{}',
  gs1_company_prefix text check (gs1_company_prefix ~ '^\d{4,12}$'),
  gln text check (gln ~ '^\d{13}$'),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'suspended')),
  status_reason text,
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One live organisation per tax code; a rejected application does not block a new one.
create unique index organizations_tax_code_live_uq on identity.organizations (tax_code) where status <> 'rejected';
create index organizations_status_idx on identity.organizations (status, created_at);
create index organizations_commune_idx on identity.organizations (commune_id);
create index organizations_sectors_idx on identity.organizations using gin (sectors);
create index organizations_search_idx on identity.organizations using gin (name_search gin_trgm_ops);

create table identity.users (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references identity.organizations (id),
  email text not null,
  email_normalized text not null unique,
  full_name text not null,
  phone text,
  role text not null check (role in ('province_admin', 'sector_officer', 'commune_officer', 'inspector', 'org_admin', 'org_staff')),
  scope_sector text,
  scope_commune_id integer,
  department_code text,
  status text not null default 'active' check (status in ('pending', 'active', 'disabled')),
  password_hash text,
  totp_secret_enc text,
  totp_pending_enc text,
  totp_enabled_at timestamptz,
  -- Last accepted TOTP time step: a code is accepted once (RFC 6238 §5.2).
  totp_last_step bigint,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint users_org_role check ((role in ('org_admin', 'org_staff')) = (organization_id is not null)),
  constraint users_sector_scope check (role <> 'sector_officer' or scope_sector is not null),
  constraint users_commune_scope check (role <> 'commune_officer' or scope_commune_id is not null)
);
create index users_organization_idx on identity.users (organization_id);

-- Portal sessions: the cookie holds a random token; only its SHA-256 is stored.
create table identity.sessions (
  id text primary key,
  user_id uuid not null references identity.users (id),
  csrf_token text not null,
  mfa_satisfied boolean not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  user_agent text
);
create index sessions_user_idx on identity.sessions (user_id);

create table identity.api_keys (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references identity.organizations (id),
  name text not null,
  -- First characters of the key, shown in lists so owners can tell keys apart.
  prefix text not null,
  key_hash text not null unique,
  permissions text[] not null,
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_by uuid not null,
  created_at timestamptz not null default now()
);
create index api_keys_org_idx on identity.api_keys (organization_id);

create table identity.password_reset_tokens (
  token_hash text primary key,
  user_id uuid not null references identity.users (id),
  purpose text not null check (purpose in ('reset', 'setup')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

create table identity.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references identity.users (id),
  kind text not null,
  message_code text not null,
  params jsonb not null default '{}'::jsonb,
  link text,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notifications_user_idx on identity.notifications (user_id, created_at desc);

-- The audit log: append-only. No route updates or deletes it, and the database refuses to.
create table identity.audit_events (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_type text not null check (actor_type in ('user', 'api_key', 'system', 'anonymous')),
  actor_id text,
  actor_label text,
  actor_role text,
  actor_organization_id uuid,
  action text not null,
  resource_type text not null,
  resource_id text not null,
  subject_organization_id uuid,
  subject_commune_id integer,
  subject_sectors text[] not null default '{}',
  outcome text not null default 'success' check (outcome in ('success', 'denied', 'failed')),
  request_id text,
  client_hash text,
  before jsonb,
  after jsonb
);
create index audit_events_time_idx on identity.audit_events (occurred_at desc);
create index audit_events_subject_org_idx on identity.audit_events (subject_organization_id, occurred_at desc);
create index audit_events_actor_idx on identity.audit_events (actor_id, occurred_at desc);
create index audit_events_action_idx on identity.audit_events (action, occurred_at desc);

create function identity.audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'identity.audit_events is append-only';
end;
$$;
create trigger audit_events_no_update before update or delete on identity.audit_events
  for each row execute function identity.audit_events_append_only();
create trigger audit_events_no_truncate before truncate on identity.audit_events
  for each statement execute function identity.audit_events_append_only();
