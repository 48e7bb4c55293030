/** Statistics SQL: sums over the registration tally, which the database keeps exact per change. */
import type { Queryable } from './db.js';
import { filterSql, thenYear, type ResolvedFilter } from './registration-filter.js';
import { apportion, COUNTED_STATES, type StatDimension } from '../domain/statistics.js';
import { REGISTRATION_STATES } from '../domain/workflow.js';

export interface TallyRow {
  [dim: string]: string | number | boolean | null;
  count: number;
  /** Of the count: individuals, recognised, commended (named apart from the dimensions). */
  count_individual: number;
  count_recognised: number;
  count_commended: number;
  funds: number;
  workdays: number;
  /** Achieved (the latest inspection of each registration): how many have one, and what they mobilised. */
  count_achieved: number;
  achieved_funds: number;
  achieved_workdays: number;
  achieved_people: number;
}

const MEASURES = ['count', 'count_individual', 'count_recognised', 'count_commended', 'funds', 'workdays',
  'count_achieved', 'achieved_funds', 'achieved_workdays', 'achieved_people'] as const;
const ACHIEVED_SUMS = (t: string) => [`sum(${t}.n_achieved)::bigint as count_achieved`, `sum(${t}.achieved_funds_vnd)::bigint as achieved_funds`,
  `sum(${t}.achieved_workdays)::bigint as achieved_workdays`, `sum(${t}.achieved_people)::bigint as achieved_people`];

/** Aggregates come back as bigint (a JS number here) or null when nothing matched. */
function measured(rows: TallyRow[]): TallyRow[] {
  return rows.filter((r) => r.count !== null).map((r) => {
    const out: TallyRow = { ...r };
    for (const m of MEASURES) out[m] = Number(r[m]);
    return out;
  });
}

/**
 * Sums the tally by the given dimensions. `child` groups by the unit directly below `parentPath`
 * (a row's own unit when it is the parent itself), returned as that unit's path.
 */
export async function sumTally(q: Queryable, f: ResolvedFilter, dims: StatDimension[], parentPath: string): Promise<TallyRow[]> {
  const params: unknown[] = [];
  const where = filterSql(f, 't', 'u.path', params);
  const select: string[] = [];
  for (const d of dims) {
    if (d === 'child') {
      params.push(parentPath);
      const p = `$${params.length}::ltree`;
      select.push(`(case when nlevel(u.path) > nlevel(${p}) then subpath(u.path, 0, nlevel(${p}) + 1) else u.path end)::text as child`);
    } else if (d === 'field') select.push('t.field_code as field');
    else if (d === 'campaign') select.push('t.campaign_id as campaign');
    else select.push(`t.${d} as ${d}`);
  }
  const groupBy = dims.length ? `group by ${dims.map((_, i) => i + 1).join(', ')}` : '';
  const { rows } = await q.query<TallyRow>(
    `select ${[...select, 'sum(t.n)::bigint as count', `sum(t.n) filter (where t.holder = 'individual')::bigint as count_individual`,
        'sum(t.n) filter (where t.recognised)::bigint as count_recognised', 'sum(t.n) filter (where t.commended)::bigint as count_commended',
        'sum(t.funds_vnd)::bigint as funds', 'sum(t.workdays)::bigint as workdays', ...ACHIEVED_SUMS('t')].join(', ')}
       from registration_tally t join unit u on u.id = t.unit_id
      where ${where.join(' and ')} and t.n <> 0
      ${groupBy}`,
    params,
  );
  return measured(rows);
}

export interface TallyCheckRow { key: string; n: number; funds: number; workdays: number; achieved: string }

/**
 * Achieved, recounted from the inspections themselves (not from the registration's copy): the
 * latest inspection of each registration, by the same order as the trigger.
 */
const ACHIEVED_RECOUNT = `concat_ws('|', count(a.id), coalesce(sum(a.funds_vnd), 0), coalesce(sum(a.workdays), 0), coalesce(sum(a.people_reached), 0)) as achieved`;
const LATEST_INSPECTION = `left join lateral (select i.id, i.funds_vnd, i.workdays, i.people_reached from inspection i where i.registration_id = registration.id
      order by i.inspected_on desc, i.created_at desc, i.id desc limit 1) a on true`;

