import type { z } from 'zod';
import { listReorganisations as queryReorganisations } from '../../data/reorganisations-repo.js';
import type { ReorganisationListQuery } from '../../domain/reorganisation-schemas.js';
import type { Ctx } from '../context.js';
import { presentSummary, requireReorganiser } from './common.js';

/** The reorganisations touching the administrator's view, newest effective date first. */
export async function listReorganisations(ctx: Ctx, query: z.infer<typeof ReorganisationListQuery>) {
  requireReorganiser(ctx);
  const { rows, total } = await queryReorganisations(
    ctx.db.pool,
    ctx.actor.viewPath,
    query.status,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: rows.map(presentSummary), total };
}
