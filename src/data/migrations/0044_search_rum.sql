-- Search served newest first from the index where the server has the RUM index method
-- (Debian package postgresql-<major>-rum). The RUM index keeps each registration's `updated_at`
-- with its words, so "matches these words, most recently changed first" is sorted inside the
-- index and only the rows of the page are read from the table. Without the package (PGlite, a
-- server without it) nothing is created and search uses the GIN index of 0008;
-- `data/search-repo.ts` looks for this index by name once per database.
--
-- On every engine: a province's registrations newest first, for the search's walk down the newest
-- registrations of a province (a common word fills a page within a few hundred of them; read from
-- the whole country's newest, a province's are one in thirty-four).
create index if not exists registration_province_updated_idx
  on registration ((subpath(unit_path, 0, least(nlevel(unit_path), 2))), updated_at desc, id);

-- A database user not allowed to create the extension (rum is not a trusted extension) keeps GIN.
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'rum') then
    begin
      create extension if not exists rum;
    exception when insufficient_privilege then
      raise notice 'rum: no right to create the extension, search keeps the GIN index';
      return;
    end;
    execute 'create index if not exists registration_search_rum on registration
               using rum (search rum_tsvector_addon_ops, updated_at)
               with (attach = ''updated_at'', to = ''search'', order_by_attach = true)';
  end if;
end $$;
