import { describePlan, planReorganisation } from '../../data/reorganisations-repo.js';
import type { ReorganisationInput } from '../../domain/reorganisation-schemas.js';
import { today } from '../clock.js';
import type { Ctx } from '../context.js';
import { checkPlanInScope, requireReorganiser } from './common.js';

/**
 * What a reorganisation would do, change by change, without writing anything: the same plan and
 * the same checks as applying it (an impossible one is refused here already), read without locks.
 */
export async function previewReorganisation(ctx: Ctx, input: ReorganisationInput) {
  requireReorganiser(ctx);
  const plan = await planReorganisation(ctx.db.pool, input.effectiveDate, input.changes, {
    lock: false,
    scopePath: ctx.actor.viewPath,
    unitVersions: input.unitVersions,
  });
  checkPlanInScope(ctx, plan);
  return describePlan(ctx.db.pool, plan, input.effectiveDate > today());
}
