-- What applying a reorganisation changed, kept so that it can be listed by place and undone
-- exactly, and what a scheduled one met when its date came.
--
-- * `reorganisation_unit`: every unit a change names (closed, created, renamed, moved, receiving),
--   with its row as it was before (null for a unit the reorganisation created) and its version
--   right after: undo refuses when a unit changed since.
-- * `reorganisation_version_before`: the `unit_version` rows the reorganisation closed or replaced,
--   as they were; undo deletes the versions it opened and puts these back.
-- * `reorganisation.moved`: the subtrees it re-rooted, as [old path, new path] text pairs; undo
--   re-roots them back (unit paths and every copy of them).

create table reorganisation_unit (
  reorganisation_id uuid not null references reorganisation(id) on delete cascade,
  unit_id uuid not null references unit(id),
  created boolean not null default false,
  before jsonb,
  version_after integer,
  primary key (reorganisation_id, unit_id)
);
create index reorganisation_unit_unit_idx on reorganisation_unit (unit_id);

create table reorganisation_version_before (
  reorganisation_id uuid not null references reorganisation(id) on delete cascade,
  unit_id uuid not null,
  valid_from date not null,
  row jsonb not null,
  primary key (reorganisation_id, unit_id, valid_from)
);

alter table reorganisation add column moved jsonb;
alter table reorganisation add column counts jsonb;
alter table reorganisation add column last_error text;
alter table reorganisation add column undone_by uuid references app_user(id);
