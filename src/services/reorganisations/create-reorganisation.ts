import { randomUUID } from 'node:crypto';
import { insertAudit } from '../../data/audit-repo.js';
import {
  applyReorganisationIn,
  describePlan,
  findReorganisation,
  insertReorganisationRecord,
  planReorganisation,
} from '../../data/reorganisations-repo.js';
import type { ReorganisationInput } from '../../domain/reorganisation-schemas.js';
import { anyScope } from '../../domain/scope.js';
import { today } from '../clock.js';
import type { Ctx } from '../context.js';
import { checkPlanInScope, headerOf, presentReorganisation, requireReorganiser } from './common.js';

/**
 * Records a reorganisation. Dated today or earlier it is applied at once, in one transaction with its
 * audit row; dated later it is kept `scheduled` (checked against today's tree, nothing moves) and
 * the reorganisation job applies it when its date comes.
 */
export async function createReorganisation(ctx: Ctx, input: ReorganisationInput) {
  requireReorganiser(ctx);
  const scheduled = input.effectiveDate > today();
  const header = headerOf(randomUUID(), input, ctx.actor.id);
  return ctx.db.tx(async (q) => {
    const plan = await planReorganisation(q, input.effectiveDate, input.changes, {
      lock: !scheduled,
      scopePath: ctx.actor.viewPath,
      unitVersions: input.unitVersions,
    });
    checkPlanInScope(ctx, plan);
    let counts;
    if (scheduled) {
      await insertReorganisationRecord(q, header, input.changes, 'scheduled', ctx.actor.id);
      counts = (await describePlan(q, plan, true)).counts;
    } else {
      counts = (await applyReorganisationIn(q, header, input.changes, ctx.actor.id, { plan })).counts;
    }
    const top = [...plan.touchedPaths].sort((a, b) => a.split('.').length - b.split('.').length)[0] ?? ctx.actor.viewPath;
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: scheduled ? 'reorganisation.schedule' : 'reorganisation.apply',
      entityType: 'reorganisation',
      entityId: header.id,
      entityLabel: `${input.basis.number} – ${input.basis.issuer}`,
      unitPath: top,
      after: { effectiveDate: input.effectiveDate, basis: input.basis, changeCount: input.changes.length, counts },
      ip: ctx.ip,
    });
    return presentReorganisation(q, (await findReorganisation(q, header.id, anyScope))!);
  });
}