/** A full recount from the registrations themselves: the reference the tally is tested against. */
export async function recount(q: Queryable): Promise<TallyCheckRow[]> {
  const cols = "unit_id, kind, holder, origin, field_code, level, state, year, coalesce(campaign_id::text, '-'), recognised, commended";
  const { rows } = await q.query<TallyCheckRow>(
    `select concat_ws('|', ${cols}) as key, count(*)::bigint as n,
            coalesce(sum(planned_funds_vnd), 0)::bigint as funds, coalesce(sum(planned_workdays), 0)::bigint as workdays,
            ${ACHIEVED_RECOUNT}
       from registration ${LATEST_INSPECTION} group by ${cols} order by 1`,
  );
  return rows;
}

export async function tallySnapshot(q: Queryable): Promise<TallyCheckRow[]> {
  const cols = "unit_id, kind, holder, origin, field_code, level, state, year, coalesce(campaign_id::text, '-'), recognised, commended";
  const { rows } = await q.query<TallyCheckRow>(
    `select concat_ws('|', ${cols}) as key, n::bigint as n, funds_vnd::bigint as funds, workdays::bigint as workdays,
            concat_ws('|', n_achieved, achieved_funds_vnd, achieved_workdays, achieved_people) as achieved
       from registration_tally where n <> 0 order by 1`,
  );
  return rows;
}

export async function childUnits(q: Queryable, parentId: string) {
  const { rows } = await q.query<{ id: string; name: string; path: string; code: string; kind: string }>(
    'select id, name, path::text as path, code, kind from unit where parent_id = $1 and active order by name',
    [parentId],
  );
  return rows;
}

export async function unitsByPaths(q: Queryable, paths: string[]) {
  if (paths.length === 0) return [];
  const { rows } = await q.query<{ id: string; name: string; path: string; closed: boolean }>(
    'select id, name, path::text as path, (valid_to is not null or not active) as closed from unit where path = any($1::ltree[])',
    [paths],
  );
  return rows;
}

/** Dimensions the rollup can answer; anything else goes to the unit-level tally. */
export const ROLLUP_DIMENSIONS: readonly StatDimension[] = ['child', 'field', 'kind', 'year'];

/**
 * Sums by the units directly below `parent` from the rollup (they must sit at depth 2 or 3), plus
 * the parent's own registrations from the unit-level tally. Same answer as `sumTally` with
 * `states` = the counted states (`counted`) or no state filter (`counted` undefined).
 */
