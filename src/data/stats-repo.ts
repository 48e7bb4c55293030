/** Statistics SQL: sums over the registration tally, which the database keeps exact per change. */
import type { Queryable } from './db.js';
import { filterSql, type ResolvedFilter } from './registration-filter.js';
import type { StatDimension } from '../domain/statistics.js';

export interface TallyRow {
  [dim: string]: string | number | boolean | null;
  count: number;
  funds: number;
  workdays: number;
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
    `select ${[...select, 'sum(t.n)::bigint as count', 'sum(t.funds_vnd)::bigint as funds', 'sum(t.workdays)::bigint as workdays'].join(', ')}
       from registration_tally t join unit u on u.id = t.unit_id
      where ${where.join(' and ')} and t.n <> 0
      ${groupBy}`,
    params,
  );
  // sum() over no rows gives one row of nulls
  return rows.filter((r) => r.count !== null).map((r) => ({ ...r, count: Number(r.count), funds: Number(r.funds), workdays: Number(r.workdays) }));
}

/** A full recount from the registrations themselves: the reference the tally is tested against. */
export async function recount(q: Queryable): Promise<{ key: string; n: number; funds: number; workdays: number }[]> {
  const cols = "unit_id, kind, holder, origin, field_code, level, state, year, coalesce(campaign_id::text, '-'), recognised, commended";
  const { rows } = await q.query<{ key: string; n: number; funds: number; workdays: number }>(
    `select concat_ws('|', ${cols}) as key, count(*)::bigint as n,
            coalesce(sum(planned_funds_vnd), 0)::bigint as funds, coalesce(sum(planned_workdays), 0)::bigint as workdays
       from registration group by ${cols} order by 1`,
  );
  return rows;
}

export async function tallySnapshot(q: Queryable): Promise<{ key: string; n: number; funds: number; workdays: number }[]> {
  const cols = "unit_id, kind, holder, origin, field_code, level, state, year, coalesce(campaign_id::text, '-'), recognised, commended";
  const { rows } = await q.query<{ key: string; n: number; funds: number; workdays: number }>(
    `select concat_ws('|', ${cols}) as key, n::bigint as n, funds_vnd::bigint as funds, workdays::bigint as workdays
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
  const { rows } = await q.query<{ id: string; name: string; path: string }>(
    'select id, name, path::text as path from unit where path = any($1::ltree[])',
    [paths],
  );
  return rows;
}
