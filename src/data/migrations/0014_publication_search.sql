-- The public showcase's own search. It reads public text only: the title, the summary written for
-- the public, the unit's name and an exemplar's name; never the registrant's internal description
-- that registration.search also holds. Kept on the publication, indexed, refreshed when a unit is
-- renamed (a recognised registration's own title and people no longer change).
create function public_search_vector(reg uuid, summary text) returns tsvector language sql stable as $$
  select to_tsvector('vi_unaccent', concat_ws(' ', r.title, summary, u.name, case when r.holder = 'individual' then r.person_name end))
    from registration r join unit u on u.id = r.unit_id
   where r.id = reg
$$;

alter table publication add column search tsvector;
update publication set search = public_search_vector(registration_id, summary);
create index publication_search_idx on publication using gin (search);

create function publication_search_on_unit_rename() returns trigger language plpgsql as $$
begin
  update publication p set search = public_search_vector(p.registration_id, p.summary)
    from registration r
   where r.id = p.registration_id and r.unit_id = new.id;
  return null;
end
$$;
create trigger unit_rename_publication_search after update of name on unit
  for each row when (old.name is distinct from new.name) execute function publication_search_on_unit_rename();