export async function sumRollup(
  q: Queryable,
  f: ResolvedFilter,
  counted: boolean | undefined,
  dims: StatDimension[],
  parent: { id: string; path: string },
): Promise<TallyRow[]> {
  // Start from the parent's children (a hundred rows by the parent index), then their rollup rows.
  const params: unknown[] = [parent.id, parent.path.split('.').length + 1];
  const where = ['u.parent_id = $1', 'r.depth = $2', `u.path <@ $${params.push(f.scopePath)}::ltree`];
  const add = (sql: string, v: unknown) => where.push(sql.replace('?', `$${params.push(v)}`));
  if (counted !== undefined) add('r.counted = ?', counted);
  if (f.fieldCode) add('r.field_code = ?', f.fieldCode);
  if (f.kind) add('r.kind = ?', f.kind);
  if (f.year !== undefined) add('r.year = ?', f.year);
  if (f.yearFrom !== undefined) add('r.year >= ?', f.yearFrom);
  if (f.yearTo !== undefined) add('r.year <= ?', f.yearTo);
  // A child comes with its id and name, so nobody has to look them up again.
  const cols = dims.flatMap((d) => (d === 'child' ? ['u.path::text as child', 'u.id as child_id', 'u.name as child_name'] : d === 'field' ? ['r.field_code as field'] : [`r.${d} as ${d}`]));
  const groupBy = cols.length ? `group by ${cols.map((_, i) => i + 1).join(', ')}` : '';
  const { rows } = await q.query<TallyRow>(
    `select ${[...cols, 'sum(r.n)::bigint as count', 'sum(r.n_individual)::bigint as count_individual', 'sum(r.n_recognised)::bigint as count_recognised',
        'sum(r.n_commended)::bigint as count_commended', 'sum(r.funds_vnd)::bigint as funds', 'sum(r.workdays)::bigint as workdays',
        ...ACHIEVED_SUMS('r')].join(', ')}
       from unit u join registration_rollup r on r.anc_seq = u.seq
      where ${where.join(' and ')} and r.n <> 0 ${groupBy}`,
    params,
  );
  const below = measured(rows);
  const own = await sumTally(q, { ...f, unitId: parent.id }, dims, parent.path);
  // Rows of the same key from both sources are merged only when `child` is not a dimension.
  if (dims.includes('child')) return [...below, ...own];
  const merged = new Map<string, TallyRow>();
  for (const r of [...below, ...own]) {
    const key = JSON.stringify(dims.map((d) => r[d]));
    const m = merged.get(key);
    if (m) for (const k of MEASURES) m[k] = (m[k] as number) + (r[k] as number);
    else merged.set(key, { ...r });
  }
  return [...merged.values()];
}

const ROLLUP_KEY = 'depth, anc_seq, field_code, kind, year, counted';
const ROLLUP_ACHIEVED = 'n_achieved, achieved_funds_vnd, achieved_workdays, achieved_people';

export async function rollupSnapshot(q: Queryable) {
  const { rows } = await q.query<{ key: string }>(
    `select concat_ws('|', ${ROLLUP_KEY}, n, n_individual, n_recognised, n_commended, funds_vnd, workdays, ${ROLLUP_ACHIEVED}) as key
       from registration_rollup where n <> 0 order by 1`,
  );
  return rows.map((r) => r.key);
}

const ROLLUP_SELECT = `select d as depth, subpath(unit_path, d - 1, 1)::text::bigint as anc_seq, field_code, kind, year,
       dvk_counted_state(state) as counted, count(*) as n, count(*) filter (where holder = 'individual') as n_individual,
       count(*) filter (where recognised) as n_recognised, count(*) filter (where commended) as n_commended,
       coalesce(sum(planned_funds_vnd), 0) as funds_vnd, coalesce(sum(planned_workdays), 0) as workdays,
       count(achieved_inspection_id) as n_achieved, coalesce(sum(achieved_funds_vnd), 0) as achieved_funds_vnd,
       coalesce(sum(achieved_workdays), 0) as achieved_workdays, coalesce(sum(achieved_people), 0) as achieved_people
  from registration, generate_series(2, 3) d where nlevel(unit_path) >= d group by 1, 2, 3, 4, 5, 6`;

/** The rollup as it should be, computed from the registrations: what the test compares with. */
export async function rollupRecount(q: Queryable) {
  const { rows } = await q.query<{ key: string }>(
    `select concat_ws('|', ${ROLLUP_KEY}, n, n_individual, n_recognised, n_commended, funds_vnd, workdays, ${ROLLUP_ACHIEVED}) as key from (${ROLLUP_SELECT}) x order by 1`,
  );
  return rows.map((r) => r.key);
}

/** Rebuilds both tallies from the registrations in one pass each (after a bulk load without triggers). */
export async function rebuildTallies(q: Queryable): Promise<void> {
  await q.query('delete from registration_tally');
  await q.query(`insert into registration_tally
      (unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended, n, funds_vnd, workdays,
       n_achieved, achieved_funds_vnd, achieved_workdays, achieved_people)
    select unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended,
           count(*), coalesce(sum(planned_funds_vnd), 0), coalesce(sum(planned_workdays), 0),
           count(achieved_inspection_id), coalesce(sum(achieved_funds_vnd), 0), coalesce(sum(achieved_workdays), 0), coalesce(sum(achieved_people), 0)
      from registration group by unit_id, kind, holder, origin, field_code, level, state, year, campaign_id, recognised, commended`);
  await q.query('delete from registration_rollup');
  await q.query(`insert into registration_rollup (${ROLLUP_KEY}, n, n_individual, n_recognised, n_commended, funds_vnd, workdays, ${ROLLUP_ACHIEVED}) ${ROLLUP_SELECT}`);
}

