-- The registration list sorts by title or year as well as by last change (0011). With these indexes
-- a wide list (a province, the whole country) sorted by either reads its rows in order and stops at
-- the page, in both directions, the id breaking ties as the list's order does. Sorting by unit or
-- state orders the matching rows themselves: it is meant for a narrowed list.
create index registration_title_order_idx on registration (title_key, id);
create index registration_year_order_idx on registration (year, id);
