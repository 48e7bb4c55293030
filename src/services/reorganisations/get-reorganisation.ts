import { findReorganisation } from '../../data/reorganisations-repo.js';
import { notFound } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { presentReorganisation, requireReorganiser } from './common.js';

/** One reorganisation with its legal basis, its changes, the lineage it wrote and whether it can be undone. */
export async function getReorganisation(ctx: Ctx, id: string) {
  requireReorganiser(ctx);
  const r = await findReorganisation(ctx.db.pool, id, ctx.actor.viewPath);
  if (!r) throw notFound('reorganisation');
  return presentReorganisation(ctx.db.pool, r);
}
