import { lockUnitInScope, reopenUnitVersion, updateUnitRow } from '../../data/units-repo.js';
import { AppError } from '../../domain/errors.js';
import { today } from '../clock.js';
import type { Ctx } from '../context.js';
import { closeUnitOn } from './close-unit.js';
import { changeUnit } from './update-unit.js';

/**
 * Deactivation keeps the row (history, statistics of past periods) and closes its validity;
 * a unit with active sub-units cannot be deactivated, nor reactivated under an inactive parent.
 */
export async function setUnitActive(ctx: Ctx, id: string, version: number, active: boolean, validTo?: string) {
  return changeUnit(ctx, id, version, active ? 'unit.reactivate' : 'unit.deactivate', async (q, row) => {
    if (row.active === active) return;
    if (!active) return closeUnitOn(q, row, validTo);
    if (row.parent_id) {
      const parent = await lockUnitInScope(q, row.parent_id, '');
      if (parent && !parent.active) throw new AppError('UNIT_INACTIVE', { name: parent.name });
    }
    await updateUnitRow(q, row.id, row.version, { active: true, validTo: null });
    await reopenUnitVersion(q, row.id, today());
  });
}
