-- Imports from Excel or CSV: the job (what was uploaded, by whom, for which entry scope, how far it
-- got) and its staging rows (every row read, with the values to write, the action it will take and
-- the reasons it is refused). Nothing reaches the real tables until the importer confirms; then the
-- staged rows are written in one transaction.
create table import_job (
  id uuid primary key,
  kind text not null check (kind in ('registrations', 'units', 'users')),
  file_name text not null,
  file_type text not null check (file_type in ('xlsx', 'csv')),
  state text not null default 'queued'
    check (state in ('queued', 'reading', 'ready', 'confirmed', 'writing', 'done', 'failed')),
  -- the importer's entry scope when the file was sent: nothing outside it is read or written
  scope_path ltree not null,
  -- who imports, as the policy saw them when the file was sent (id, name, role, entry and view paths)
  actor jsonb not null,
  rows_read integer not null default 0,
  rows_checked integer not null default 0,
  rows_written integer not null default 0,
  n_create integer not null default 0,
  n_update integer not null default 0,
  n_unchanged integer not null default 0,
  n_rejected integer not null default 0,
  -- what the reader noticed about the file as a whole: sheets read, the CSV's encoding
  notes jsonb not null default '[]',
  error text,
  created_by uuid not null references app_user(id),
  created_at timestamptz not null default now(),
  checked_at timestamptz,
  confirmed_at timestamptz,
  finished_at timestamptz
);
create index import_job_owner_idx on import_job (created_by, created_at desc);
create index import_job_scope_gist on import_job using gist (scope_path);
create index import_job_state_idx on import_job (state, created_at);

create table import_row (
  job_id uuid not null references import_job(id) on delete cascade,
  -- order in the file (over all sheets)
  n integer not null,
  sheet text not null,
  line integer not null,
  action text check (action in ('create', 'update', 'unchanged', 'rejected')),
  -- the record an update or an unchanged row stands for
  target_id uuid,
  -- the cells as read (legacy text already converted), by column key
  raw jsonb not null,
  -- the values to write
  data jsonb,
  -- [{column, message}] in Vietnamese
  problems jsonb not null default '[]',
  -- [{column, from, before, after}]: text converted from TCVN3 or VNI
  conversions jsonb not null default '[]',
  primary key (job_id, n)
);
create index import_row_action_idx on import_row (job_id, action, n);
