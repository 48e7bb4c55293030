import { findUnitInScope, unitAtPath } from '../../data/units-repo.js';
import type { ResolvedFilter } from '../../data/registration-filter.js';
import { notFound } from '../../domain/errors.js';
import type { RegistrationFilterQuery } from '../../domain/statistics.js';
import type { Ctx } from '../context.js';

/**
 * Turns the filter a screen sends into the SQL filter, inside the caller's view: a unit outside
 * it is "not found", like every other record there.
 */
export async function resolveFilter(ctx: Ctx, input: RegistrationFilterQuery, scopePath = ctx.actor.viewPath): Promise<ResolvedFilter & { unit: { id: string; name: string; path: string } | null }> {
  let unit: { id: string; name: string; path: string } | null = null;
  if (input.unitId) {
    const row = await findUnitInScope(ctx.db.pool, input.unitId, scopePath);
    if (!row) throw notFound('unit');
    unit = { id: row.id, name: row.name, path: row.path };
  }
  const states = input.states?.length ? (input.state ? input.states.filter((s) => s === input.state) : input.states) : input.state ? [input.state] : undefined;
  return {
    unit,
    scopePath,
    unitPath: unit?.path,
    unitId: input.unitOnly && unit ? unit.id : undefined,
    campaignId: input.campaignId,
    fieldCode: input.fieldCode,
    level: input.level,
    holder: input.holder,
    kind: input.kind,
    origin: input.origin,
    states,
    year: input.year,
    yearFrom: input.yearFrom,
    yearTo: input.yearTo,
    recognised: input.recognised,
    commended: input.commended,
  };
}

/** The unit whose subtree a filter covers: the chosen one, or the top of the caller's view. */
export async function filterUnit(ctx: Ctx, chosen: { id: string; name: string; path: string } | null) {
  if (chosen) return chosen;
  const top = await unitAtPath(ctx.db.pool, ctx.actor.viewPath);
  if (!top) throw notFound('unit');
  return { id: top.id, name: top.name, path: top.path };
}