/** States that the rollup folds into not `counted` (dvk_counted_state in SQL). */
const NOT_COUNTED: readonly string[] = REGISTRATION_STATES.filter((s) => !COUNTED_STATES.includes(s));

/**
 * Sums by the given dimensions under `parent`, from the rollup when it can answer (a country or a
 * province, the rollup's dimensions and filters, states counted or all), otherwise from the
 * unit-level tally. Both are exact; the rollup is smaller.
 */
export async function sumCounts(q: Queryable, f: ResolvedFilter, dims: StatDimension[], parent: { id: string; path: string }, allStates: readonly string[]): Promise<TallyRow[]> {
  const depth = parent.path.split('.').length;
  const counted = !f.states ? undefined
    : f.states.length === allStates.length - NOT_COUNTED.length && f.states.every((s) => !NOT_COUNTED.includes(s)) ? true : null;
  const eligible = counted !== null && depth <= 2 && dims.every((d) => ROLLUP_DIMENSIONS.includes(d))
    && !f.level && !f.origin && !f.campaignId && !f.unitId && !f.holder && f.recognised === undefined && f.commended === undefined
    && (!f.unitPath || f.unitPath === parent.path);
  if (f.tree === 'then') return sumTallyThen(q, f, dims, { seq: parent.path.split('.').at(-1)!, path: parent.path });
  const rows = eligible ? await sumRollup(q, f, counted ?? undefined, dims, parent) : await sumTally(q, f, dims, parent.path);
  const parts = relevantSplits(await splitParts(q, f.scopePath), f, parent.path);
  return parts.length ? apportionRows(q, f, dims, parent.path, rows, parts) : rows;
}

// ---------- the tree "then" ----------

/**
 * Sums the tally on the tree as it stood on the period's last day (`thenYear`, or each record's
 * year): each unit of the filtered tally is placed once per year by its own version in force then
 * (`dvk_unit_path_at` only for a unit that did not stand then), then the tally is grouped by that
 * path. `child` is the unit directly below `parent` on that tree (as its path
 * there); a record whose then-path does not pass through `parent` (a unit made later, whose
 * predecessors' records lie under it today) is grouped by the highest unit of its then-path that
 * lies under `parent` today: the predecessor as it stood.
 */
