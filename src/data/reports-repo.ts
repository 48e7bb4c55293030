/** Review reports (what the officer writes) and the figures only a report prints: all their SQL. */
import type { Queryable } from './db.js';
import type { REPORT_SORTS, Sort } from '../domain/list-sort.js';
import { orderBySql } from './list-order.js';
import { filterSql, type ResolvedFilter } from './registration-filter.js';
import type { Scope } from '../domain/scope.js';

export interface ReportRow {
  id: string; unit_id: string; unit_name: string; unit_path: string; kind: 'interim' | 'final'; year_from: number; year_to: number;
  campaign_id: string | null; campaign_title: string | null; title: string; parent_body: string | null; issuing_body: string;
  number: string | null; place: string; report_date: string; situation: string | null; leadership: string | null; results: string | null; limitations: string | null; lessons: string | null;
  directions: string | null; recommendations: string | null; recipients: string | null; signer_title: string | null; signer_name: string | null;
  version: number; created_at: Date; updated_at: Date;
}

const SELECT = `select r.*, r.unit_path::text as unit_path, u.name as unit_name, c.title as campaign_title
  from review_report r join unit u on u.id = r.unit_id left join campaign c on c.id = r.campaign_id`;

/** The columns an officer writes; values come in this order. */
export const REPORT_COLUMNS = [
  'kind', 'year_from', 'year_to', 'campaign_id', 'title', 'parent_body', 'issuing_body', 'number', 'place', 'report_date',
  'situation', 'leadership', 'results', 'limitations', 'lessons', 'directions', 'recommendations', 'recipients', 'signer_title', 'signer_name',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export async function findReport(q: Queryable, id: string, view: Scope, lock = false): Promise<ReportRow | null> {
  const { rows } = await q.query<ReportRow>(`${SELECT} where r.id = $1 and r.unit_path <@ $2::ltree${lock ? ' for update of r' : ''}`, [id, view]);
  return rows[0] ?? null;
}

/** The columns the review report list sorts by (a small table: no index of their own). */
const REPORT_ORDER = { title: 'unaccent(lower(r.title))', unit: 'u.name_key', date: 'r.report_date' };

export async function listReportRows(
  q: Queryable,
  view: Scope,
  limit: number,
  offset: number,
  sort: Sort<(typeof REPORT_SORTS)[number]> = { key: 'date', desc: true },
) {
  const total = (await q.query<{ n: number }>('select count(*) as n from review_report r where r.unit_path <@ $1::ltree', [view])).rows[0]!.n;
  const { rows } = await q.query<ReportRow>(
    `${SELECT} where r.unit_path <@ $1::ltree order by ${orderBySql(sort, REPORT_ORDER, 'r.id')} limit $2 offset $3`, [view, limit, offset]);
  return { total, rows };
}

export async function insertReport(q: Queryable, r: { id: string; unitId: string; unitPath: string; createdBy: string; values: Record<ReportColumn, unknown> }) {
  await q.query(
    `insert into review_report (id, unit_id, unit_path, created_by, ${REPORT_COLUMNS.join(', ')})
     values ($1, $2, $3::ltree, $4, ${REPORT_COLUMNS.map((_, i) => `$${i + 5}`).join(', ')})`,
    [r.id, r.unitId, r.unitPath, r.createdBy, ...REPORT_COLUMNS.map((c) => r.values[c])],
  );
}

/** Changes the given columns and moves the version on. */
export async function updateReportRow(q: Queryable, id: string, changes: Partial<Record<ReportColumn, unknown>>) {
  const entries = REPORT_COLUMNS.filter((c) => changes[c] !== undefined).map((c) => [c, changes[c]] as const);
  await q.query(
    `update review_report set ${[...entries.map(([c], i) => `${c} = $${i + 2}`), 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $1`,
    [id, ...entries.map(([, v]) => v)],
  );
}

/** Commendations of the filtered registrations, by form; the proposals sent up; the ten most notable models. */
export async function reportExtras(q: Queryable, f: ResolvedFilter) {
  const params: unknown[] = [];
  const where = filterSql(f, 'r', 'r.unit_path', params).join(' and ');
  const commendations = (await q.query<{ form: string; collectives: number; individuals: number; total: number }>(
    `select fm.name as form, count(*) filter (where r.holder = 'collective')::bigint as collectives,
            count(*) filter (where r.holder = 'individual')::bigint as individuals, count(*)::bigint as total
       from commendation c join registration r on r.id = c.registration_id join commendation_form fm on fm.code = c.form_code
      where ${where} group by fm.name, fm.sort order by fm.sort, fm.name`,
    params,
  )).rows;
  const proposalsUp = (await q.query<{ n: number }>(
    `select count(*)::bigint as n from commendation_proposal p join registration r on r.id = p.registration_id where ${where}`,
    params,
  )).rows[0]!.n;
  const notable = (await q.query<{ id: string; title: string; unit_name: string; field_name: string; kind: 'model' | 'exemplar'; year: number; recognised: boolean; commended: boolean }>(
    `select r.id, r.title, u.name as unit_name, fd.name as field_name, r.kind, r.year, r.recognised, r.commended
       from registration r join unit u on u.id = r.unit_id join field fd on fd.code = r.field_code
      where ${where} and (r.recognised or r.commended)
      order by r.commended desc, r.recognised desc, r.year desc, r.title limit 10`,
    params,
  )).rows;
  return { commendations, proposalsUp, notable };
}
