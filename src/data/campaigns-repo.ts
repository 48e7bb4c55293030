/** All SQL about campaigns and their quotas. */
import type { Queryable } from './db.js';
import type { CAMPAIGN_SORTS, Sort } from '../domain/list-sort.js';
import { orderBySql, positionSql } from './list-order.js';

export interface CampaignRow {
  id: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  title: string;
  description: string | null;
  year_from: number;
  year_to: number;
  start_date: string;
  end_date: string;
  focus_themes: string[];
  state: 'draft' | 'launched' | 'closed';
  launched_at: Date | null;
  version: number;
  registration_deadline: string | null;
  inspection_due_date: string | null;
  recognition_date: string | null;
  review_date: string | null;
  remind_days_before: number;
  remind_days_after: number;
}

export interface QuotaRow { unit_kind: string | null; min_new: number; min_consolidated: number; min_total: number; note: string | null }

const SELECT = `select c.*, c.unit_path::text as unit_path, u.name as unit_name from campaign c join unit u on u.id = c.unit_id`;

/**
 * A campaign is seen by everyone in the subtree of the unit that launched it, and by those above:
 * its unit is an ancestor of the viewer's top unit, or lies inside the viewer's subtree.
 */
const VISIBLE = `(c.unit_path @> $1::ltree or c.unit_path <@ $1::ltree)`;

export async function findCampaign(q: Queryable, id: string, viewPath: string, lock = false): Promise<CampaignRow | null> {
  const { rows } = await q.query<CampaignRow>(`${SELECT} where c.id = $2 and ${VISIBLE}${lock ? ' for update of c' : ''}`, [viewPath, id]);
  return rows[0] ?? null;
}

/** `draftScope`: the subtree whose drafts the caller may see (those they may edit), or null. */
/** The columns the campaign list sorts by (a small table: no index of their own). */
const CAMPAIGN_ORDER = {
  title: 'unaccent(lower(c.title))',
  unit: 'u.name_key',
  year: 'c.year_from',
  state: positionSql('c.state', ['draft', 'launched', 'closed']),
  start: 'c.start_date',
};

