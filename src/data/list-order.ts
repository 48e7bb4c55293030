/** The `order by` of a sorted list page, from a sort the domain has already checked. */
import type { Sort } from '../domain/list-sort.js';

/**
 * @param columns each sort key's SQL expression (a folded key for text, so the order is the same on
 *   both engines whatever their collation)
 * @param unique the row's unique key, last: rows with equal values keep one order from page to page.
 *   It follows the direction, so one index on `(column, id)` serves both directions.
 */
export function orderBySql<K extends string>(sort: Sort<K>, columns: Record<K, string>, unique: string): string {
  const dir = sort.desc ? ' desc' : '';
  return `${columns[sort.key]}${dir}, ${unique}${dir}`;
}

/** A text column's position in a fixed list of values (states in the order of the workflow). */
export function positionSql(expr: string, values: readonly string[]): string {
  return `array_position(array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]::text[], ${expr})`;
}
