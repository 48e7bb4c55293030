import type { Queryable } from '../../data/db.js';
import { closeUnitVersion, countActiveChildren, openVersionSince, updateUnitRow, type UnitRow } from '../../data/units-repo.js';
import { AppError } from '../../domain/errors.js';
import { today } from '../clock.js';

/**
 * Closes a unit on its last day (`validTo`, today when not given): the row stays (history,
 * statistics of past periods), `valid_to` is that day and its open version ends then. A unit with
 * active sub-units cannot be closed; a date in the future, or before the unit's last change, is
 * refused with the reason. Used by the deactivation and by an edit that gives `validTo`.
 */
export async function closeUnitOn(q: Queryable, row: UnitRow, validTo: string | undefined): Promise<void> {
  const lastDay = validTo ?? today();
  if (lastDay > today()) throw new AppError('UNIT_VALID_TO_FUTURE', { date: lastDay });
  const since = await openVersionSince(q, row.id);
  if (row.active && since && lastDay < since) throw new AppError('UNIT_VALID_TO_INVALID', { date: lastDay, since });
  if (row.active) {
    const count = await countActiveChildren(q, row.id);
    if (count > 0) throw new AppError('UNIT_HAS_ACTIVE_CHILDREN', { count });
  }
  await updateUnitRow(q, row.id, row.version, { active: false, validTo: lastDay });
  await closeUnitVersion(q, row.id, lastDay);
}
