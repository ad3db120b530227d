-- EPCIS 2.0 event repository (issue 4): immutable events as JSONB plus normalised index tables that answer the
-- query language (EPCIS 2.0 §8.2.7) with indexes, sized for 10^8 events.
--
-- Partitioning: `events` carries organization_id and event_time and has no unique constraint but its key, so it
-- can become `partition by range (event_time)` with primary key (event_time, seq) without changing any query:
-- event-id uniqueness lives in the small `event_ids` registry, and every index table refers to events by `seq`.
-- Identifier columns use the "C" collation so that btree indexes serve prefix LIKE (EPC pattern matching).
create schema if not exists epcis;

-- Capture order. Allocated before insertion so that a chunk's event and index rows go in as independent bulk
-- statements; gaps (rolled-back captures) are harmless.
create sequence epcis.event_seq as bigint;

-- One row per event ID ever stored: global uniqueness, and the CBV 2.0 event hash (SHA-256 digest) that tells a
-- harmless repeat (same event captured again: a no-op) from a conflicting one (same ID, other content).
create table epcis.event_ids (
  event_id text collate "C" primary key,
  seq bigint not null,
  hash bytea not null
);

create table epcis.events (
  seq bigint primary key,
  event_id text collate "C" not null,
  organization_id uuid not null,
  capture_id uuid,
  event_type text not null,
  action text,
  event_time timestamptz not null,
  -- Set by the repository (EPCIS 2.0 §7.4.1), never taken from the input.
  record_time timestamptz not null,
  -- The capturing transaction: pagination tokens and scheduled subscriptions keep a pg_snapshot and see
  -- exactly the events committed before it, whatever order concurrent captures commit in.
  txid xid8 not null default pg_current_xact_id(),
  biz_step text collate "C",
  disposition text collate "C",
  read_point text collate "C",
  biz_location text collate "C",
  transformation_id text collate "C",
  pd_set text[],
  pd_unset text[],
  declaration_time timestamptz,
  error_reason text collate "C",
  has_sensor boolean not null default false,
  -- The event in the @txng/epcis model (eventID and recordTime filled), from which either binding is written.
  body jsonb not null
);
create index events_org_seq_idx on epcis.events (organization_id, seq);
create index events_event_time_idx on epcis.events (event_time, seq);
create index events_record_time_idx on epcis.events (record_time, seq);
create index events_biz_step_idx on epcis.events (biz_step, seq);
create index events_disposition_idx on epcis.events (disposition, seq);
create index events_read_point_idx on epcis.events (read_point, seq);
create index events_biz_location_idx on epcis.events (biz_location, seq);
create index events_transformation_idx on epcis.events (transformation_id) where transformation_id is not null;
create index events_declaration_idx on epcis.events (declaration_time) where declaration_time is not null;

-- Identities named by an event, canonical (canonicalEpc: EPC URN and Digital Link of one object are equal).
-- role: 1 epcList, 2 childEPCs, 3 inputEPCList, 4 outputEPCList, 5 parentID.
create table epcis.event_epcs (
  seq bigint not null,
  role smallint not null,
  epc text collate "C" not null
);
create index event_epcs_epc_idx on epcis.event_epcs (epc, seq);

-- Quantity elements. role: 1 quantityList, 2 childQuantityList, 3 inputQuantityList, 4 outputQuantityList.
create table epcis.event_quantities (
  seq bigint not null,
  role smallint not null,
  epc_class text collate "C" not null,
  quantity double precision,
  uom text collate "C"
);
create index event_quantities_class_idx on epcis.event_quantities (epc_class, seq);

-- Sources and destinations (role 1 source, 2 destination). `gln` is the party's GLN when the identifier is a
-- GLN-based key (sgln/pgln or Digital Link 414/417): an organisation reads events naming its GLN or prefix.
create table epcis.event_parties (
  seq bigint not null,
  role smallint not null,
  type text collate "C" not null,
  party text collate "C" not null,
  gln text collate "C"
);
create index event_parties_party_idx on epcis.event_parties (party, seq);
create index event_parties_gln_idx on epcis.event_parties (gln, seq) where gln is not null;

create table epcis.event_biz_transactions (
  seq bigint not null,
  type text collate "C",
  biz_transaction text collate "C" not null
);
create index event_biz_transactions_idx on epcis.event_biz_transactions (biz_transaction, seq);

-- Error declarations name the events that correct them (EPCIS 2.0 §7.4.1.2).
create table epcis.event_corrections (
  seq bigint not null,
  corrective_event_id text collate "C" not null
);
create index event_corrections_idx on epcis.event_corrections (corrective_event_id, seq);

