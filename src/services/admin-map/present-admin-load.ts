import type { AdminLoadJobRow } from '../../data/admin-load-jobs-repo.js';
import { ADMIN_LOAD_STAGES, type AdminLoadJob } from '../../domain/admin-map-schemas.js';
import { can } from '../../domain/policy.js';
import type { AdminLoadRunner } from '../../jobs/admin-load-jobs.js';
import type { Ctx } from '../context.js';
import { AppError } from '../../domain/errors.js';

/** Loading the map changes the whole tree: only an administrator whose scope is the whole country. */
export function requireMapLoader(ctx: Ctx): void {
  const top = ctx.actor.viewPath.split('.')[0]!;
  if (!can(ctx.actor, 'unit.load_map', { path: top })) throw new AppError('FORBIDDEN');
}

/** A job as the screen sees it, with the running figures of this server where it runs the job. */
export function presentAdminLoad(j: AdminLoadJobRow, runner: AdminLoadRunner): AdminLoadJob {
  const live = j.state === 'running' ? runner.progressOf(j.id) : null;
  const stage = live?.stage ?? (j.state === 'queued' ? 'queued' : j.stage);
  return {
    id: j.id,
    kind: j.kind,
    state: j.state,
    stage,
    stageLabel: (stage && ADMIN_LOAD_STAGES[stage]) ?? '',
    rowsRead: live?.rowsRead ?? j.rows_read,
    unitsWritten: live?.unitsWritten ?? j.units_written,
    result: j.result,
    error: j.state === 'failed' ? 'Không nạp được; không có thay đổi nào được ghi. Vui lòng thử lại.' : null,
    createdBy: j.created_by_name,
    createdAt: j.created_at.toISOString(),
    startedAt: j.started_at?.toISOString() ?? null,
    finishedAt: j.finished_at?.toISOString() ?? null,
  };
}
