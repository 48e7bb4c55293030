-- Vietnamese search: words are compared without diacritics or case ("dan van kheo" finds
-- "Dân vận khéo", "đ" matches "d"), through a text search configuration that unaccents each word.
-- Full-text search, not trigram operators: it stays fast on the GIN index and never hangs.
create text search configuration vi_unaccent (copy = simple);
alter text search configuration vi_unaccent alter mapping for hword, hword_part, word with unaccent, simple;

create function registration_search_vector(title text, person text, unit_id uuid, body text) returns tsvector
language sql stable as $$
  select setweight(to_tsvector('vi_unaccent', coalesce(title, '')), 'A')
      || setweight(to_tsvector('vi_unaccent', concat_ws(' ', person, (select u.name from unit u where u.id = unit_id))), 'B')
      || setweight(to_tsvector('vi_unaccent', coalesce(body, '')), 'C')
$$;

alter table registration add column search tsvector;
update registration set search = registration_search_vector(title, person_name, unit_id, concat_ws(' ', problem, purpose, solutions, forces, targets));
create index registration_search_gin on registration using gin (search);

create function registration_search_refresh() returns trigger language plpgsql as $$
begin
  new.search := registration_search_vector(new.title, new.person_name, new.unit_id,
    concat_ws(' ', new.problem, new.purpose, new.solutions, new.forces, new.targets));
  return new;
end $$;
create trigger registration_search_refresh before insert or update of title, person_name, unit_id, problem, purpose, solutions, forces, targets
  on registration for each row execute function registration_search_refresh();

-- A renamed unit is found under its new name.
create function unit_rename_search() returns trigger language plpgsql as $$
begin
  update registration r set search = registration_search_vector(r.title, r.person_name, r.unit_id,
    concat_ws(' ', r.problem, r.purpose, r.solutions, r.forces, r.targets)) where r.unit_id = new.id;
  return null;
end $$;
create trigger unit_rename_search after update of name on unit for each row when (old.name is distinct from new.name)
  execute function unit_rename_search();
