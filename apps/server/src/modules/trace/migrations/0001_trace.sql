-- Trace graph and mass balance (issue 6).
create schema if not exists trace;

-- The trace walks from an event to the identities it names (a transformation's outputs, a parent's children):
-- the epcis module indexes identities by value only, so the trace module adds the by-event direction its
-- recursive query needs. Append-only btrees on a growing key: one more cheap insertion per identity at capture.
create index if not exists trace_event_epcs_seq_idx on epcis.event_epcs (seq, role);
create index if not exists trace_event_quantities_seq_idx on epcis.event_quantities (seq, role);

-- Transformation yields per output product (mass balance): how much input one unit of the product takes, e.g.
-- dried longan ≈ 3.5 kg of fresh longan per kg. Units are UN/CEFACT Rec. 20 codes (EPCIS 2.0 §7.3.3.3 uom).
create table trace.product_yields (
  product_id uuid primary key,
  organization_id uuid not null,
  input_per_output double precision not null check (input_per_output > 0),
  input_uom text not null default 'KGM',
  output_uom text not null default 'KGM',
  tolerance_percent double precision not null default 10 check (tolerance_percent >= 0 and tolerance_percent <= 100),
  note text,
  updated_by text,
  updated_at timestamptz not null default now()
);
create index product_yields_org_idx on trace.product_yields (organization_id);
