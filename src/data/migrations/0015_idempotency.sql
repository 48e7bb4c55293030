-- A create sent again with the same Idempotency-Key answers the first result and writes nothing.
-- The row is inserted inside the transaction that makes the change (so the change and its key
-- commit together), and the answer is stored on it right after the reply is built.
create table idempotency_key (
  user_id uuid not null references app_user(id) on delete cascade,
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  created_at timestamptz not null default now(),
  response_status integer,
  response_type text,
  response_body text,
  primary key (user_id, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);

-- The export runner picks the next job fairly between users: it counts each owner's running jobs
-- and prefers the owner a runner served longest ago (started_at: when a runner took the job).
create index export_job_state_idx on export_job (state, created_by, created_at);
alter table export_job add column started_at timestamptz;
