-- geo: the province's administrative units, departments and sectors (reference data).
create schema if not exists geo;

-- Commune-level units (xã, phường) of Sơn La since the 2025 two-level reform.
create table geo.admin_units (
  id integer primary key,
  kind text not null check (kind in ('xa', 'phuong')),
  name text not null,
  name_ascii text not null,
  name_search text not null,
  -- Official code from the national list of administrative units; set by an administrator.
  official_code text unique,
  updated_at timestamptz not null default now(),
  updated_by uuid
);
create index admin_units_search_idx on geo.admin_units (name_search);

-- Sectors (ngành) that supervise businesses and approve within their field.
create table geo.sectors (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  department_code text not null
);

-- Provincial departments (sở) and bodies named in the 2026-2030 plan.
create table geo.departments (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  is_lead boolean not null default false,
  updated_at timestamptz not null default now()
);

insert into geo.departments (code, name_vi, name_en, is_lead) values
  ('dost', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology', true),
  ('doae', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment', false),
  ('doit', 'Sở Công Thương', 'Department of Industry and Trade', false),
  ('doh', 'Sở Y tế', 'Department of Health', false),
  ('dof', 'Sở Tài chính', 'Department of Finance', false),
  ('coop-alliance', 'Liên minh Hợp tác xã tỉnh', 'Provincial Cooperative Alliance', false);

insert into geo.sectors (code, name_vi, name_en, department_code) values
  ('agriculture-environment', 'Nông nghiệp và Môi trường', 'Agriculture and Environment', 'doae'),
  ('industry-trade', 'Công Thương', 'Industry and Trade', 'doit'),
  ('health', 'Y tế', 'Health', 'doh');
