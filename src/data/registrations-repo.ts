/** All SQL about registrations (models and exemplars), their criteria and their timeline. */
import type { Queryable } from './db.js';
import { TRANSITIONS, type RegistrationState } from '../domain/workflow.js';
import { REASON_TRANSITIONS, type ReasonTransition } from '../domain/timeline.js';
import { filterSql, type ResolvedFilter } from './registration-filter.js';
import { REGISTRATION_STATES } from '../domain/workflow.js';
import type { REGISTRATION_SORTS, Sort } from '../domain/list-sort.js';
import { orderBySql, positionSql } from './list-order.js';

export interface RegistrationRow {
  id: string;
  /** The campaign's inspection due date (`YYYY-MM-DD`), if it has one. */
  inspection_due_date: string | null;
  /** Accepted, in a campaign with an inspection due date, and not inspected yet. */
  awaiting_inspection: boolean;
  kind: 'model' | 'exemplar';
  campaign_id: string | null;
  campaign_title: string | null;
  unit_id: string;
  unit_name: string;
  /** The unit is closed (a reorganisation): shown as "<name> (cũ)". */
  unit_closed?: boolean;
  unit_path: string;
  holder: 'collective' | 'individual';
  person_name: string | null;
  person_position: string | null;
  title: string;
  title_key: string;
  field_code: string;
  origin: 'new' | 'consolidation' | 'replication';
  origin_id: string | null;
  origin_title: string | null;
  problem: string | null;
  purpose: string | null;
  place_unit_id: string | null;
  place_unit_name: string | null;
  place_address: string | null;
  start_date: string;
  end_date: string;
  forces: string | null;
  targets: string | null;
  solutions: string | null;
  planned_funds_vnd: number | null;
  planned_workdays: number | null;
  planned_other: string | null;
  level: string;
  year: number;
  state: RegistrationState;
  recognised: boolean;
  commended: boolean;
  similar_seen: string[];
  supporter_id: string | null;
  supporter_name: string | null;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** The reason that brought it to its present state (returned, rejected, not recognised, discontinued). */
  last_reason: { kind: ReasonTransition; text: string; at: string; by: string; byUnit: string | null } | null;
}

/** The transitions whose reason a record carries while it stays in the state they led to (domain/timeline.ts). */
const REASONED = REASON_TRANSITIONS.map((t) => `'${t}'`).join(', ');
const REASONED_STATES = REASON_TRANSITIONS.map((t) => `'${TRANSITIONS[t].to}'`).join(', ');

/**
 * The reason given by the latest step that brought the record to its present state, when that
 * state is one reached with a reason (returned, rejected, not recognised, discontinued): one
 * indexed read of its timeline per row, in the same query.
 */
const LAST_REASON = `case when r.state in (${REASONED_STATES}) then (
      select json_build_object('kind', e.transition, 'text', e.reason, 'at', e.at, 'by', e.actor_name, 'byUnit', au.name)
        from registration_event e left join app_user a on a.id = e.actor_id left join unit au on au.id = a.unit_id
       where e.registration_id = r.id and e.transition in (${REASONED}) and e.to_state = r.state and e.reason is not null
       order by e.at desc, e.id desc limit 1) end as last_reason`;

const SELECT = `select r.*, r.unit_path::text as unit_path, u.name as unit_name, (u.valid_to is not null or not u.active) as unit_closed, c.title as campaign_title,
    o.title as origin_title, pu.name as place_unit_name, s.full_name as supporter_name,
    c.inspection_due_date::text as inspection_due_date, ${LAST_REASON},
    (r.state = 'accepted' and c.inspection_due_date is not null
      and not exists (select 1 from inspection i where i.registration_id = r.id)) as awaiting_inspection
  from registration r
  join unit u on u.id = r.unit_id
  left join campaign c on c.id = r.campaign_id
  left join registration o on o.id = r.origin_id
  left join unit pu on pu.id = r.place_unit_id
  left join app_user s on s.id = r.supporter_id`;