-- Extension fields per scope (EQ_/GT_/…/EXISTS_ [INNER_] [ILMD_|ERROR_DECLARATION_|SENSOR…|readPoint_|bizLocation_]).
-- scope: 1 event, 2 ilmd, 3 errorDeclaration, 4 readPoint, 5 bizLocation, 6 sensorElement, 7 sensorMetadata,
-- 8 sensorReport. top: a top-level element of its scope (else nested). The value columns hold the value read
-- as text, as a number and as an instant, as the query language compares them; sort_* the orderBy key.
create table epcis.event_fields (
  seq bigint not null,
  scope smallint not null,
  top boolean not null,
  pos integer not null,
  ns text collate "C" not null,
  name text collate "C" not null,
  text_value text collate "C",
  num_value double precision,
  time_value timestamptz,
  sort_num double precision,
  sort_text text collate "C"
);
create index event_fields_name_idx on epcis.event_fields (ns, name, text_value);
create index event_fields_seq_idx on epcis.event_fields (seq);

-- Key fields of sensor reports and metadata (EPCIS 2.0 §7.3.8): string fields normalised as the query
-- language compares them, numbers with the report's unit, times.
create table epcis.event_sensor_values (
  seq bigint not null,
  field text collate "C" not null,
  text_value text collate "C",
  num_value double precision,
  uom text collate "C",
  time_value timestamptz
);
create index event_sensor_values_idx on epcis.event_sensor_values (field, text_value, seq);
create index event_sensor_values_num_idx on epcis.event_sensor_values (field, num_value) where num_value is not null;

-- Organisations that captured events: officials' scope filters choose among these, not among all events.
create table epcis.capturing_organizations (
  organization_id uuid primary key
);

-- Master data captured in document headers (EPCIS 2.0 §7.2): hierarchy for WD_, attributes for HASATTR_/EQ_ATTR_.
create table epcis.vocabulary_elements (
  organization_id uuid not null,
  vocabulary_type text collate "C" not null,
  element_id text collate "C" not null,
  attributes jsonb not null default '[]'::jsonb,
  children text[] not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (organization_id, vocabulary_type, element_id)
);
create index vocabulary_elements_id_idx on epcis.vocabulary_elements (element_id);

-- Capture jobs (REST binding /capture/{captureID}): status and the errors of every failing event.
create table epcis.capture_jobs (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  actor_id text,
  behaviour text not null check (behaviour in ('rollback', 'proceed')),
  format text not null check (format in ('json', 'xml')),
  running boolean not null default true,
  success boolean not null default true,
  event_count integer not null default 0,
  stored_count integer not null default 0,
  duplicate_count integer not null default 0,
  errors jsonb not null default '[]'::jsonb,
  warnings jsonb not null default '[]'::jsonb,
  -- A job still running when its lease expires lost its worker (process ended): it is failed by the sweeper.
  lease_until timestamptz,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index capture_jobs_owner_idx on epcis.capture_jobs (organization_id, created_at desc, id);
create index capture_jobs_running_idx on epcis.capture_jobs (lease_until) where running;

-- Named queries (REST binding /queries): owned by an organisation (`org:<id>`) or an official (`user:<id>`).
create table epcis.queries (
  owner text not null,
  name text collate "C" not null,
  query jsonb not null,
  created_by text,
  created_at timestamptz not null default now(),
  primary key (owner, name)
);

-- Webhook subscriptions to named queries (stream, or a cron-like schedule).
create table epcis.subscriptions (
  id uuid primary key default gen_random_uuid(),
  owner text not null,
  query_name text collate "C" not null,
  -- Who reads: the access rules are applied to every delivered event as to a query by this actor.
  reader jsonb not null,
  dest text not null,
  secret_enc text not null,
  stream boolean not null,
  schedule jsonb,
  report_if_empty boolean not null default false,
  epc_format text not null default 'Always_GS1_Digital_Link',
  initial_record_time timestamptz,
  -- Scheduled runs: the snapshot of the last run; the next run reports events committed since.
  last_snapshot text,
  last_run_at timestamptz,
  next_run_at timestamptz,
  created_at timestamptz not null default now(),
  last_notified_at timestamptz,
  active boolean not null default true
);
create index subscriptions_owner_idx on epcis.subscriptions (owner, query_name);
create index subscriptions_stream_idx on epcis.subscriptions (id) where active and stream;
create index subscriptions_due_idx on epcis.subscriptions (next_run_at) where active and not stream;
