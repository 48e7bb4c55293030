import { findUnitInScope, unitAtPath } from '../../data/units-repo.js';
import type { ResolvedFilter } from '../../data/registration-filter.js';
import { notFound } from '../../domain/errors.js';
import type { RegistrationFilterQuery } from '../../domain/statistics.js';
import { findVisibleCampaign } from '../campaigns/visible-campaign.js';
import type { Ctx } from '../context.js';

/**
 * Turns the filter a screen sends into the SQL filter, inside the caller's view: a unit or a
 * campaign the caller cannot open is "not found", like every other record there, so a filter
 * never tells an id outside the view from one that does not exist.
 */
export async function resolveFilter(
  ctx: Ctx,
  input: RegistrationFilterQuery,
  scopePath = ctx.actor.viewPath,
): Promise<
  ResolvedFilter & {
    unit: { id: string; name: string; path: string; closed: boolean } | null;
    campaign: { id: string; title: string } | null;
  }
> {
  let unit: { id: string; name: string; path: string; closed: boolean } | null = null;
  if (input.unitId) {
    // A closed unit lies under its successor: found in the view of those who see the successor.
    const row = await findUnitInScope(ctx.db.pool, input.unitId, scopePath);
    if (!row) throw notFound('unit');
    unit = { id: row.id, name: row.name, path: row.path, closed: !row.active || row.valid_to !== null };
  }
  const then = input.tree === 'then';
  const campaign = input.campaignId ? await findVisibleCampaign(ctx.db.pool, ctx.actor, input.campaignId) : null;
  const states = input.states?.length
    ? input.state
      ? input.states.filter((s) => s === input.state)
      : input.states
    : input.state
      ? [input.state]
      : undefined;
  return {
    unit,
    campaign: campaign && { id: campaign.id, title: campaign.title },
    scopePath,
    unitPath: unit?.path,
    unitId: input.unitOnly && unit ? unit.id : undefined,
    tree: then ? 'then' : 'today',
    thenSeq: then && unit ? unit.path.split('.').at(-1) : undefined,
    thenOwn: then && unit ? input.unitOnly : undefined,
    thenStrict: then && unit ? input.thenStrict : undefined,
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
export async function filterUnit(ctx: Ctx, chosen: { id: string; name: string; path: string; closed?: boolean } | null) {
  if (chosen) return { closed: false, ...chosen };
  const top = await unitAtPath(ctx.db.pool, ctx.actor.viewPath);
  if (!top) throw notFound('unit');
  return { id: top.id, name: top.name, path: top.path, closed: false };
}