export async function findRegistrationInScope(q: Queryable, id: string, scopePath: string, lock = false): Promise<RegistrationRow | null> {
  const { rows } = await q.query<RegistrationRow>(
    `${SELECT} where r.id = $1 and r.unit_path <@ $2::ltree${lock ? ' for update of r' : ''}`,
    [id, scopePath],
  );
  return rows[0] ?? null;
}

/** Column names of the registration table that a create or an edit may set. */
export const WRITABLE = [
  'campaign_id', 'holder', 'person_name', 'person_position', 'title', 'title_key', 'field_code', 'origin', 'origin_id',
  'problem', 'purpose', 'place_unit_id', 'place_address', 'start_date', 'end_date', 'forces', 'targets', 'solutions',
  'planned_funds_vnd', 'planned_workdays', 'planned_other', 'level', 'year', 'similar_seen',
] as const;
export type WritableColumn = (typeof WRITABLE)[number];
export type RegistrationValues = Partial<Record<WritableColumn, unknown>>;

export async function insertRegistration(
  q: Queryable,
  base: { id: string; kind: string; unitId: string; unitPath: string; createdBy: string },
  values: RegistrationValues,
): Promise<void> {
  const cols = ['id', 'kind', 'unit_id', 'unit_path', 'created_by', ...Object.keys(values)];
  const params = [base.id, base.kind, base.unitId, base.unitPath, base.createdBy, ...Object.values(values)];
  await q.query(
    `insert into registration (${cols.join(', ')}) values (${cols.map((c, i) => (c === 'unit_path' ? `$${i + 1}::ltree` : `$${i + 1}`)).join(', ')})`,
    params,
  );
}

/** Updates only when the version still matches; the caller has locked the row. */
export async function updateRegistrationRow(q: Queryable, id: string, version: number, values: Record<string, unknown>): Promise<boolean> {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined);
  const sets = entries.map(([c], i) => `${c} = $${i + 3}`);
  const r = await q.query(
    `update registration set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $1 and version = $2`,
    [id, version, ...entries.map(([, v]) => v)],
  );
  return r.rowCount === 1;
}

export interface CriterionRow { id: string; name: string; target: string | null; unit_of_measure: string | null; sort: number }

export async function replaceCriteria(q: Queryable, registrationId: string, criteria: { id: string; name: string; target?: number | null; unitOfMeasure?: string | null }[]) {
  await q.query('delete from registration_criterion where registration_id = $1', [registrationId]);
  if (criteria.length === 0) return;
  await q.query(
    `insert into registration_criterion (id, registration_id, name, target, unit_of_measure, sort)
     select t.id, $1, t.name, t.target, t.uom, t.sort
       from unnest($2::uuid[], $3::text[], $4::numeric[], $5::text[], $6::int[]) as t(id, name, target, uom, sort)`,
    [
      registrationId,
      criteria.map((c) => c.id),
      criteria.map((c) => c.name),
      criteria.map((c) => c.target ?? null),
      criteria.map((c) => c.unitOfMeasure ?? null),
      criteria.map((_, i) => i),
    ],
  );
}

export async function listCriteria(q: Queryable, registrationId: string): Promise<CriterionRow[]> {
  const { rows } = await q.query<CriterionRow>(
    'select id, name, target::text as target, unit_of_measure, sort from registration_criterion where registration_id = $1 order by sort',
    [registrationId],
  );
  return rows;
}

