/** The latest loads of the administrative map, newest first (the screen shows the running one). */
import { findAdminLoadJob, listAdminLoadJobs } from '../../data/admin-load-jobs-repo.js';
import type { AdminLoadJob } from '../../domain/admin-map-schemas.js';
import { notFound } from '../../domain/errors.js';
import type { AdminLoadRunner } from '../../jobs/admin-load-jobs.js';
import type { Ctx } from '../context.js';
import { presentAdminLoad, requireMapLoader } from './present-admin-load.js';

export async function listAdminLoads(ctx: Ctx, runner: AdminLoadRunner): Promise<{ items: AdminLoadJob[] }> {
  requireMapLoader(ctx);
  return { items: (await listAdminLoadJobs(ctx.db.pool, 10)).map((j) => presentAdminLoad(j, runner)) };
}

export async function getAdminLoad(ctx: Ctx, runner: AdminLoadRunner, id: string): Promise<AdminLoadJob> {
  requireMapLoader(ctx);
  const job = await findAdminLoadJob(ctx.db.pool, id);
  if (!job) throw notFound('admin_load_job');
  return presentAdminLoad(job, runner);
}
