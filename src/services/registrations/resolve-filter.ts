import { findUnitInScope } from '../../data/units-repo.js';
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
