import { ancestorsInScope, findUnitInScope, predecessorIds, type UnitRow } from '../../data/units-repo.js';
import type { Queryable } from '../../data/db.js';
import { notFound } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { presentUnit } from '../unit-presenter.js';

export async function loadUnitView(q: Queryable, ctx: Ctx, row: UnitRow) {
  const ancestors = await ancestorsInScope(q, row.path, ctx.actor.viewPath);
  const predecessors = await predecessorIds(q, row.id);
  return presentUnit(
    ctx.actor,
    row,
    ancestors.map((a) => ({ id: a.id, name: a.name })),
    predecessors,
  );
}

export async function getUnit(ctx: Ctx, id: string) {
  const row = await findUnitInScope(ctx.db.pool, id, ctx.actor.viewPath);
  if (!row) throw notFound('unit');
  return loadUnitView(ctx.db.pool, ctx, row);
}
