import { lockUnitInScope, moveSubtree, recordUnitVersions } from '../../data/units-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can, moveCreatesCycle } from '../../domain/policy.js';
import { today } from '../clock.js';
import type { Ctx } from '../context.js';
import { changeUnit } from './update-unit.js';

/** Moves a unit and its whole subtree under another parent the actor may write in. */
export async function moveUnit(ctx: Ctx, id: string, version: number, newParentId: string) {
  return changeUnit(ctx, id, version, 'unit.move', async (q, row) => {
    const parent = await lockUnitInScope(q, newParentId, ctx.actor.viewPath);
    if (!parent) throw notFound('unit');
    if (moveCreatesCycle(row.path, parent.path)) throw new AppError('UNIT_MOVE_CYCLE');
    if (!can(ctx.actor, 'unit.create_child', { path: parent.path })) throw new AppError('FORBIDDEN');
    if (!parent.active) throw new AppError('UNIT_INACTIVE', { name: parent.name });
    if (parent.id === row.parent_id) return;
    await moveSubtree(q, row, parent.id, parent.path);
    // Every unit of the moved subtree has a new path: a new version from today.
    await recordUnitVersions(q, row.id, today(), true);
  });
}
