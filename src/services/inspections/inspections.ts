/** Inspections: dated progress entries on an accepted model, with completion per criterion. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { insertAudit } from '../../data/audit-repo.js';
import type { Queryable } from '../../data/db.js';
import { findRegistrationInScope, insertEvent, listCriteria } from '../../data/registrations-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Inspection, InspectionInput } from '../../domain/inspection-schemas.js';
import type { Ctx } from '../context.js';
import { registrationActions } from '../registrations/present.js';

export async function createInspection(ctx: Ctx, registrationId: string, input: z.infer<typeof InspectionInput>) {
  return ctx.db.tx(async (q) => {
    const reg = await findRegistrationInScope(q, registrationId, ctx.actor.viewPath, true);
    if (!reg) throw notFound('registration');
    if (!registrationActions(ctx.actor, reg).includes('inspect')) {
      if (['accepted', 'recognised'].includes(reg.state)) throw new AppError('FORBIDDEN');
      throw new AppError('ILLEGAL_TRANSITION', { transition: 'Kiểm tra, đánh giá', state: reg.state });
    }
    const own = new Set((await listCriteria(q, reg.id)).map((c) => c.id));
    if (input.criteria.some((c) => !own.has(c.criterionId))) throw new AppError('CRITERION_UNKNOWN');
    const id = randomUUID();
    await q.query(
      `insert into inspection (id, registration_id, inspected_on, inspector_id, inspector_name, overall, assessment, difficulties,
         support_given, funds_vnd, workdays, people_reached, other_resources)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [id, reg.id, input.inspectedOn, ctx.actor.id, ctx.actor.name, input.overall, input.assessment ?? null, input.difficulties ?? null,
        input.supportGiven ?? null, input.fundsVnd ?? null, input.workdays ?? null, input.peopleReached ?? null, input.otherResources ?? null],
    );
    for (const c of input.criteria) {
      await q.query('insert into inspection_criterion (inspection_id, criterion_id, completion_pct, note) values ($1, $2, $3, $4)',
        [id, c.criterionId, c.completionPct, c.note ?? null]);
    }
    await insertEvent(q, { registrationId: reg.id, actorId: ctx.actor.id, actorName: ctx.actor.name, transition: 'inspect', fromState: reg.state, toState: reg.state, reason: input.assessment ?? null, data: { inspectionId: id } });
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'inspection.create', entityType: 'registration', entityId: reg.id, entityLabel: reg.title, unitPath: reg.unit_path, after: input, ip: ctx.ip });
    return (await loadInspections(q, reg.id)).find((i) => i.id === id)!;
  });
}

export async function listInspections(ctx: Ctx, registrationId: string) {
  const reg = await findRegistrationInScope(ctx.db.pool, registrationId, ctx.actor.viewPath);
  if (!reg) throw notFound('registration');
  return loadInspections(ctx.db.pool, reg.id);
}

async function loadInspections(q: Queryable, registrationId: string): Promise<Inspection[]> {
  const { rows } = await q.query<{
    id: string; inspected_on: string; inspector_name: string; overall: Inspection['overall']; assessment: string | null; difficulties: string | null;
    support_given: string | null; funds_vnd: number | null; workdays: number | null; people_reached: number | null; other_resources: string | null; created_at: Date;
  }>('select * from inspection where registration_id = $1 order by inspected_on desc, created_at desc', [registrationId]);
  const ids = rows.map((r) => r.id);
  const crit = (await q.query<{ inspection_id: string; criterion_id: string; name: string; completion_pct: number; note: string | null }>(
    `select ic.inspection_id, ic.criterion_id, rc.name, ic.completion_pct, ic.note from inspection_criterion ic
       join registration_criterion rc on rc.id = ic.criterion_id where ic.inspection_id = any($1::uuid[]) order by rc.sort`, [ids])).rows;
  const files = (await q.query<{ id: string; inspection_id: string; file_name: string; mime: string; size_bytes: number }>(
    'select id, inspection_id, file_name, mime, size_bytes from evidence_file where inspection_id = any($1::uuid[]) order by created_at', [ids])).rows;
  return rows.map((r) => ({
    id: r.id, inspectedOn: r.inspected_on, inspectorName: r.inspector_name, overall: r.overall, assessment: r.assessment,
    difficulties: r.difficulties, supportGiven: r.support_given, fundsVnd: r.funds_vnd, workdays: r.workdays,
    peopleReached: r.people_reached, otherResources: r.other_resources, createdAt: r.created_at.toISOString(),
    criteria: crit.filter((c) => c.inspection_id === r.id).map((c) => ({ criterionId: c.criterion_id, name: c.name, completionPct: c.completion_pct, note: c.note })),
    files: files.filter((f) => f.inspection_id === r.id).map((f) => ({ id: f.id, fileName: f.file_name, mime: f.mime, sizeBytes: f.size_bytes })),
  }));
}
