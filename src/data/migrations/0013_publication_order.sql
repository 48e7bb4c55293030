-- The showcase lists the newest publications first.
create index publication_published_at_idx on publication (published_at desc, slug);
