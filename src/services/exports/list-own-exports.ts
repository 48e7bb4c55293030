/** "Tệp đã xuất của tôi": the caller's own exports, newest first, while their place is in the caller's view. */
import { listOwnExportJobs } from '../../data/export-jobs-repo.js';
import { AppError } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import type { ExportJobList } from '../../domain/report-schemas.js';
import { inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { presentExportJob } from './exports.js';

export async function listOwnExports(ctx: Ctx, page: number, pageSize: number): Promise<ExportJobList> {
  if (!can(ctx.actor, 'export.view', { path: ctx.actor.viewPath })) throw new AppError('FORBIDDEN');
  // Only jobs made for a place still inside the view: one made before the user's view was narrowed
  // would otherwise hand over rows from outside it.
  const { total, rows } = await listOwnExportJobs(ctx.db.pool, ctx.actor.id, inScope(ctx.actor.viewPath), pageSize, (page - 1) * pageSize);
  return { total, items: rows.map(presentExportJob) };
}