export async function insertEvent(
  q: Queryable,
  e: { registrationId: string; actorId: string; actorName: string; transition: string; fromState: string | null; toState: string; reason?: string | null; data?: unknown },
) {
  await q.query(
    `insert into registration_event (registration_id, actor_id, actor_name, transition, from_state, to_state, reason, data)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [e.registrationId, e.actorId, e.actorName, e.transition, e.fromState, e.toState, e.reason ?? null, e.data === undefined ? null : JSON.stringify(e.data)],
  );
}

export interface EventRow {
  at: Date;
  actor_name: string;
  /** The unit the actor works in. */
  actor_unit: string | null;
  transition: string;
  from_state: RegistrationState | null;
  to_state: RegistrationState;
  reason: string | null;
  data: { fileName?: string; recognition?: ImportedDecision | null; commendation?: ImportedDecision | null } | null;
  /** For a recognition: the decision its round recorded. */
  decision_no: string | null;
  decision_date: string | null;
  decision_issuer: string | null;
}
interface ImportedDecision { decisionNo: string; decisionDate: string; issuer: string | null }

/** The timeline, with each actor's unit and, for a recognition, the decision the round recorded. */
export async function listEvents(q: Queryable, registrationId: string): Promise<EventRow[]> {
  const { rows } = await q.query<EventRow>(
    `select e.at, e.actor_name, au.name as actor_unit, e.transition, e.from_state, e.to_state, e.reason, e.data,
            d.decision_no, d.decision_date::text as decision_date, d.issuer as decision_issuer
       from registration_event e
       left join app_user a on a.id = e.actor_id
       left join unit au on au.id = a.unit_id
       left join lateral (
         select rc.decision_no, rc.decision_date, rc.issuer from recognition_candidate rc
          where rc.registration_id = e.registration_id and rc.result = 'recognised' and rc.decision_no is not null
          order by rc.decided_at desc limit 1) d on e.transition = 'recognise'
      where e.registration_id = $1 order by e.at, e.id`,
    [registrationId],
  );
  return rows;
}

/** Registrations of the same unit with the same folded title in earlier years. */
export async function findEarlierSameTitle(q: Queryable, unitId: string, titleKey: string, year: number, excludeId: string | null) {
  const { rows } = await q.query<{ id: string; title: string; year: number; state: RegistrationState; unit_name: string }>(
    `select r.id, r.title, r.year, r.state, u.name as unit_name from registration r join unit u on u.id = r.unit_id
      where r.unit_id = $1 and r.title_key = $2 and r.year < $3 and r.id is distinct from $4
      order by r.year desc limit 10`,
    [unitId, titleKey, year, excludeId],
  );
  return rows;
}

export interface RegistrationFilter extends ResolvedFilter {
  createdBy?: string | undefined;
  supporterId?: string | undefined;
  limit: number;
  offset: number;
  /** The total when the caller already knows it (from the statistics tally): no count(*) then. */
  total?: number | undefined;
  /** The latest change first when not given. */
  sort?: Sort<(typeof REGISTRATION_SORTS)[number]> | undefined;
}

/** The columns the list sorts by; indexes on `(updated_at, id)` (0011) and `(title_key, id)`, `(year, id)` (0043) serve wide lists. */
const REGISTRATION_ORDER = {
  title: 'r.title_key',
  unit: 'u.name_key',
  year: 'r.year',
  state: positionSql('r.state', REGISTRATION_STATES),
  updated: 'r.updated_at',
};

export async function listRegistrations(q: Queryable, f: RegistrationFilter) {
  const params: unknown[] = [];
  const where = filterSql(f, 'r', 'r.unit_path', params);
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.createdBy) add('r.created_by = ?', f.createdBy);
  if (f.supporterId) add('r.supporter_id = ?', f.supporterId);
  const whereSql = where.join(' and ');
  const total = f.total ?? (await q.query<{ n: number }>(`select count(*) as n from registration r where ${whereSql}`, params)).rows[0]!.n;
  params.push(f.limit, f.offset);
  const { rows } = await q.query<RegistrationRow>(
    `${SELECT} where ${whereSql} order by ${orderBySql(f.sort ?? { key: 'updated', desc: true }, REGISTRATION_ORDER, 'r.id')} limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { rows, total };
}

/** Every registration matching a filter, a page at a time in a stable order (for exports). */
export async function* iterateRegistrations(q: Queryable, f: ResolvedFilter, pageSize = 500): AsyncGenerator<RegistrationRow[]> {
  let after: string | null = null;
  for (;;) {
    const params: unknown[] = [];
    const where = filterSql(f, 'r', 'r.unit_path', params);
    if (after) {
      params.push(after);
      where.push(`r.id > $${params.length}`);
    }
    params.push(pageSize);
    const { rows }: { rows: RegistrationRow[] } = await q.query<RegistrationRow>(
      `${SELECT} where ${where.join(' and ')} order by r.id limit $${params.length}`,
      params,
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

export async function countRegistrations(q: Queryable, f: ResolvedFilter): Promise<number> {
  const params: unknown[] = [];
  const where = filterSql(f, 'r', 'r.unit_path', params);
  return (await q.query<{ n: number }>(`select count(*) as n from registration r where ${where.join(' and ')}`, params)).rows[0]!.n;
}

/** Replications of a model: how many in all, and those inside the caller's view. */
export async function replicationsOf(q: Queryable, id: string, viewPath: string) {
  const { rows } = await q.query<{ id: string; title: string; unit_name: string; state: RegistrationState; visible: boolean }>(
    `select r.id, r.title, u.name as unit_name, r.state, r.unit_path <@ $2::ltree as visible
       from registration r join unit u on u.id = r.unit_id where r.origin_id = $1 and r.origin = 'replication' order by r.created_at`,
    [id, viewPath],
  );
  return { total: rows.length, visible: rows.filter((r) => r.visible) };
}

/** Recognised models anywhere, to copy: title, unit and field only. */
export async function listReplicable(q: Queryable, search: string[] | null, limit: number) {
  const { rows } = await q.query<{ id: string; title: string; unit_name: string; field_code: string; year: number }>(
    `select r.id, r.title, u.name as unit_name, r.field_code, r.year from registration r join unit u on u.id = r.unit_id
      where r.kind = 'model' and r.state = 'recognised' and ($1::text[] is null or r.title_key like all($1::text[]))
      order by r.year desc, r.title_key limit $2`,
    [search, limit],
  );
  return rows;
}

/**
 * Registrations with a title like this one, in a subtree, in the five years up to `year`. The
 * subtree is small (a commune and what lies below it), so the titles are compared directly, read
 * through the path index; no full-text step, whose "any word" form is slow on common words.
 */
export async function findSimilarEarlier(q: Queryable, o: { scopePath: string; titleKey: string; year: number; excludeId: string | null; min: number; limit: number }) {
  const { rows } = await q.query<{ id: string; title: string; year: number; state: RegistrationState; unit_name: string; sim: number }>(
    `select r.id, r.title, r.year, r.state, u.name as unit_name, similarity(r.title_key, $1)::float8 as sim
       from registration r join unit u on u.id = r.unit_id
      where r.unit_path <@ $2::ltree and r.year between $3 - 5 and $3 and r.id is distinct from $4
        and dvk_counted_state(r.state) and similarity(r.title_key, $1) >= $5
      order by sim desc, r.year desc limit $6`,
    [o.titleKey, o.scopePath, o.year, o.excludeId, o.min, o.limit],
  );
  return rows;
}

/** Active accounts of the given roles who can see the registration, among the accounts whose home unit lies in the scope. */
export async function listSupporterCandidates(q: Queryable, registrationId: string, view: string, roles: readonly string[]) {
  const { rows } = await q.query<{ id: string; full_name: string; position: string | null; unit_name: string }>(
    `select a.id, a.full_name, a.position, hu.name as unit_name from app_user a
       join unit hu on hu.id = a.unit_id join unit vu on vu.id = a.view_unit_id join registration r on r.id = $1
      where a.active and a.role = any($3::text[]) and r.unit_path <@ vu.path and hu.path <@ $2::ltree
      order by a.full_name limit 100`,
    [registrationId, view, roles],
  );
  return rows;
}

/** Models this supporter must inspect that are past their campaign's inspection due date (`today`, Vietnam's day). */
export async function countOverdueInspections(q: Queryable, scopePath: string, supporterId: string, today: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `select count(*)::int as n from registration r join campaign c on c.id = r.campaign_id
      where r.unit_path <@ $1::ltree and r.supporter_id = $2 and r.state = 'accepted' and c.inspection_due_date < $3::date
        and not exists (select 1 from inspection i where i.registration_id = r.id)`,
    [scopePath, supporterId, today],
  );
  return rows[0]!.n;
}
