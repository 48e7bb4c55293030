/** Units as they stood on a date, read from `unit_version` (the tree of their time). */
import type { Queryable } from './db.js';

export interface UnitThenRow {
  id: string;
  seq: string;
  name: string;
  code: string;
  path: string;
  parent_id: string | null;
  /** Closed today (merged, split, abolished). */
  closed: boolean;
}

const THEN_COLUMNS = `u.id, u.seq::text as seq, v.name, v.code, v.path::text as path, v.parent_id, (u.valid_to is not null or not u.active) as closed`;
/** The version in force on $2, else the unit's latest one that began by then, else its first. */
const VERSION_AT = `join lateral (select * from unit_version v where v.unit_id = u.id
   order by (v.valid_from <= $2::date and (v.valid_to is null or v.valid_to >= $2::date)) desc, (v.valid_from <= $2::date) desc, v.valid_from desc limit 1) v on true`;

/** Units by their seqs, named as they stood on `at`. */
export async function unitsThenBySeqs(q: Queryable, seqs: string[], at: string): Promise<UnitThenRow[]> {
  if (!seqs.length) return [];
  const { rows } = await q.query<UnitThenRow>(`select ${THEN_COLUMNS} from unit u ${VERSION_AT} where u.seq = any($1::bigint[])`, [seqs, at]);
  return rows;
}

/** The units that stood directly below a unit on `at`, whose records lie in the scope today. */
export async function childUnitsThen(q: Queryable, parentId: string, at: string, scopePath: string): Promise<UnitThenRow[]> {
  const { rows } = await q.query<UnitThenRow>(
    `select ${THEN_COLUMNS} from unit_version v join unit u on u.id = v.unit_id
      where v.parent_id = $1 and v.valid_from <= $2::date and (v.valid_to is null or v.valid_to >= $2::date) and u.path <@ $3::ltree
      order by v.name`,
    [parentId, at, scopePath],
  );
  return rows;
}

/**
 * Units as they stood on `at` inside the caller's view (their records lie in it today), below
 * `parentId` on that date or, without one, the top of the view: what the unit picker of the tree
 * "then" offers, closed units included.
 */
export async function listUnitsThen(q: Queryable, at: string, scopePath: string, parentId: string | undefined): Promise<UnitThenRow[]> {
  if (parentId) return childUnitsThen(q, parentId, at, scopePath);
  const { rows } = await q.query<UnitThenRow>(
    `select ${THEN_COLUMNS} from unit u ${VERSION_AT} where u.path = $1::ltree`,
    [scopePath, at],
  );
  return rows;
}

// ---------- apportioning the records of split units (tree "today") ----------
