-- Foundation: units (a tree addressed by ltree paths), accounts, sessions, sign-in attempts, audit.
create extension if not exists ltree;
create extension if not exists unaccent;
create extension if not exists pg_trgm;

create table unit (
  id uuid primary key,
  -- short numeric label used in paths; never reused, never changes
  seq bigint generated always as identity unique,
  parent_id uuid references unit(id),
  path ltree not null,
  code text not null,
  name text not null,
  -- folded name (no diacritics, lower case) for search and sort
  name_key text not null,
  kind text not null,
  level text not null,
  address text,
  active boolean not null default true,
  -- validity: a unit that is merged, split or abolished keeps its row and gets valid_to
  valid_from date not null default current_date,
  valid_to date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index unit_code_key on unit (code);
create index unit_path_gist on unit using gist (path);
create index unit_parent_idx on unit (parent_id, name_key);
create index unit_name_key_trgm on unit using gin (name_key gin_trgm_ops);

-- Lineage between units across reorganisations (merge, split, rename with a new identity).
create table unit_lineage (
  predecessor_id uuid not null references unit(id),
  successor_id uuid not null references unit(id),
  effective_date date not null,
  change_kind text not null,
  primary key (predecessor_id, successor_id)
);
create index unit_lineage_successor_idx on unit_lineage (successor_id);

create table app_user (
  id uuid primary key,
  username text not null,
  full_name text not null,
  position text,
  password_hash text not null,
  role text not null,
  unit_id uuid not null references unit(id),
  entry_unit_id uuid references unit(id),
  view_unit_id uuid not null references unit(id),
  active boolean not null default true,
  must_change_password boolean not null default false,
  last_login_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index app_user_username_key on app_user (lower(username));

create table user_session (
  -- sha-256 of the cookie token: a stolen database does not yield live cookies
  token_hash text primary key,
  user_id uuid not null references app_user(id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index user_session_user_idx on user_session (user_id);

create table login_attempt (
  id bigint generated always as identity primary key,
  username text not null,
  ip text not null,
  success boolean not null,
  at timestamptz not null default now()
);
create index login_attempt_lookup_idx on login_attempt (username, at);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid references app_user(id),
  actor_name text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  entity_label text,
  -- path of the unit the entity hangs on, so officers read the audit of their subtree only
  unit_path ltree,
  before jsonb,
  after jsonb,
  ip text
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);
create index audit_log_path_gist on audit_log using gist (unit_path);

-- The audit log is append-only: updates and deletes are refused by the database itself.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
