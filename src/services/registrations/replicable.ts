/** Recognised models anywhere in the country, to be registered again as replications. */
import { listReplicable } from '../../data/registrations-repo.js';
import { escapeLike } from '../../data/units-repo.js';
import { foldVietnamese } from '../../domain/text.js';
import type { Ctx } from '../context.js';

export async function replicableModels(ctx: Ctx, q: string | undefined) {
  const words = q
    ? foldVietnamese(q)
        .split(' ')
        .filter(Boolean)
        .map((w) => `%${escapeLike(w)}%`)
    : null;
  const rows = await listReplicable(ctx.db.pool, words, 30);
  return rows.map((r) => ({ id: r.id, title: r.title, unitName: r.unit_name, fieldCode: r.field_code, year: r.year }));
}
