-- Statistics on the tree of their time. `dvk_unit_path_at(unit, date)` is the path under which a
-- unit's records are counted on the tree as it stood on that date: the unit's own version in force
-- then, or, when the unit did not stand on that date (closed earlier by a merge or a split, or made
-- later), the version of its nearest ancestor in today's tree that did — a closed unit lies under
-- its successor, so its records go where its successor stood. Labels are the units' immutable seqs,
-- so "unit X stood above this record then" is a label test on the returned path. A unit with no
-- version at all (none should be left after 0019) stands where it is today.
create function dvk_unit_path_at(uuid, date) returns ltree language sql stable parallel safe as $$
  select coalesce(v.path, a.path)
    from unit u
    join unit a on a.path @> u.path
    left join unit_version v on v.unit_id = a.id and v.valid_from <= $2 and (v.valid_to is null or v.valid_to >= $2)
   where u.id = $1
     and (v.unit_id is not null or not exists (select 1 from unit_version w where w.unit_id = a.id))
   order by nlevel(a.path) desc
   limit 1
$$;