export async function sumTallyThen(
  q: Queryable,
  f: ResolvedFilter,
  dims: StatDimension[],
  parent: { seq: string; path: string },
): Promise<TallyRow[]> {
  const params: unknown[] = [f.scopePath, thenYear(f) ?? null, parent.path];
  const where = filterSql(f, 't', 'u.path', params, 'p.path');
  // Only the units and years the filtered tally has are placed (the chosen unit, on the tree
  // "then", is tested once the path is known): a period's pivot never places the units that have
  // no record in it, such as the units closed by 2025's reform for a table of 2025.
  const placed = filterSql({ ...f, thenSeq: undefined }, 't', 'u.path', params);
  const select: string[] = [];
  for (const d of dims) {
    if (d === 'child') {
      params.push(parent.seq);
      const seq = `$${params.length}::ltree`;
      select.push(`(case when index(p.path, ${seq}) < 0 then coalesce(p.top, p.path)
                         when nlevel(p.path) > index(p.path, ${seq}) + 1 then subpath(p.path, 0, index(p.path, ${seq}) + 2)
                         else p.path end)::text as child`);
    } else if (d === 'field') select.push('t.field_code as field');
    else if (d === 'campaign') select.push('t.campaign_id as campaign');
    else select.push(`t.${d} as ${d}`);
  }
  const groupBy = dims.length ? `group by ${dims.map((_, i) => i + 1).join(', ')}` : '';
  const { rows } = await q.query<TallyRow>(
    `with m as materialized (
       select distinct t.unit_id, coalesce($2::int, t.year) as y
         from registration_tally t join unit u on u.id = t.unit_id
        where u.path <@ $1::ltree and ${placed.join(' and ')} and t.n <> 0),
     -- a unit's own version in force on the day answers at once; the function only for the others
     x as materialized (
       select m.unit_id, m.y, coalesce(v.path, dvk_unit_path_at(m.unit_id, make_date(m.y, 12, 31))) as path
         from m left join lateral (
           select w.path from unit_version w
            where w.unit_id = m.unit_id and w.valid_from <= make_date(m.y, 12, 31) and (w.valid_to is null or w.valid_to >= make_date(m.y, 12, 31))
            order by w.valid_from desc limit 1) v on true),
     -- where the chosen unit did not stand then: the highest unit of the then-path that lies under it today
     p as (select x.*, (select subpath(x.path, 0, i) from generate_series(1, nlevel(x.path)) i
                          join unit a on a.seq = subpath(x.path, i - 1, 1)::text::bigint
                         where a.path <@ $3::ltree order by i limit 1) as top from x)
     select ${[...select, 'sum(t.n)::bigint as count', `sum(t.n) filter (where t.holder = 'individual')::bigint as count_individual`,
         'sum(t.n) filter (where t.recognised)::bigint as count_recognised', 'sum(t.n) filter (where t.commended)::bigint as count_commended',
         'sum(t.funds_vnd)::bigint as funds', 'sum(t.workdays)::bigint as workdays', ...ACHIEVED_SUMS('t')].join(', ')}
       from registration_tally t join unit u on u.id = t.unit_id
       join p on p.unit_id = t.unit_id and p.y = coalesce($2::int, t.year)
      where ${where.join(' and ')} and t.n <> 0
      ${groupBy}`,
    params,
  );
  return measured(rows);
}

export interface SplitPart {
  id: string;
  path: string;
  successors: { id: string; path: string; share: number }[];
}

/**
 * Units closed by a split, inside the scope, whose every successor has a known share. A split with
 * an unknown share is not apportioned: its records stay with the successor it lies under (the
 * one that kept the code). Successors in id order: the order ties are broken in.
 */
export async function splitParts(q: Queryable, scopePath: string): Promise<SplitPart[]> {
  const { rows } = await q.query<{ id: string; path: string; successor_id: string; successor_path: string; share: number }>(
    `select p.id, p.path::text as path, l.successor_id, s.path::text as successor_path, l.share::float8 as share
       from unit_lineage l join unit p on p.id = l.predecessor_id join unit s on s.id = l.successor_id
      where l.change_kind = 'split' and p.path <@ $1::ltree
        and not exists (select 1 from unit_lineage x where x.predecessor_id = l.predecessor_id and x.change_kind = 'split' and x.share is null)
      order by p.id, l.successor_id`,
    [scopePath],
  );
  const by = new Map<string, SplitPart>();
  for (const r of rows) {
    const part = by.get(r.id) ?? { id: r.id, path: r.path, successors: [] };
    part.successors.push({ id: r.successor_id, path: r.successor_path, share: Number(r.share) });
    by.set(r.id, part);
  }
  return [...by.values()].filter((p) => p.successors.length >= 2);
}

const under = (path: string, top: string) => path === top || path.startsWith(`${top}.`);

/** The splits that move a figure of a table of `parentPath` (with `f.unitId`: its own records only). */
export function relevantSplits(parts: SplitPart[], f: ResolvedFilter, parentPath: string): SplitPart[] {
  return parts.filter(
    (p) =>
      !under(parentPath, p.path) &&
      ((!f.unitId && under(p.path, parentPath)) ||
        p.successors.some((s) => under(s.path, f.scopePath) && (f.unitId ? s.id === f.unitId : under(s.path, parentPath)))),
  );
}

