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
}

/**
 * @param alias table alias holding the registration columns (`r` or the tally `t`)
 * @param pathExpr the SQL of the row's unit path (`r.unit_path`, or `u.path` for the tally)
 */
export function filterSql(f: ResolvedFilter, alias: string, pathExpr: string, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  add(`${pathExpr} <@ ?::ltree`, f.scopePath);
  if (f.unitPath) add(`${pathExpr} <@ ?::ltree`, f.unitPath);
  if (f.unitId) add(`${alias}.unit_id = ?`, f.unitId);
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
