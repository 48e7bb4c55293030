-- The registration list shows the latest changed first. With this index a wide list (a province, a
-- field, a year) reads the newest rows and stops at the page, instead of sorting every match.
create index registration_updated_idx on registration (updated_at desc, id);
