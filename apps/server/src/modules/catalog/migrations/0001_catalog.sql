-- catalog: what businesses record about their products, places and lots (Circular 02/2024 Art. 6.5,
-- Decree 37/2026 Art. 32), the farm diary, files (images, scanned certificates) and spreadsheet imports.
create schema if not exists catalog;

-- Every record carries its organisation and, copied from it on each write, the organisation's commune and
-- sectors: officials' scope (platform/auth/actor.ts) is decided on these without a cross-schema join.
create table catalog.products (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  org_commune_id integer not null,
  org_sectors text[] not null,
  status text not null default 'draft' check (status in ('draft', 'published')),
  version integer not null default 1,
  -- GTIN-14 (GS1 GS §3.3.2); null = "no GTIN yet" (an organisation without a GS1 company prefix).
  gtin text check (gtin ~ '^\d{14}$'),
  name_vi text not null,
  name_en text,
  description_vi text,
  description_en text,
  category text not null,
  sector text,
  unit text not null,
  shelf_life_days integer check (shelf_life_days between 1 and 36500),
  brand text,
  trademark text,
  model_code text,
  standards jsonb not null default '[]'::jsonb,
  certifications jsonb not null default '[]'::jsonb,
  ocop_stars integer check (ocop_stars between 3 and 5),
  ocop_certificate_number text,
  ocop_decision text,
  ocop_expires_on date,
  -- chỉ dẫn địa lý / nhãn hiệu tập thể / nhãn hiệu chứng nhận
  protected_mark_kind text check (protected_mark_kind in ('geographical_indication', 'collective_mark', 'certification_mark')),
  protected_mark_name text,
  -- sản phẩm chủ lực của tỉnh
  key_product boolean not null default false,
  risk_class text check (risk_class in ('low', 'medium', 'high')),
  safety_warnings text,
  -- Decree 37 Art. 32: origin or place of last processing (catalog.places.id).
  origin_place_id uuid,
  images jsonb not null default '[]'::jsonb,
  search text not null,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz
);
create unique index products_org_gtin_uq on catalog.products (organization_id, gtin) where gtin is not null;
create index products_org_idx on catalog.products (organization_id, updated_at desc);
create index products_search_trgm on catalog.products using gin (search gin_trgm_ops);
create index products_public_idx on catalog.products (status, ocop_stars, risk_class);

-- Master-data history: one row per version, the public content as it was recorded in the ledger.
create table catalog.product_versions (
  product_id uuid not null,
  version integer not null,
  content jsonb not null,
  content_sha256 text not null,
  recorded_at timestamptz not null default now(),
  recorded_by text,
  primary key (product_id, version)
);

create table catalog.places (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  org_commune_id integer not null,
  org_sectors text[] not null,
  version integer not null default 1,
  kind text not null check (kind in ('farm', 'planting_area', 'barn', 'processing_facility', 'warehouse', 'shop')),
  name text not null,
  -- geo.admin_units.id; null only for warehouses and shops outside the province.
  commune_id integer,
  address text,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  gln text check (gln ~ '^\d{13}$'),
  gln_extension text,
  internal_code text not null,
  -- mã số vùng trồng: planting-area code issued by the plant-protection authority
  planting_area_code text,
  area_ha double precision check (area_ha > 0),
  description text,
  archived boolean not null default false,
  search text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((latitude is null) = (longitude is null))
);
create unique index places_org_code_uq on catalog.places (organization_id, internal_code);
create unique index places_gln_uq on catalog.places (gln, coalesce(gln_extension, '')) where gln is not null;
create index places_search_trgm on catalog.places using gin (search gin_trgm_ops);
create index places_org_idx on catalog.places (organization_id);

create table catalog.place_versions (
  place_id uuid not null,
  version integer not null,
  content jsonb not null,
  content_sha256 text not null,
  recorded_at timestamptz not null default now(),
  recorded_by text,
  primary key (place_id, version)
);

create table catalog.lots (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  org_commune_id integer not null,
  org_sectors text[] not null,
  version integer not null default 1,
  product_id uuid not null,
  -- The product version current when the lot was created (versioning: records refer to what was true then).
  product_version integer not null,
  -- GS1 AI (10): up to 20 characters of GS1 character set 82.
  lot_code text not null,
  production_date date,
  harvest_date date,
  expiry_date date,
  quantity double precision check (quantity >= 0),
  unit text,
  origin_place_id uuid,
  origin_place_version integer,
  notes text,
  search text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (expiry_date is null or production_date is null or expiry_date >= production_date),
  check (expiry_date is null or harvest_date is null or expiry_date >= harvest_date)
);
create unique index lots_product_code_uq on catalog.lots (product_id, lot_code);
create index lots_org_idx on catalog.lots (organization_id, created_at desc);
create index lots_search_trgm on catalog.lots using gin (search gin_trgm_ops);

-- Farm diary and production steps: what the person entered, in their words, and the EPCIS events written for it.
create table catalog.diary_steps (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  org_commune_id integer not null,
  org_sectors text[] not null,
  lot_id uuid not null,
  kind text not null,
  occurred_at timestamptz not null,
  place_id uuid,
  place_version integer,
  product_version integer not null,
  details jsonb not null default '{}'::jsonb,
  warnings jsonb not null default '[]'::jsonb,
  event_ids text[] not null default '{}',
  recorded_by text,
  recorded_by_label text,
  created_at timestamptz not null default now()
);
create index diary_steps_lot_idx on catalog.diary_steps (lot_id, occurred_at);
create index diary_steps_org_idx on catalog.diary_steps (organization_id, occurred_at desc);

-- Uploaded files: product images (with resized renditions) and scanned certificates.
create table catalog.files (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  kind text not null check (kind in ('image', 'document')),
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  width integer,
  height integer,
  -- Keys in the file storage, by rendition (`large`, `thumb`, or `original` for documents).
  storage_keys jsonb not null,
  created_at timestamptz not null default now()
);
create index files_org_idx on catalog.files (organization_id);

-- Spreadsheet imports: the uploaded file (in the file storage), its validation report, and what was committed.
create table catalog.imports (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  list text not null check (list in ('products', 'places', 'lots', 'diary')),
  file_name text not null,
  file_format text not null check (file_format in ('xlsx', 'csv')),
  storage_key text not null,
  status text not null check (status in ('validating', 'validated', 'rejected', 'committing', 'committed', 'failed')),
  commit_mode text check (commit_mode in ('valid-rows', 'all-or-nothing')),
  job_id uuid,
  total_rows integer,
  valid_rows integer,
  invalid_rows integer,
  committed_rows integer,
  report jsonb,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index imports_org_idx on catalog.imports (organization_id, created_at desc);
