-- A coarser tally for the wide dashboards. The unit-level tally has about one row per registration
-- at national scale (units × fields × states × years…), too many to sum for the country or a
-- province in a few milliseconds. This rollup counts each registration once for its ancestor at
-- depth 2 (its province) and once at depth 3 (its commune, or the provincial agency), by field,
-- kind and year, with the states folded into "counted" (sent for appraisal and not refused: the
-- same rule as COUNTED_STATES in src/domain/statistics.ts); individual, recognised and commended
-- are measures beside the count, not dimensions, which keeps a province to a few hundred rows.
-- Ancestors are keyed by their path label (the unit's immutable seq), so moving a unit moves its
-- counts along with the registrations' paths.
create table registration_rollup (
  depth integer not null,
  anc_seq bigint not null,
  field_code text not null,
  kind text not null,
  year integer not null,
  counted boolean not null,
  n integer not null default 0,
  n_individual integer not null default 0,
  n_recognised integer not null default 0,
  n_commended integer not null default 0,
  funds_vnd bigint not null default 0,
  workdays bigint not null default 0,
  primary key (depth, anc_seq, field_code, kind, year, counted)
);

create function registration_rollup_apply() returns trigger language plpgsql as $$
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
         and r.kind = old.kind and r.year = old.year and r.counted = (old.state not in ('draft', 'rejected'));
    end loop;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    for d in 2..least(3, nlevel(new.unit_path)) loop
      insert into registration_rollup as r (depth, anc_seq, field_code, kind, year, counted, n, n_individual, n_recognised, n_commended, funds_vnd, workdays)
      values (d, subpath(new.unit_path, d - 1, 1)::text::bigint, new.field_code, new.kind, new.year, new.state not in ('draft', 'rejected'),
              1, (new.holder = 'individual')::int, new.recognised::int, new.commended::int, coalesce(new.planned_funds_vnd, 0), coalesce(new.planned_workdays, 0))
      on conflict (depth, anc_seq, field_code, kind, year, counted)
      do update set n = r.n + 1, n_individual = r.n_individual + excluded.n_individual, n_recognised = r.n_recognised + excluded.n_recognised,
                    n_commended = r.n_commended + excluded.n_commended, funds_vnd = r.funds_vnd + excluded.funds_vnd, workdays = r.workdays + excluded.workdays;
    end loop;
  end if;
  return null;
end $$;
create trigger registration_rollup_apply after insert or update or delete on registration
  for each row execute function registration_rollup_apply();

insert into registration_rollup (depth, anc_seq, field_code, kind, year, counted, n, n_individual, n_recognised, n_commended, funds_vnd, workdays)
select d, subpath(unit_path, d - 1, 1)::text::bigint, field_code, kind, year, state not in ('draft', 'rejected'),
       count(*), count(*) filter (where holder = 'individual'), count(*) filter (where recognised), count(*) filter (where commended),
       coalesce(sum(planned_funds_vnd), 0), coalesce(sum(planned_workdays), 0)
  from registration, generate_series(2, 3) d
 where nlevel(unit_path) >= d
 group by 1, 2, 3, 4, 5, 6;
