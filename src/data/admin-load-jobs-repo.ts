/**
 * Loads of the administrative map and of the 2025 history, as stored jobs: recorded by the
 * administrator's request, claimed and run by the server, one at a time (a unique index on the
 * active job).
 */
import type { Queryable } from './db.js';

export type AdminLoadKind = 'admin_units' | 'admin_history';

export interface AdminLoadJobRow {
  id: string;
  kind: AdminLoadKind;
  state: 'queued' | 'running' | 'done' | 'failed';
  stage: string | null;
  rows_read: number;
  units_written: number;
  result: Record<string, number> | null;
  error: string | null;
  created_by: string;
  created_by_name: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = `j.*, (select full_name from app_user a where a.id = j.created_by) as created_by_name`;

/** Records a job; returns null when another load is queued or running. */
export async function insertAdminLoadJob(q: Queryable, job: { id: string; kind: AdminLoadKind; createdBy: string }): Promise<AdminLoadJobRow | null> {
  const { rows } = await q.query<{ id: string }>(
    `insert into admin_load_job (id, kind, created_by) values ($1, $2, $3) on conflict do nothing returning id`,
    [job.id, job.kind, job.createdBy],
  );
  return rows[0] ? findAdminLoadJob(q, job.id) : null;
}

export async function findAdminLoadJob(q: Queryable, id: string): Promise<AdminLoadJobRow | null> {
  const { rows } = await q.query<AdminLoadJobRow>(`select ${COLUMNS} from admin_load_job j where j.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The latest jobs, newest first. */
export async function listAdminLoadJobs(q: Queryable, limit: number): Promise<AdminLoadJobRow[]> {
  const { rows } = await q.query<AdminLoadJobRow>(`select ${COLUMNS} from admin_load_job j order by j.created_at desc, j.id limit $1`, [limit]);
  return rows;
}

/** Takes the queued job, if any (`skip locked`: instances sharing a database never take it twice). */
export async function claimAdminLoadJob(q: Queryable): Promise<AdminLoadJobRow | null> {
  const { rows } = await q.query<{ id: string }>(
    `update admin_load_job set state = 'running', started_at = clock_timestamp(), stage = 'start'
      where id = (select id from admin_load_job where state = 'queued' order by created_at limit 1 for update skip locked)
      returning id`,
  );
  return rows[0] ? findAdminLoadJob(q, rows[0].id) : null;
}

export async function setAdminLoadProgress(q: Queryable, id: string, p: { stage: string; rowsRead: number; unitsWritten: number }): Promise<void> {
  await q.query(`update admin_load_job set stage = $2, rows_read = $3, units_written = $4 where id = $1 and state = 'running'`, [
    id,
    p.stage,
    p.rowsRead,
    p.unitsWritten,
  ]);
}

export async function finishAdminLoadJob(
  q: Queryable,
  id: string,
  end: { state: 'done' | 'failed'; rowsRead: number; unitsWritten: number; result: Record<string, number> | null; error: string | null },
): Promise<void> {
  await q.query(
    `update admin_load_job set state = $2, stage = $2, rows_read = $3, units_written = $4, result = $5::jsonb, error = $6,
            finished_at = clock_timestamp()
      where id = $1`,
    [id, end.state, end.rowsRead, end.unitsWritten, end.result === null ? null : JSON.stringify(end.result), end.error],
  );
}

/** Jobs left running by a process that stopped (the server starts): they failed. */
export async function failAbandonedAdminLoadJobs(q: Queryable, message: string): Promise<void> {
  await q.query(`update admin_load_job set state = 'failed', error = $1, finished_at = clock_timestamp() where state = 'running'`, [message]);
}
