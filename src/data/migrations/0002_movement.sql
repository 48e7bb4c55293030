-- The movement cycle: catalogues, campaigns with quotas, registrations of models and exemplars
-- with their own criteria, and the history of every transition.

-- Fields (lĩnh vực): a configurable list; codes are stable, names editable.
create table field (
  code text primary key,
  name text not null,
  sort integer not null default 0,
  active boolean not null default true
);
insert into field (code, name, sort) values
  ('economic', 'Kinh tế', 1),
  ('cultural_social', 'Văn hóa – xã hội', 2),
  ('defence_security', 'Quốc phòng – an ninh', 3),
  ('political_system', 'Xây dựng hệ thống chính trị', 4),
  ('other', 'Khác', 5);

-- Criterion templates per unit kind, for collective exemplars, individual exemplars and models.
create table criterion_template (
  id uuid primary key,
  target text not null check (target in ('collective', 'individual', 'model')),
  unit_kind text,
  name text not null,
  description text,
  sort integer not null default 0,
  active boolean not null default true,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
create index criterion_template_lookup_idx on criterion_template (target, unit_kind, sort);

create table campaign (
  id uuid primary key,
  unit_id uuid not null references unit(id),
  unit_path ltree not null,
  title text not null,
  description text,
  year_from integer not null,
  year_to integer not null,
  start_date date not null,
  end_date date not null,
  focus_themes text[] not null default '{}',
  state text not null default 'draft' check (state in ('draft', 'launched', 'closed')),
  launched_at timestamptz,
  created_by uuid references app_user(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (year_to >= year_from),
  check (end_date >= start_date)
);
create index campaign_path_gist on campaign using gist (unit_path);

-- Quotas per unit kind (null kind: every unit): e.g. at least 1 new model or 2 consolidated a year.
create table campaign_quota (
  id uuid primary key,
  campaign_id uuid not null references campaign(id) on delete cascade,
  unit_kind text,
  min_new integer not null default 0,
  min_consolidated integer not null default 0,
  min_total integer not null default 0,
  note text
);
create index campaign_quota_campaign_idx on campaign_quota (campaign_id);

create table registration (
  id uuid primary key,
  kind text not null check (kind in ('model', 'exemplar')),
  campaign_id uuid references campaign(id),
  unit_id uuid not null references unit(id),
  unit_path ltree not null,
  holder text not null check (holder in ('collective', 'individual')),
  person_name text,
  person_position text,
  title text not null,
  title_key text not null,
  field_code text not null references field(code),
  origin text not null check (origin in ('new', 'consolidation', 'replication')),
  origin_id uuid references registration(id),
  problem text,
  purpose text,
  place_unit_id uuid references unit(id),
  place_address text,
  start_date date not null,
  end_date date not null,
  forces text,
  targets text,
  solutions text,
  planned_funds_vnd bigint,
  planned_workdays integer,
  planned_other text,
  level text not null,
  year integer not null,
  state text not null default 'draft',
  supporter_id uuid references app_user(id),
  created_by uuid references app_user(id),
  submitted_at timestamptz,
  decided_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date >= start_date),
  check (holder = 'collective' or person_name is not null)
);
create index registration_path_gist on registration using gist (unit_path);
create index registration_unit_title_idx on registration (unit_id, title_key);
create index registration_state_idx on registration (state, year);
create index registration_origin_idx on registration (origin_id);

create table registration_criterion (
  id uuid primary key,
  registration_id uuid not null references registration(id) on delete cascade,
  name text not null,
  target numeric,
  unit_of_measure text,
  sort integer not null default 0
);
create index registration_criterion_reg_idx on registration_criterion (registration_id, sort);

-- The timeline of a registration: one row per transition, written in the transition's transaction.
create table registration_event (
  id bigint generated always as identity primary key,
  registration_id uuid not null references registration(id),
  at timestamptz not null default now(),
  actor_id uuid references app_user(id),
  actor_name text not null,
  transition text not null,
  from_state text,
  to_state text not null,
  reason text,
  data jsonb
);
create index registration_event_reg_idx on registration_event (registration_id, at);
