-- Results against targets. An inspection records, per criterion, the value achieved in the
-- criterion's own unit; the completion is computed from it and the target (never typed). What a
-- registration has achieved is what its latest inspection recorded (the latest inspected_on, then
-- the latest entered): a trigger on inspection copies that inspection's mobilised resources onto
-- the registration, and the tally triggers move them like the planned ones, so the dashboards show
-- planned and achieved, exact after every write.

alter table inspection_criterion add column achieved numeric check (achieved >= 0);
alter table inspection_criterion alter column completion_pct drop not null;
alter table inspection_criterion drop constraint inspection_criterion_completion_pct_check;
alter table inspection_criterion add constraint inspection_criterion_completion_pct_check check (completion_pct >= 0);

alter table registration add column achieved_inspection_id uuid;
alter table registration add column achieved_on date;
alter table registration add column achieved_funds_vnd bigint;
alter table registration add column achieved_workdays integer;
alter table registration add column achieved_people integer;

-- The latest inspection of one registration, copied onto it (nulls when it has none).
create function registration_achieved_refresh(reg uuid) returns void language plpgsql as $$
declare
  i record;
begin
  select id, inspected_on, funds_vnd, workdays, people_reached into i from inspection
   where registration_id = reg order by inspected_on desc, created_at desc, id desc limit 1;
  update registration
     set achieved_inspection_id = i.id, achieved_on = i.inspected_on, achieved_funds_vnd = i.funds_vnd,
         achieved_workdays = i.workdays, achieved_people = i.people_reached
   where id = reg
     and (achieved_inspection_id, achieved_on, achieved_funds_vnd, achieved_workdays, achieved_people)
         is distinct from (i.id, i.inspected_on, i.funds_vnd, i.workdays, i.people_reached);
end $$;

create function inspection_achieved() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then perform registration_achieved_refresh(old.registration_id); end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.registration_id <> old.registration_id) then
    perform registration_achieved_refresh(new.registration_id);
  end if;
  return null;
end $$;
create trigger inspection_achieved after insert or update or delete on inspection
  for each row execute function inspection_achieved();

-- Achieved resources beside the planned ones in both tallies; n_achieved counts the registrations
-- with an inspection, so planned and achieved can be read side by side.
alter table registration_tally add column n_achieved integer not null default 0;
alter table registration_tally add column achieved_funds_vnd bigint not null default 0;
alter table registration_tally add column achieved_workdays bigint not null default 0;
alter table registration_tally add column achieved_people bigint not null default 0;
alter table registration_rollup add column n_achieved integer not null default 0;
alter table registration_rollup add column achieved_funds_vnd bigint not null default 0;
alter table registration_rollup add column achieved_workdays bigint not null default 0;
alter table registration_rollup add column achieved_people bigint not null default 0;

create or replace function registration_tally_apply() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update registration_tally t
       set n = t.n - 1,
           funds_vnd = t.funds_vnd - coalesce(old.planned_funds_vnd, 0),
           workdays = t.workdays - coalesce(old.planned_workdays, 0),
           n_achieved = t.n_achieved - (old.achieved_inspection_id is not null)::int,
           achieved_funds_vnd = t.achieved_funds_vnd - coalesce(old.achieved_funds_vnd, 0),
           achieved_workdays = t.achieved_workdays - coalesce(old.achieved_workdays, 0),
           achieved_people = t.achieved_people - coalesce(old.achieved_people, 0)
     where t.unit_id = old.unit_id and t.kind = old.kind and t.holder = old.holder and t.origin = old.origin
       and t.field_code = old.field_code and t.level = old.level and t.state = old.state and t.year = old.year
       and t.campaign_id is not distinct from old.campaign_id
       and t.recognised = old.recognised and t.commended = old.commended;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into registration_tally as t
      (unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended, n, funds_vnd, workdays,
       n_achieved, achieved_funds_vnd, achieved_workdays, achieved_people)
    values (new.unit_id, new.kind, new.holder, new.origin, new.field_code, new.level, new.state, new.year, new.campaign_id,
            new.recognised, new.commended, 1, coalesce(new.planned_funds_vnd, 0), coalesce(new.planned_workdays, 0),
            (new.achieved_inspection_id is not null)::int, coalesce(new.achieved_funds_vnd, 0), coalesce(new.achieved_workdays, 0),
            coalesce(new.achieved_people, 0))
    on conflict (unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended)
    do update set n = t.n + 1, funds_vnd = t.funds_vnd + excluded.funds_vnd, workdays = t.workdays + excluded.workdays,
                  n_achieved = t.n_achieved + excluded.n_achieved, achieved_funds_vnd = t.achieved_funds_vnd + excluded.achieved_funds_vnd,
                  achieved_workdays = t.achieved_workdays + excluded.achieved_workdays, achieved_people = t.achieved_people + excluded.achieved_people;
  end if;
  return null;
