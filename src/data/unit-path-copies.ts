/**
 * Every column that keeps a copy of a unit's path, so that scoped reads are one indexed range
 * (`path <@ $scope`). Moving a unit rewrites each of them in the move's transaction; a copy left
 * behind would keep a record readable by the old parent's officers and hidden from the new ones.
 *
 * A new `ltree` column goes on one of the two lists below: `tests/api/unit-path-copies.test.ts`
 * reads `information_schema.columns` and fails for a column on neither.
 */
export interface UnitPathCopy {
  table: string;
  column: string;
}

/** Rewritten by a move: the record belongs to the unit wherever the unit now hangs. */
export const UNIT_PATH_COPIES: readonly UnitPathCopy[] = [
  { table: 'registration', column: 'unit_path' },
  { table: 'campaign', column: 'unit_path' },
  { table: 'recognition_round', column: 'unit_path' },
  { table: 'commendation_proposal', column: 'to_unit_path' },
  { table: 'review_report', column: 'unit_path' },
  // A template added by a unit's officers belongs to that unit's level.
  { table: 'criterion_template', column: 'owner_path' },
  // The view scope a queued export reads: its owner's view unit may be the one that moved.
  { table: 'export_job', column: 'scope_path' },
  // A webhook serves the subtree of its unit wherever the unit now hangs.
  { table: 'webhook', column: 'unit_path' },
  // The entry scope an import reads and writes in: its importer's entry unit may be the one that moved.
  { table: 'import_job', column: 'scope_path' },
];

/** `ltree` columns a move deliberately leaves alone, and why. */
export const UNIT_PATH_KEPT: readonly (UnitPathCopy & { why: string })[] = [
  { table: 'unit', column: 'path', why: 'the tree itself: the move rewrites it first, in moveSubtree' },
  {
    table: 'audit_log', column: 'unit_path',
    why: 'history: an entry keeps the path it was written under, readable by those who saw the unit then (the table is append-only)',
  },
  {
    table: 'outbox',
    column: 'unit_path',
    why: 'history: an event keeps the place it happened at; its recipients were chosen then, and its deliveries were queued with it',
  },
  {
    table: 'unit_version',
    column: 'path',
    why: 'history of the tree: each version keeps the path the unit had in its period; a move closes the open version and opens a new one',
  },
];

/** Re-roots every copy under `oldPath` to `newPath`, in the caller's transaction. */
export function rewriteSql(copy: UnitPathCopy): string {
  const c = copy.column;
  return `update ${copy.table}
     set ${c} = case when ${c} = $1::ltree then $2::ltree else $2::ltree || subpath(${c}, nlevel($1::ltree)) end
   where ${c} <@ $1::ltree`;
}
