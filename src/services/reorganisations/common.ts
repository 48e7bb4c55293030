/** What the reorganisation services share: who may reorganise, and how one is shown. */
import type { Queryable } from '../../data/db.js';
import {
  lineageOfReorganisation,
  reorganisationChanges,
  undoBlocker,
  type ReorganisationPlan,
  type ReorganisationRow,
} from '../../data/reorganisations-repo.js';
import { AppError } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import type { Reorganisation, ReorganisationInput } from '../../domain/reorganisation-schemas.js';
import type { Ctx } from '../context.js';

/** Administrators reorganise inside their entry scope; anyone else is refused before anything is read. */
export function requireReorganiser(ctx: Ctx): void {
  const top = ctx.actor.entryPath;
  if (top === null || !can(ctx.actor, 'unit.reorganise', { path: top })) throw new AppError('FORBIDDEN');
}

/** Every unit a reorganisation names or moves must lie in the administrator's entry scope. */
export function checkPlanInScope(ctx: Ctx, plan: ReorganisationPlan): void {
  for (const path of plan.touchedPaths) if (!can(ctx.actor, 'unit.reorganise', { path })) throw new AppError('FORBIDDEN');
}

export function headerOf(id: string, input: ReorganisationInput, actorId: string | null) {
  return {
    id,
    effectiveDate: input.effectiveDate,
    basisNumber: input.basis.number,
    basisDate: input.basis.date ?? null,
    basisIssuer: input.basis.issuer,
    note: input.note?.trim() ? input.note.trim() : null,
    createdBy: actorId,
  };
}

export function presentSummary(r: ReorganisationRow) {
  return {
    id: r.id,
    effectiveDate: r.effective_date,
    basis: { number: r.basis_number, date: r.basis_date, issuer: r.basis_issuer },
    note: r.note,
    status: r.status,
    changeCount: r.change_count,
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    appliedAt: r.applied_at?.toISOString() ?? null,
    undoneAt: r.undone_at?.toISOString() ?? null,
    lastError: r.last_error,
    version: r.version,
  };
}

export async function presentReorganisation(q: Queryable, r: ReorganisationRow): Promise<Reorganisation> {
  const changes = await reorganisationChanges(q, r.id);
  const lineage = await lineageOfReorganisation(q, r.id);
  const blockedBy = await undoBlocker(q, r);
  return {
    ...presentSummary(r),
    changes: changes.map((c) => ({ seq: c.seq, kind: c.kind, spec: c.spec })),
    lineage: lineage.map((l) => ({
      predecessor: { id: l.predecessor_id, code: l.predecessor_code, name: l.predecessor_name },
      successor: { id: l.successor_id, code: l.successor_code, name: l.successor_name },
      changeKind: l.change_kind,
      share: l.share === null ? null : Number(l.share),
      keepsCode: l.keeps_code,
    })),
    undo: { allowed: blockedBy === null, blockedBy },
  };
}
