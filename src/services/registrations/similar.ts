import type { Queryable } from '../../data/db.js';
import { findSimilarEarlier } from '../../data/registrations-repo.js';
import { findUnitInScope, unitAtPath } from '../../data/units-repo.js';
import { notFound } from '../../domain/errors.js';
import type { EarlierRegistration } from '../../domain/movement-schemas.js';
import type { Actor } from '../../domain/policy.js';
import { numbersDiffer } from '../../domain/repeat-check.js';
import { inSubtree } from '../../domain/scope.js';
import { foldVietnamese } from '../../domain/text.js';
import type { Ctx } from '../context.js';

/** Titles at least this close (trigram similarity of the folded titles) count as a possible repeat. */
export const SIMILAR_MIN = 0.45;

/** Levels whose whole subtree is small enough to compare every title: a commune and below. */
const SMALL_LEVELS = ['commune', 'grassroots'];

/**
 * Possible repeats of a title, within the caller's view, in the five years up to the given year:
 * registrations of the unit's parent subtree (the unit, its siblings and what lies below them) when
 * that parent is a commune or lower; for a commune or anything higher, of the unit's own subtree,
 * so the comparison never spreads over a district or a province.
 */
export async function similarEarlier(
  q: Queryable,
  actor: Actor,
  unitPath: string,
  title: string,
  year: number,
  excludeId: string | null,
  seen: string[] = [],
): Promise<EarlierRegistration[]> {
  const titleKey = foldVietnamese(title);
  if (titleKey.length < 3) return [];
  const parent = unitPath.includes('.') ? unitPath.slice(0, unitPath.lastIndexOf('.')) : unitPath;
  const up = await unitAtPath(q, parent);
  const scopePath = up && SMALL_LEVELS.includes(up.level) && inSubtree(parent, actor.viewPath) ? parent : unitPath;
  const rows = (await findSimilarEarlier(q, { scopePath, titleKey, year, excludeId, min: SIMILAR_MIN, limit: 8 }))
    .filter((r) => !numbersDiffer(r.title, title))
    .slice(0, 5);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    year: r.year,
    state: r.state,
    unitName: r.unit_name,
    similarity: Math.round(r.sim * 100) / 100,
    seenByRegistrant: seen.includes(r.id),
  }));
}

export async function checkSimilar(ctx: Ctx, input: { unitId: string; title: string; year: number; excludeId?: string | undefined }) {
  const unit = await findUnitInScope(ctx.db.pool, input.unitId, ctx.actor.viewPath);
  if (!unit) throw notFound('unit');
  return similarEarlier(ctx.db.pool, ctx.actor, unit.path, input.title, input.year, input.excludeId ?? null);
}
