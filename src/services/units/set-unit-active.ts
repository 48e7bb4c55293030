import { countActiveChildren, lockUnitInScope, updateUnitRow } from '../../data/units-repo.js';
import { AppError } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { changeUnit } from './update-unit.js';

/**
 * Deactivation keeps the row (history, statistics of past periods) and closes its validity;
 * a unit with active sub-units cannot be deactivated, nor reactivated under an inactive parent.
 */
export async function setUnitActive(ctx: Ctx, id: string, version: number, active: boolean) {
  return changeUnit(ctx, id, version, active ? 'unit.reactivate' : 'unit.deactivate', async (q, row) => {
    if (row.active === active) return;
    if (!active) {
      const count = await countActiveChildren(q, row.id);
      if (count > 0) throw new AppError('UNIT_HAS_ACTIVE_CHILDREN', { count });
    } else if (row.parent_id) {
      const parent = await lockUnitInScope(q, row.parent_id, '');
      if (parent && !parent.active) throw new AppError('UNIT_INACTIVE', { name: parent.name });
    }
    await updateUnitRow(q, row.id, row.version, {
      active,
      validTo: active ? null : new Date().toISOString().slice(0, 10),
    });
  });
}
