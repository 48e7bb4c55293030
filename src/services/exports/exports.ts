/** Export jobs as the API sees them: create within the caller's view, read one's own. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import type { CreateExport, ExportJob } from '../../domain/report-schemas.js';
import {
  formatDateVi,
  formerUnitName,
  HOLDER_LABELS,
  TREE_NOTES,
  KIND_LABELS,
  ORIGIN_LABELS,
  type RegistrationFilterQuery,
} from '../../domain/statistics.js';
import { UNIT_LEVEL_LABELS } from '../../domain/unit-kinds.js';
import { REGISTRATION_STATE_LABELS } from '../../domain/workflow.js';
import type { ExportJobRow, ExportRunner } from '../../jobs/export-jobs.js';
import type { Ctx } from '../context.js';
import { fieldName } from '../../data/catalogues-repo.js';
import { countActiveExports, findOwnExportJob, insertExportJob, lockUserExports } from '../../data/export-jobs-repo.js';
import { apportionedIds } from '../../data/stats-repo.js';
import { filterUnit, resolveFilter } from '../registrations/resolve-filter.js';

/** Exports one user may have queued or running at once. */
export const MAX_ACTIVE_EXPORTS = 3;

/** A job as the API answers it, for one job and in the list of one's own. */
export function presentExportJob(j: ExportJobRow): ExportJob {
  return {
    id: j.id,
    kind: j.kind,
    state: j.state,
    progress: j.progress,
    total: j.total,
    fileName: j.file_name,
    error: j.state === 'failed' ? 'Không tạo được tệp. Vui lòng thử xuất lại.' : null,
    createdAt: j.created_at.toISOString(),
    finishedAt: j.finished_at?.toISOString() ?? null,
  };
}

/** The filters in words, printed under the title of the exported sheet. */
async function describe(ctx: Ctx, input: RegistrationFilterQuery, unitName: string | null, campaignTitle: string | null): Promise<string> {
  const parts: string[] = [];
  if (unitName) parts.push(`Đơn vị: ${unitName}${input.unitOnly ? ' (không gồm đơn vị trực thuộc)' : ''}`);
  if (campaignTitle) parts.push(`Đợt phát động: ${campaignTitle}`);
  if (input.fieldCode) {
    parts.push(`Lĩnh vực: ${(await fieldName(ctx.db.pool, input.fieldCode)) ?? input.fieldCode}`);
  }
  if (input.kind) parts.push(KIND_LABELS[input.kind]);
  if (input.holder) parts.push(HOLDER_LABELS[input.holder]);
  if (input.origin) parts.push(ORIGIN_LABELS[input.origin]);
  if (input.level) parts.push(`Cấp: ${UNIT_LEVEL_LABELS[input.level]}`);
  if (input.year) parts.push(`Năm ${input.year}`);
  if (input.yearFrom || input.yearTo) parts.push(`Năm ${input.yearFrom ?? '…'}–${input.yearTo ?? '…'}`);
  const states = input.states?.length ? input.states : input.state ? [input.state] : [];
  if (states.length) parts.push(`Trạng thái: ${states.map((s) => REGISTRATION_STATE_LABELS[s]).join(', ')}`);
  parts.push(TREE_NOTES[input.tree ?? 'today']);
  if (input.recognised !== undefined) parts.push(input.recognised ? 'Đã được công nhận' : 'Chưa được công nhận');
  if (input.commended !== undefined) parts.push(input.commended ? 'Đã được khen thưởng' : 'Chưa được khen thưởng');
  parts.push(`Xuất ngày ${formatDateVi(new Date().toISOString())} bởi ${ctx.actor.name}`);
  return parts.join('; ');
}

export async function createExport(ctx: Ctx, runner: ExportRunner, input: z.infer<typeof CreateExport>): Promise<ExportJob> {
  if (!can(ctx.actor, 'export.create', { path: ctx.actor.viewPath })) throw new AppError('FORBIDDEN');
  // The unit and the campaign named by the filter are resolved inside the caller's view: one the
  // caller cannot open is not found (404), so its name never reaches the sheet.
  const { unit, campaign, ...filter } = await resolveFilter(ctx, input.filter);
  filter.apportioned = await apportionedIds(ctx.db.pool, filter, (await filterUnit(ctx, unit)).path);
  const description = await describe(ctx, input.filter, unit ? formerUnitName(unit.name, unit.closed) : null, campaign?.title ?? null);
  const row = await ctx.db.tx(async (q) => {
    // A few exports per user at a time, so that one user's queue cannot hold everyone else's back.
    await lockUserExports(q, ctx.actor.id);
    if ((await countActiveExports(q, ctx.actor.id)) >= MAX_ACTIVE_EXPORTS)
      throw new AppError('EXPORT_QUEUE_FULL', { limit: MAX_ACTIVE_EXPORTS });
    // With a streaming replica, the job reads it only once it has replayed what was committed before now.
    const walLsn = await ctx.db.walPosition(q);
    return insertExportJob(q, {
      id: randomUUID(),
      kind: input.kind,
      params: { filter, description, ...(walLsn ? { walLsn } : {}) },
      scopePath: ctx.actor.viewPath,
      createdBy: ctx.actor.id,
    });
  });
  runner.kick();
  return presentExportJob(row);
}

export async function findExport(ctx: Ctx, id: string): Promise<ExportJobRow> {
  const row = await findOwnExportJob(ctx.db.pool, id, ctx.actor.id);
  if (!row) throw notFound('export_job');
  return row;
}

export async function getExport(ctx: Ctx, id: string): Promise<ExportJob> {
  return presentExportJob(await findExport(ctx, id));
}

/** One's own export, ready to download: a failed or unfinished one is refused with what to do. */
export async function finishedExport(ctx: Ctx, id: string): Promise<{ id: string; fileName: string }> {
  const job = await findExport(ctx, id);
  if (job.state === 'failed') throw new AppError('EXPORT_FAILED');
  if (job.state !== 'done') throw new AppError('EXPORT_NOT_READY');
  return { id: job.id, fileName: job.file_name ?? 'danh-sach.xlsx' };
}