/**
 * Moves each split unit's records, cell by cell, from where they lie (under the successor that
 * kept the code) to its successors by their shares (`apportion`: largest remainders, so a cell's
 * parts add up to its count). Touched rows are flagged `apportioned`.
 */
async function apportionRows(q: Queryable, f: ResolvedFilter, dims: StatDimension[], parentPath: string, rows: TallyRow[], parts: SplitPart[]): Promise<TallyRow[]> {
  const depth = parentPath.split('.').length;
  const cellDims = dims.filter((d) => d !== 'child');
  const rowChild = (path: string) => (path === parentPath ? path : path.split('.').slice(0, depth + 1).join('.'));
  const keyOf = (r: Record<string, unknown>) => JSON.stringify(dims.map((d) => r[d] ?? null));
  const out = new Map<string, TallyRow>();
  for (const r of rows) out.set(keyOf(r), { ...r });
  const bump = (cell: TallyRow, childPath: string | null, sign: number, amounts: Record<string, number>) => {
    const at: Record<string, unknown> = { ...cell };
    if (dims.includes('child')) at.child = childPath;
    const key = keyOf(at);
    let row = out.get(key);
    if (!row) {
      row = { ...(Object.fromEntries(dims.map((d) => [d, at[d] ?? null])) as TallyRow) };
      for (const m of MEASURES) row[m] = 0;
      out.set(key, row);
    }
    for (const m of MEASURES) row[m] = (row[m] as number) + sign * (amounts[m] ?? 0);
    row.apportioned = true;
  };
  for (const p of parts) {
    const cells = await sumTally(q, { ...f, unitPath: p.path, unitId: undefined, apportioned: undefined }, cellDims, p.path);
    for (const cell of cells) {
      const shares = p.successors.map((s) => s.share);
      const split = Object.fromEntries(MEASURES.map((m) => [m, apportion(cell[m] as number, shares)]));
      if (!f.unitId && under(p.path, parentPath)) bump(cell, rowChild(p.path), -1, Object.fromEntries(MEASURES.map((m) => [m, cell[m] as number])));
      p.successors.forEach((s, i) => {
        const inside = under(s.path, f.scopePath) && (f.unitId ? s.id === f.unitId : under(s.path, parentPath));
        if (inside) bump(cell, f.unitId ? parentPath : rowChild(s.path), 1, Object.fromEntries(MEASURES.map((m) => [m, split[m]![i]!])));
      });
    }
  }
  return [...out.values()].filter((r) => r.count !== 0 || MEASURES.some((m) => r[m] !== 0) || !r.apportioned);
}

/**
 * For a list on the tree "today": which records of split units count inside the chosen unit.
 * The records of each split unit that match the filter, in id order, are dealt to its successors
 * in blocks of the sizes `apportion` gives for their count, so the list behind a figure holds
 * exactly as many records as the figure (same filter, same count, same rounding).
 */
export async function apportionedIds(q: Queryable, f: ResolvedFilter, parentPath: string): Promise<ResolvedFilter['apportioned']> {
  if (f.tree === 'then') return undefined;
  const parts = relevantSplits(await splitParts(q, f.scopePath), f, parentPath);
  if (!parts.length) return undefined;
  const ids: string[] = [];
  for (const p of parts) {
    const params: unknown[] = [];
    const where = filterSql({ ...f, unitPath: p.path, unitId: undefined, apportioned: undefined }, 'r', 'r.unit_path', params);
    const { rows } = await q.query<{ id: string }>(`select r.id from registration r where ${where.join(' and ')} order by r.id`, params);
    const counts = apportion(rows.length, p.successors.map((s) => s.share));
    let from = 0;
    p.successors.forEach((s, i) => {
      const n = counts[i]!;
      const inside = under(s.path, f.scopePath) && (f.unitId ? s.id === f.unitId : under(s.path, parentPath));
      if (inside) ids.push(...rows.slice(from, from + n).map((r) => r.id));
      from += n;
    });
  }
  return { predPaths: parts.map((p) => p.path), ids };
}

// ---------- quota compliance ----------
