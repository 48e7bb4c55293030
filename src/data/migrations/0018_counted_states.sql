-- Which registration states count in the statistics (sent for appraisal and not refused), in one
-- place for SQL: `dvk_counted_state(state)`. Its list must equal COUNTED_STATES in
-- src/domain/statistics.ts; tests/domain/counted-states.test.ts compares the two. New or replaced
-- SQL that folds states into counted / not counted calls this function.
create function dvk_counted_state(state text) returns boolean language sql immutable parallel safe as $$
  select state in ('submitted', 'returned', 'accepted', 'recognised', 'not_recognised', 'completed', 'discontinued')
$$;

-- The rollup trigger of 0010, with its two copies of the rule replaced by the function.
create or replace function registration_rollup_apply() returns trigger language plpgsql as $$
declare
  d integer;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    for d in 2..least(3, nlevel(old.unit_path)) loop
      update registration_rollup r
         set n = r.n - 1, n_individual = r.n_individual - (old.holder = 'individual')::int,
             n_recognised = r.n_recognised - old.recognised::int, n_commended = r.n_commended - old.commended::int,
             funds_vnd = r.funds_vnd - coalesce(old.planned_funds_vnd, 0), workdays = r.workdays - coalesce(old.planned_workdays, 0)
       where r.depth = d and r.anc_seq = subpath(old.unit_path, d - 1, 1)::text::bigint and r.field_code = old.field_code
         and r.kind = old.kind and r.year = old.year and r.counted = dvk_counted_state(old.state);
    end loop;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    for d in 2..least(3, nlevel(new.unit_path)) loop
      insert into registration_rollup as r (depth, anc_seq, field_code, kind, year, counted, n, n_individual, n_recognised, n_commended, funds_vnd, workdays)
      values (d, subpath(new.unit_path, d - 1, 1)::text::bigint, new.field_code, new.kind, new.year, dvk_counted_state(new.state),
              1, (new.holder = 'individual')::int, new.recognised::int, new.commended::int, coalesce(new.planned_funds_vnd, 0), coalesce(new.planned_workdays, 0))
      on conflict (depth, anc_seq, field_code, kind, year, counted)
      do update set n = r.n + 1, n_individual = r.n_individual + excluded.n_individual, n_recognised = r.n_recognised + excluded.n_recognised,
                    n_commended = r.n_commended + excluded.n_commended, funds_vnd = r.funds_vnd + excluded.funds_vnd, workdays = r.workdays + excluded.workdays;
    end loop;
  end if;
  return null;
end $$;
