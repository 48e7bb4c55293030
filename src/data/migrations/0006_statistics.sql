-- Statistics read from a tally kept by the database itself: every insert, update or delete of a
-- registration moves its count (and its planned resources) from the old cell to the new one in the
-- same transaction, so the dashboards are exact after every transition without recounting.

-- Whether a registration was ever recognised or commended. "completed" after "recognised" keeps
-- the flag, so the recognised share does not drop when a model ends.
alter table registration add column recognised boolean not null default false;
alter table registration add column commended boolean not null default false;
update registration r set recognised = true
 where r.state = 'recognised'
    or exists (select 1 from recognition_candidate c where c.registration_id = r.id and c.result = 'recognised');
update registration r set commended = true where exists (select 1 from commendation c where c.registration_id = r.id);

create function registration_flags() returns trigger language plpgsql as $$
begin
  if new.state = 'recognised' then new.recognised := true; end if;
  return new;
end $$;
create trigger registration_flags before insert or update of state on registration
  for each row execute function registration_flags();

create function commendation_flags() returns trigger language plpgsql as $$
begin
  update registration set commended = true where id = new.registration_id and not commended;
  return new;
end $$;
create trigger commendation_flags after insert on commendation
  for each row execute function commendation_flags();

create table registration_tally (
  unit_id uuid not null references unit(id),
  kind text not null,
  holder text not null,
  origin text not null,
  field_code text not null,
  level text not null,
  state text not null,
  year integer not null,
  campaign_id uuid,
  recognised boolean not null,
  commended boolean not null,
  n integer not null default 0,
  funds_vnd bigint not null default 0,
  workdays bigint not null default 0,
  unique nulls not distinct (unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended)
);
create index registration_tally_unit_idx on registration_tally (unit_id);

create function registration_tally_apply() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update registration_tally t
       set n = t.n - 1,
           funds_vnd = t.funds_vnd - coalesce(old.planned_funds_vnd, 0),
           workdays = t.workdays - coalesce(old.planned_workdays, 0)
     where t.unit_id = old.unit_id and t.kind = old.kind and t.holder = old.holder and t.origin = old.origin
       and t.field_code = old.field_code and t.level = old.level and t.state = old.state and t.year = old.year
       and t.campaign_id is not distinct from old.campaign_id
       and t.recognised = old.recognised and t.commended = old.commended;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into registration_tally as t
      (unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended, n, funds_vnd, workdays)
    values (new.unit_id, new.kind, new.holder, new.origin, new.field_code, new.level, new.state, new.year, new.campaign_id,
            new.recognised, new.commended, 1, coalesce(new.planned_funds_vnd, 0), coalesce(new.planned_workdays, 0))
    on conflict (unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended)
    do update set n = t.n + 1, funds_vnd = t.funds_vnd + excluded.funds_vnd, workdays = t.workdays + excluded.workdays;
  end if;
  return null;
end $$;
create trigger registration_tally_apply after insert or update or delete on registration
  for each row execute function registration_tally_apply();

insert into registration_tally
  (unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended, n, funds_vnd, workdays)
select unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended,
       count(*), coalesce(sum(planned_funds_vnd), 0), coalesce(sum(planned_workdays), 0)
  from registration
 group by unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended;

-- Review reports (báo cáo sơ kết / tổng kết): the figures are generated when the document is made;
-- what is stored is what the officer writes.
create table review_report (
  id uuid primary key,
  unit_id uuid not null references unit(id),
  unit_path ltree not null,
  kind text not null check (kind in ('interim', 'final')),
  year_from integer not null,
  year_to integer not null,
  campaign_id uuid references campaign(id),
  title text not null,
  issuing_body text not null,
  parent_body text,
  number text,
  place text not null,
  report_date date not null,
  results text,
  limitations text,
  lessons text,
  directions text,
  recipients text,
  signer_title text,
  signer_name text,
  created_by uuid references app_user(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (year_to >= year_from)
);
create index review_report_path_gist on review_report using gist (unit_path);

-- Long exports run as stored jobs; the file is kept under the data directory until it expires.
create table export_job (
  id uuid primary key,
  kind text not null,
  params jsonb not null,
  scope_path ltree not null,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
  progress integer not null default 0,
  total integer,
  file_name text,
  error text,
  created_by uuid not null references app_user(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index export_job_user_idx on export_job (created_by, created_at desc);
