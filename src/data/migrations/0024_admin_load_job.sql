-- Loading the administrative map and the history of the 2025 reform from the administrator's
-- screen: a stored job run by the server, one at a time, with its progress.
create table admin_load_job (
  id uuid primary key,
  kind text not null check (kind in ('admin_units', 'admin_history')),
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
  stage text,
  rows_read integer not null default 0,
  units_written integer not null default 0,
  result jsonb,
  error text,
  created_by uuid not null references app_user(id),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index admin_load_job_created_idx on admin_load_job (created_at desc);
-- One load at a time, whoever starts it and on whichever instance.
create unique index admin_load_job_one_active on admin_load_job ((true)) where state in ('queued', 'running');
