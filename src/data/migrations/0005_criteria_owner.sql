-- Criterion templates belong to a level: null is the national catalogue, otherwise the unit path
-- of the committee that added it. A province edits its own additions; only the national level
-- edits the national catalogue.
alter table criterion_template add column owner_path ltree;
create index criterion_template_owner_gist on criterion_template using gist (owner_path);
