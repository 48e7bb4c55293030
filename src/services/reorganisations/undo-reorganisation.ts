import { insertAudit } from '../../data/audit-repo.js';
import { findReorganisation, reorganisationAuditPath, undoBlocker, undoReorganisationIn } from '../../data/reorganisations-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { anyScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { presentReorganisation, requireReorganiser } from './common.js';

/**
 * Undoes a reorganisation (or cancels a scheduled one) while nothing has been written under its new
 * or successor units since it was applied; otherwise 409 saying what blocks it.
 */
export async function undoReorganisation(ctx: Ctx, id: string) {
  requireReorganiser(ctx);
  return ctx.db.tx(async (q) => {
    const r = await findReorganisation(q, id, ctx.actor.viewPath, true);
    if (!r) throw notFound('reorganisation');
    const path = (await reorganisationAuditPath(q, id)) ?? ctx.actor.entryPath!;
    if (!can(ctx.actor, 'unit.reorganise', { path })) throw new AppError('FORBIDDEN');
    const blocked = await undoBlocker(q, r);
    if (blocked) throw new AppError('REORGANISATION_NOT_UNDOABLE', { detail: blocked });
    await undoReorganisationIn(q, id, ctx.actor.id);
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'reorganisation.undo',
      entityType: 'reorganisation',
      entityId: id,
      entityLabel: `${r.basis_number} – ${r.basis_issuer}`,
      unitPath: path,
      before: { status: r.status },
      after: { status: 'undone' },
      ip: ctx.ip,
    });
    return presentReorganisation(q, (await findReorganisation(q, id, anyScope))!);
  });
}
