import { listUnitsThen } from '../../data/units-then-repo.js';
import { findUnitInScope } from '../../data/units-repo.js';
import { notFound } from '../../domain/errors.js';
import { formerUnitName, type UnitsAt, type UnitsAtQuery } from '../../domain/statistics.js';
import type { Ctx } from '../context.js';

/**
 * The units of the tree as it stood on a date, for the picker of the statistics on the tree "then":
 * the top of the caller's view, or the units that stood directly below a unit (closed ones too,
 * named "… (cũ)"), limited to those whose records lie in the caller's view today.
 */
export async function listUnitsAt(ctx: Ctx, input: UnitsAtQuery): Promise<UnitsAt> {
  const reader = await ctx.db.reads();
  if (input.parentId && !(await findUnitInScope(reader, input.parentId, ctx.actor.viewPath))) throw notFound('unit');
  const rows = await listUnitsThen(reader, input.at, ctx.actor.viewPath, input.parentId);
  return {
    at: input.at,
    items: rows.map((r) => ({ id: r.id, name: formerUnitName(r.name, r.closed), code: r.code, closed: r.closed })),
  };
}