export async function listCampaigns(
  q: Queryable,
  viewPath: string,
  draftScope: string | null,
  state: string | undefined,
  limit: number,
  offset: number,
  sort: Sort<(typeof CAMPAIGN_SORTS)[number]> = { key: 'year', desc: true },
) {
  const params: unknown[] = [viewPath, draftScope];
  let where = `${VISIBLE} and (c.state <> 'draft' or ($2::ltree is not null and c.unit_path <@ $2::ltree))`;
  if (state) {
    params.push(state);
    where += ` and c.state = $${params.length}`;
  }
  const total = (await q.query<{ n: number }>(`select count(*) as n from campaign c where ${where}`, params)).rows[0]!.n;
  params.push(limit, offset);
  const { rows } = await q.query<CampaignRow>(
    `${SELECT} where ${where} order by ${orderBySql(sort, CAMPAIGN_ORDER, 'c.id')} limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { rows, total };
}

export async function quotasOf(q: Queryable, campaignIds: string[]): Promise<Map<string, QuotaRow[]>> {
  const { rows } = await q.query<QuotaRow & { campaign_id: string }>(
    'select campaign_id, unit_kind, min_new, min_consolidated, min_total, note from campaign_quota where campaign_id = any($1::uuid[]) order by unit_kind nulls first',
    [campaignIds],
  );
  const map = new Map<string, QuotaRow[]>();
  for (const r of rows) map.set(r.campaign_id, [...(map.get(r.campaign_id) ?? []), r]);
  return map;
}

export async function replaceQuotas(q: Queryable, campaignId: string, quotas: { id: string; unitKind: string | null; minNew: number; minConsolidated: number; minTotal: number; note?: string | null | undefined }[]) {
  await q.query('delete from campaign_quota where campaign_id = $1', [campaignId]);
  for (const x of quotas) {
    await q.query(
      'insert into campaign_quota (id, campaign_id, unit_kind, min_new, min_consolidated, min_total, note) values ($1, $2, $3, $4, $5, $6, $7)',
      [x.id, campaignId, x.unitKind, x.minNew, x.minConsolidated, x.minTotal, x.note ?? null],
    );
  }
}

/** A campaign seen from `path`: launched at that level or above, or below it (a round or a report may be tied to it). */
export async function campaignSeenFrom(q: Queryable, campaignId: string, path: string): Promise<{ state: string; unit_path: string } | null> {
  const { rows } = await q.query<{ state: string; unit_path: string }>(
    'select state, unit_path::text as unit_path from campaign where id = $1 and (unit_path @> $2::ltree or unit_path <@ $2::ltree)',
    [campaignId, path],
  );
  return rows[0] ?? null;
}

/** What a registration needs to know of the campaign it joins: wherever the campaign is. */
export async function campaignBrief(q: Queryable, id: string) {
  const { rows } = await q.query<{ title: string; state: string; unit_path: string }>('select title, state, unit_path::text as unit_path from campaign where id = $1', [id]);
  return rows[0] ?? null;
}

export async function insertCampaign(q: Queryable, c: {
  id: string; unitId: string; unitPath: string; title: string; description: string | null; yearFrom: number; yearTo: number;
  startDate: string | null | undefined; endDate: string | null | undefined; focusThemes: string[]; createdBy: string;
}) {
  await q.query(
    `insert into campaign (id, unit_id, unit_path, title, description, year_from, year_to, start_date, end_date, focus_themes, created_by)
     values ($1, $2, $3::ltree, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [c.id, c.unitId, c.unitPath, c.title, c.description, c.yearFrom, c.yearTo, c.startDate, c.endDate, c.focusThemes, c.createdBy],
  );
}

const CAMPAIGN_WRITABLE = [
  'title',
  'description',
  'year_from',
  'year_to',
  'start_date',
  'end_date',
  'focus_themes',
  'registration_deadline',
  'inspection_due_date',
  'recognition_date',
  'review_date',
  'remind_days_before',
  'remind_days_after',
] as const;

/** The campaign's calendar as its columns (undefined = unchanged). */
export function calendarColumns(c: {
  registrationDeadline?: string | null | undefined;
  inspectionDueDate?: string | null | undefined;
  recognitionDate?: string | null | undefined;
  reviewDate?: string | null | undefined;
  remindDaysBefore?: number | undefined;
  remindDaysAfter?: number | undefined;
} = {}) {
  return {
    registration_deadline: c.registrationDeadline,
    inspection_due_date: c.inspectionDueDate,
    recognition_date: c.recognitionDate,
    review_date: c.reviewDate,
    remind_days_before: c.remindDaysBefore,
    remind_days_after: c.remindDaysAfter,
  };
}

/** Sets the calendar of a campaign just inserted (its version stays). */
export async function setCampaignCalendar(q: Queryable, id: string, columns: ReturnType<typeof calendarColumns>) {
  const entries = Object.entries(columns).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return;
  await q.query(`update campaign set ${entries.map(([k], i) => `${k} = $${i + 2}`).join(', ')} where id = $1`, [id, ...entries.map(([, v]) => v)]);
}

/** Changes the given columns (undefined = unchanged) and moves the version on. */
export async function updateCampaignRow(q: Queryable, id: string, changes: Partial<Record<(typeof CAMPAIGN_WRITABLE)[number], unknown>>) {
  const entries = CAMPAIGN_WRITABLE.filter((c) => changes[c] !== undefined).map((c) => [c, changes[c]] as const);
  await q.query(
    `update campaign set ${[...entries.map(([k], i) => `${k} = $${i + 2}`), 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $1`,
    [id, ...entries.map(([, v]) => v)],
  );
}

export async function setCampaignStateRow(q: Queryable, id: string, to: 'launched' | 'closed') {
  await q.query(
    `update campaign set state = $2, launched_at = case when $2 = 'launched' then now() else launched_at end, version = version + 1, updated_at = now() where id = $1`,
    [id, to],
  );
}

/** Campaign titles by id, for labelling figures (ids not found are left out). */
export async function campaignTitles(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; title: string }>('select id, title from campaign where id = any($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.title]));
}

export interface CampaignPeriodRow { title: string; yearFrom: number; yearTo: number }

/** The title and years of a campaign, wherever it is (the registration rules check a year against them). */
export async function campaignPeriod(q: Queryable, id: string): Promise<CampaignPeriodRow | null> {
  const { rows } = await q.query<CampaignPeriodRow>('select title, year_from as "yearFrom", year_to as "yearTo" from campaign where id = $1', [id]);
  return rows[0] ?? null;
}
