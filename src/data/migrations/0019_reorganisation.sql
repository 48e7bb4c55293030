-- Reorganisations of the unit tree (merge, split, rename, move, abolishing a level), with the
-- history of the tree kept so that every period's statistics can be read on the tree of its time.
--
-- Model of time:
-- * `unit` is one identity. Its `path`/`parent_id` is TODAY's tree. A unit closed by a merge or a
--   split keeps its row (active = false, valid_to = the day before the effective date) and is
--   re-parented under its successor, so `path <@ successor.path` covers the predecessors: scope,
--   lists, tallies and rollups follow lineage through the existing path machinery.
-- * `unit_version` is the tree as it stood: one row per unit and period, with the unit's parent,
--   path, code and name in that period. The tree "then" at a date D is the versions in force on D.
-- * `unit_lineage` links predecessor to successor, with the reorganisation that did it, the share
--   of a split part where known, and which successor kept the predecessor's code.
-- * A record keeps its unit (`registration.unit_id` never changes).

create table reorganisation (
  id uuid primary key,
  effective_date date not null,
  -- legal basis: the resolution's number, date and issuer
  basis_number text not null,
  basis_date date,
  basis_issuer text not null,
  note text,
  status text not null check (status in ('scheduled', 'applied', 'undone')),
  change_count integer not null default 0,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  applied_at timestamptz,
  undone_at timestamptz,
  version integer not null default 1
);
create index reorganisation_date_idx on reorganisation (effective_date desc, created_at desc);
create index reorganisation_scheduled_idx on reorganisation (effective_date) where status = 'scheduled';

-- The changes as submitted, in order (the preview and the undo read them back).
create table reorganisation_change (
  reorganisation_id uuid not null references reorganisation(id) on delete cascade,
  seq integer not null,
  kind text not null check (kind in ('merge', 'split', 'rename', 'move', 'abolish_level')),
  spec jsonb not null,
  primary key (reorganisation_id, seq)
);

alter table unit_lineage add column reorganisation_id uuid references reorganisation(id);
alter table unit_lineage add column share numeric(7, 6) check (share is null or (share > 0 and share <= 1));
alter table unit_lineage add column keeps_code boolean not null default false;
create index unit_lineage_reorganisation_idx on unit_lineage (reorganisation_id);

create table unit_version (
  unit_id uuid not null references unit(id),
  valid_from date not null,
  valid_to date,
  parent_id uuid references unit(id),
  -- the unit's path as it stood in this period (labels are the units' immutable seq)
  path ltree not null,
  code text not null,
  name text not null,
  kind text not null,
  level text not null,
  reorganisation_id uuid references reorganisation(id),
  primary key (unit_id, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);
create index unit_version_path_gist on unit_version using gist (path);
create index unit_version_open_idx on unit_version (unit_id) where valid_to is null;

-- A unit entered by hand has always existed as far as DVK knows: its first version starts at the
-- beginning of time, so a period before its creation in DVK still finds it.
insert into unit_version (unit_id, valid_from, valid_to, parent_id, path, code, name, kind, level)
select id, date '0001-01-01', valid_to, parent_id, path, code, name, kind, level from unit;

-- A code belongs to one unit at a time: the 2025 lists give some old codes to new units, so the
-- uniqueness holds among the units still open; a closed unit keeps its code with its validity.
drop index unit_code_key;
create unique index unit_code_open_key on unit (code) where valid_to is null;
