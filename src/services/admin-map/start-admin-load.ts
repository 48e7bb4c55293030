/** Starts loading the 2025 map or the 2025 history: a stored job the server runs, one at a time. */
import { randomUUID } from 'node:crypto';
import { insertAudit } from '../../data/audit-repo.js';
import { insertAdminLoadJob } from '../../data/admin-load-jobs-repo.js';
import { ADMIN_LOAD_LABELS, type AdminLoadJob } from '../../domain/admin-map-schemas.js';
import { AppError } from '../../domain/errors.js';
import type { AdminLoadRunner } from '../../jobs/admin-load-jobs.js';
import type { Ctx } from '../context.js';
import { presentAdminLoad, requireMapLoader } from './present-admin-load.js';

export async function startAdminLoad(ctx: Ctx, runner: AdminLoadRunner, kind: 'admin_units' | 'admin_history'): Promise<AdminLoadJob> {
  requireMapLoader(ctx);
  const job = await ctx.db.tx(async (q) => {
    const row = await insertAdminLoadJob(q, { id: randomUUID(), kind, createdBy: ctx.actor.id });
    if (!row) throw new AppError('ADMIN_LOAD_RUNNING');
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'unit.load_map',
      entityType: 'admin_load_job',
      entityId: row.id,
      entityLabel: ADMIN_LOAD_LABELS[kind],
      unitPath: ctx.actor.viewPath.split('.')[0]!,
      after: { kind },
      ip: ctx.ip,
    });
    return row;
  });
  runner.kick();
  return presentAdminLoad(job, runner);
}
