import { insertAudit } from '../../data/audit-repo.js';
import { findReorganisation, lineageSuccessors, reorganisationAuditPath, setLineageShares } from '../../data/reorganisations-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import type { SetShares } from '../../domain/reorganisation-schemas.js';
import { anyScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { presentReorganisation, requireReorganiser } from './common.js';

/**
 * The parts of a split unit that went to each successor, known later than the split itself: one
 * share for every successor, each in (0, 1], together 1.
 */
export async function setSplitShares(ctx: Ctx, id: string, input: SetShares) {
  requireReorganiser(ctx);
  return ctx.db.tx(async (q) => {
    const r = await findReorganisation(q, id, ctx.actor.viewPath, true);
    if (!r) throw notFound('reorganisation');
    const path = (await reorganisationAuditPath(q, id)) ?? ctx.actor.entryPath!;
    if (!can(ctx.actor, 'unit.reorganise', { path })) throw new AppError('FORBIDDEN');
    const successors = await lineageSuccessors(q, id, input.predecessorId);
    if (successors.length === 0) {
      throw new AppError('REORGANISATION_SHARES_INVALID', { detail: 'đơn vị này không bị chia tách trong lần sắp xếp này' });
    }
    const expected = new Set(successors.map((s) => s.successor_id));
    const given = new Set(input.shares.map((s) => s.successorId));
    if (given.size !== input.shares.length || given.size !== expected.size || [...given].some((g) => !expected.has(g))) {
      throw new AppError('REORGANISATION_SHARES_INVALID', {
        detail: `cần đúng một tỷ lệ cho mỗi đơn vị kế thừa (${expected.size} đơn vị)`,
      });
    }
    const sum = input.shares.reduce((s, x) => s + x.share, 0);
    if (Math.abs(sum - 1) > 1e-6) {
      throw new AppError('REORGANISATION_SHARES_INVALID', {
        detail: `tổng các tỷ lệ phải bằng 1 (100%), hiện là ${Math.round(sum * 10000) / 100}%`,
      });
    }
    await setLineageShares(q, id, input.predecessorId, input.shares);
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'reorganisation.shares',
      entityType: 'reorganisation',
      entityId: id,
      entityLabel: `${r.basis_number} – ${r.basis_issuer}`,
      unitPath: path,
      after: input,
      ip: ctx.ip,
    });
    return presentReorganisation(q, (await findReorganisation(q, id, anyScope))!);
  });
}