end $$;

create or replace function registration_rollup_apply() returns trigger language plpgsql as $$
declare
  d integer;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    for d in 2..least(3, nlevel(old.unit_path)) loop
      update registration_rollup r
         set n = r.n - 1, n_individual = r.n_individual - (old.holder = 'individual')::int,
             n_recognised = r.n_recognised - old.recognised::int, n_commended = r.n_commended - old.commended::int,
             funds_vnd = r.funds_vnd - coalesce(old.planned_funds_vnd, 0), workdays = r.workdays - coalesce(old.planned_workdays, 0),
             n_achieved = r.n_achieved - (old.achieved_inspection_id is not null)::int,
             achieved_funds_vnd = r.achieved_funds_vnd - coalesce(old.achieved_funds_vnd, 0),
             achieved_workdays = r.achieved_workdays - coalesce(old.achieved_workdays, 0),
             achieved_people = r.achieved_people - coalesce(old.achieved_people, 0)
       where r.depth = d and r.anc_seq = subpath(old.unit_path, d - 1, 1)::text::bigint and r.field_code = old.field_code
         and r.kind = old.kind and r.year = old.year and r.counted = dvk_counted_state(old.state);
    end loop;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    for d in 2..least(3, nlevel(new.unit_path)) loop
      insert into registration_rollup as r (depth, anc_seq, field_code, kind, year, counted, n, n_individual, n_recognised, n_commended, funds_vnd, workdays,
                                            n_achieved, achieved_funds_vnd, achieved_workdays, achieved_people)
      values (d, subpath(new.unit_path, d - 1, 1)::text::bigint, new.field_code, new.kind, new.year, dvk_counted_state(new.state),
              1, (new.holder = 'individual')::int, new.recognised::int, new.commended::int, coalesce(new.planned_funds_vnd, 0), coalesce(new.planned_workdays, 0),
              (new.achieved_inspection_id is not null)::int, coalesce(new.achieved_funds_vnd, 0), coalesce(new.achieved_workdays, 0),
              coalesce(new.achieved_people, 0))
      on conflict (depth, anc_seq, field_code, kind, year, counted)
      do update set n = r.n + 1, n_individual = r.n_individual + excluded.n_individual, n_recognised = r.n_recognised + excluded.n_recognised,
                    n_commended = r.n_commended + excluded.n_commended, funds_vnd = r.funds_vnd + excluded.funds_vnd, workdays = r.workdays + excluded.workdays,
                    n_achieved = r.n_achieved + excluded.n_achieved, achieved_funds_vnd = r.achieved_funds_vnd + excluded.achieved_funds_vnd,
                    achieved_workdays = r.achieved_workdays + excluded.achieved_workdays, achieved_people = r.achieved_people + excluded.achieved_people;
    end loop;
  end if;
  return null;
end $$;

-- Existing inspections: each registration takes its latest one (the tally triggers move it), then
-- the completion of existing entries stays as it was typed (they have no achieved value).
update registration r
   set achieved_inspection_id = i.id, achieved_on = i.inspected_on, achieved_funds_vnd = i.funds_vnd,
       achieved_workdays = i.workdays, achieved_people = i.people_reached
  from (select distinct on (registration_id) registration_id, id, inspected_on, funds_vnd, workdays, people_reached
          from inspection order by registration_id, inspected_on desc, created_at desc, id desc) i
 where i.registration_id = r.id;

-- The committee's reason for marking "met" a criterion whose recorded completion is below 100 %,
-- by criterion id, kept with the checklist.
alter table recognition_candidate add column checklist_reasons jsonb not null default '{}';
