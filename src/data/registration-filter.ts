/**
 * The WHERE clause shared by the registration list, the statistics and the exports. The tally
 * table has the registration's columns under the same names, so one builder serves both: a cell
 * of a table and the list behind it are filtered by the same SQL.
 */
export interface ResolvedFilter {
  /** The caller's view: nothing outside it, ever. */
  scopePath: string;
  /** The chosen unit's subtree. */
  unitPath?: string | undefined;
  /** Only this unit's own registrations. */
  unitId?: string | undefined;
  campaignId?: string | undefined;
  fieldCode?: string | undefined;
  level?: string | undefined;
  holder?: string | undefined;
  kind?: string | undefined;
  origin?: string | undefined;
  states?: string[] | undefined;
  year?: number | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  recognised?: boolean | undefined;
  commended?: boolean | undefined;
  /** The tree records are grouped by (default `today`). */
  tree?: 'today' | 'then' | undefined;
  /**
   * Tree `then`: the chosen unit's seq (its path label); records count when that unit stood above
   * (or was) their unit on the period's last day, or lie under it today (`unitPath`): a unit made
   * by a merge sees its predecessors' records, under the units they had then. `unitId` is ignored.
   */
  thenSeq?: string | undefined;
  /** Tree `then`: only records whose unit then was the chosen unit itself. */
  thenOwn?: boolean | undefined;
  /** Tree `then`: only records under the chosen unit as it stood, not under it today. */
  thenStrict?: boolean | undefined;
  /** Tree `then`: each record is read on its own year's last day (a per-year cut). */
  perYear?: boolean | undefined;
  /**
   * Tree `today`, lists only: the records of split units apportioned to successors. Records under
   * `predPaths` are left out of the unit filter, and `ids` (those assigned to a successor inside the
   * chosen unit) are added back. Computed by `apportionedIds` in `stats-repo.ts`.
   */
  apportioned?: { predPaths: string[]; ids: string[] } | undefined;
}

/** The year whose last day a `then` filter reads the tree on; undefined: each record's own year. */
export function thenYear(f: ResolvedFilter): number | undefined {
  return f.perYear ? undefined : (f.year ?? f.yearTo);
}

/** SQL of a record's unit path on the tree `then` (see migration 0022). */
export function thenPathSql(f: ResolvedFilter, alias: string, params: unknown[]): string {
  params.push(thenYear(f) ?? null);
  return `dvk_unit_path_at(${alias}.unit_id, make_date(coalesce($${params.length}::int, ${alias}.year), 12, 31))`;
}

/**
 * @param alias table alias holding the registration columns (`r` or the tally `t`)
 * @param pathExpr the SQL of the row's unit path (`r.unit_path`, or `u.path` for the tally)
 */
export function filterSql(f: ResolvedFilter, alias: string, pathExpr: string, params: unknown[], thenPathExpr?: string): string[] {
  const where: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  add(`${pathExpr} <@ ?::ltree`, f.scopePath);
  if (f.tree === 'then') {
    if (f.thenSeq) {
      const then = thenPathExpr ?? thenPathSql(f, alias, params);
      if (f.thenOwn) add(`subpath(${then}, -1)::text = ?`, f.thenSeq);
      // Under the unit as it stood then, or under it today (its predecessors' records, which the
      // tree "then" shows under the units they had then).
      else if (f.unitPath && !f.thenStrict) where.push(`(${then} ~ $${params.push(`*.${f.thenSeq}.*`)}::lquery or ${pathExpr} <@ $${params.push(f.unitPath)}::ltree)`);
      else add(`${then} ~ ?::lquery`, `*.${f.thenSeq}.*`);
    }
  } else if (f.apportioned?.predPaths.length) {
    // A split unit's records count for the successors they were apportioned to, not where they lie.
    const unit: string[] = [];
    if (f.unitPath) unit.push(`${pathExpr} <@ $${params.push(f.unitPath)}::ltree`);
    if (f.unitId) unit.push(`${alias}.unit_id = $${params.push(f.unitId)}`);
    unit.push(`not (${pathExpr} <@ any($${params.push(f.apportioned.predPaths)}::ltree[]))`);
    where.push(`((${unit.join(' and ')}) or ${alias}.id = any($${params.push(f.apportioned.ids)}::uuid[]))`);
  } else {
    if (f.unitPath) add(`${pathExpr} <@ ?::ltree`, f.unitPath);
    if (f.unitId) add(`${alias}.unit_id = ?`, f.unitId);
  }
  if (f.campaignId) add(`${alias}.campaign_id = ?`, f.campaignId);
  if (f.fieldCode) add(`${alias}.field_code = ?`, f.fieldCode);
  if (f.level) add(`${alias}.level = ?`, f.level);
  if (f.holder) add(`${alias}.holder = ?`, f.holder);
  if (f.kind) add(`${alias}.kind = ?`, f.kind);
  if (f.origin) add(`${alias}.origin = ?`, f.origin);
  if (f.states) add(`${alias}.state = any(?::text[])`, f.states);
  if (f.year !== undefined) add(`${alias}.year = ?`, f.year);
  if (f.yearFrom !== undefined) add(`${alias}.year >= ?`, f.yearFrom);
  if (f.yearTo !== undefined) add(`${alias}.year <= ?`, f.yearTo);
  if (f.recognised !== undefined) add(`${alias}.recognised = ?`, f.recognised);
  if (f.commended !== undefined) add(`${alias}.commended = ?`, f.commended);
  return where;
}
