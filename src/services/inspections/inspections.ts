/** Inspections: dated progress entries on an accepted model, with completion per criterion. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { insertAudit } from '../../data/audit-repo.js';
import { notify } from '../notifications/notify.js';
import type { Queryable } from '../../data/db.js';
import { inspectionCriteria, inspectionFiles, insertInspection, listInspectionRows } from '../../data/inspections-repo.js';
import { findRegistrationInScope, insertEvent, listCriteria } from '../../data/registrations-repo.js';
import { completionPct } from '../../domain/achievement.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Inspection, InspectionInput } from '../../domain/inspection-schemas.js';
import { INSPECTABLE_STATES } from '../../domain/policy.js';
import { inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { registrationActions } from '../registrations/present.js';

export async function createInspection(ctx: Ctx, registrationId: string, input: z.infer<typeof InspectionInput>) {
  return ctx.db.tx(async (q) => {
    const reg = await findRegistrationInScope(q, registrationId, inScope(ctx.actor.viewPath), true);
    if (!reg) throw notFound('registration');
    if (!registrationActions(ctx.actor, reg).includes('inspect')) {
      if (INSPECTABLE_STATES.includes(reg.state)) throw new AppError('FORBIDDEN');
      throw new AppError('ILLEGAL_TRANSITION', { transition: 'Kiểm tra, đánh giá', state: reg.state });
    }
    const own = new Map((await listCriteria(q, reg.id)).map((c) => [c.id, c]));
    if (input.criteria.some((c) => !own.has(c.criterionId))) throw new AppError('CRITERION_UNKNOWN');
    const id = randomUUID();
    await insertInspection(q, {
      id,
      registrationId: reg.id,
      inspectedOn: input.inspectedOn,
      inspectorId: ctx.actor.id,
      inspectorName: ctx.actor.name,
      overall: input.overall,
      assessment: input.assessment ?? null,
      difficulties: input.difficulties ?? null,
      supportGiven: input.supportGiven ?? null,
      fundsVnd: input.fundsVnd ?? null,
      workdays: input.workdays ?? null,
      peopleReached: input.peopleReached ?? null,
      otherResources: input.otherResources ?? null,
      criteria: input.criteria.map((c) => ({
        criterionId: c.criterionId,
        achieved: c.achieved,
        completionPct: completionPct(c.achieved, numberOrNull(own.get(c.criterionId)!.target)),
        note: c.note ?? null,
      })),
    });
    await insertEvent(q, {
      registrationId: reg.id,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      transition: 'inspect',
      fromState: reg.state,
      toState: reg.state,
      reason: input.assessment ?? null,
      data: { inspectionId: id },
    });
    await notify(q, {
      kind: 'inspection.recorded',
      entityType: 'registration',
      entityId: reg.id,
      path: reg.unit_path,
      label: reg.title,
      actorId: ctx.actor.id,
      persons: { registrant: reg.created_by },
    });
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'inspection.create',
      entityType: 'registration',
      entityId: reg.id,
      entityLabel: reg.title,
      unitPath: reg.unit_path,
      after: input,
      ip: ctx.ip,
    });
    return (await loadInspections(q, reg.id)).find((i) => i.id === id)!;
  });
}

export async function listInspections(ctx: Ctx, registrationId: string) {
  const reg = await findRegistrationInScope(ctx.db.pool, registrationId, inScope(ctx.actor.viewPath));
  if (!reg) throw notFound('registration');
  return loadInspections(ctx.db.pool, reg.id);
}

async function loadInspections(q: Queryable, registrationId: string): Promise<Inspection[]> {
  const rows = await listInspectionRows(q, registrationId);
  const ids = rows.map((r) => r.id);
  const crit = await inspectionCriteria(q, ids);
  const files = await inspectionFiles(q, ids);
  return rows.map((r) => ({
    id: r.id,
    inspectedOn: r.inspected_on,
    inspectorName: r.inspector_name,
    overall: r.overall as Inspection['overall'],
    assessment: r.assessment,
    difficulties: r.difficulties,
    supportGiven: r.support_given,
    fundsVnd: r.funds_vnd,
    workdays: r.workdays,
    peopleReached: r.people_reached,
    otherResources: r.other_resources,
    createdAt: r.created_at.toISOString(),
    criteria: crit
      .filter((c) => c.inspection_id === r.id)
      .map((c) => ({
        criterionId: c.criterion_id,
        name: c.name,
        target: c.target,
        unitOfMeasure: c.unit_of_measure,
        achieved: c.achieved,
        completionPct: c.completion_pct,
        note: c.note,
      })),
    files: files
      .filter((f) => f.inspection_id === r.id)
      .map((f) => ({ id: f.id, fileName: f.file_name, mime: f.mime, sizeBytes: f.size_bytes })),
  }));
}

const numberOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
