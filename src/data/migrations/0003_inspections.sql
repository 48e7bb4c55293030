-- Inspections of accepted models: dated entries with completion per criterion, resources
-- actually mobilised, and evidence files (stored outside the database, described here).
create table inspection (
  id uuid primary key,
  registration_id uuid not null references registration(id),
  inspected_on date not null,
  inspector_id uuid references app_user(id),
  inspector_name text not null,
  overall text not null check (overall in ('exceeds', 'on_track', 'behind', 'stalled')),
  assessment text,
  difficulties text,
  support_given text,
  funds_vnd bigint,
  workdays integer,
  people_reached integer,
  other_resources text,
  created_at timestamptz not null default now()
);
create index inspection_reg_idx on inspection (registration_id, inspected_on);

create table inspection_criterion (
  inspection_id uuid not null references inspection(id) on delete cascade,
  criterion_id uuid not null references registration_criterion(id),
  completion_pct integer not null check (completion_pct between 0 and 1000),
  note text,
  primary key (inspection_id, criterion_id)
);

create table evidence_file (
  id uuid primary key,
  registration_id uuid not null references registration(id),
  inspection_id uuid references inspection(id),
  file_name text not null,
  mime text not null,
  size_bytes integer not null,
  sha256 text not null,
  storage_key text not null,
  uploaded_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index evidence_file_reg_idx on evidence_file (registration_id);
