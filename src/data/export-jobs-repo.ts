/**
 * The export queue: jobs recorded by requests, claimed by the runners of every app instance.
 * Claiming is fair between users: one user's long queue does not hold back another's export.
 */
import type { Scope } from '../domain/scope.js';
import type { Queryable } from './db.js';
import type { ResolvedFilter } from './registration-filter.js';

export interface ExportJobRow {
  id: string;
  kind: 'registrations';
  /** walLsn: the primary's WAL position when the job was queued (with a replica): what its reads must not be behind. */
  params: { filter: ResolvedFilter; description: string; walLsn?: string };
  scope_path: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  total: number | null;
  file_name: string | null;
  error: string | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = '*, scope_path::text as scope_path';

/**
 * Serialises one user's export requests until the caller's transaction ends, so that parallel
 * requests cannot all pass the count below the limit.
 */
export async function lockUserExports(q: Queryable, userId: string): Promise<void> {
  await q.query('select pg_advisory_xact_lock(4202, hashtext($1))', [userId]);
}

/** The user's exports waiting or being made. */
export async function countActiveExports(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`select count(*)::int as n from export_job where created_by = $1 and state in ('queued', 'running')`, [userId]);
  return rows[0]!.n;
}

export async function insertExportJob(
  q: Queryable,
  job: { id: string; kind: string; params: ExportJobRow['params']; scopePath: string; createdBy: string },
): Promise<ExportJobRow> {
  const { rows } = await q.query<ExportJobRow>(
    `insert into export_job (id, kind, params, scope_path, created_by) values ($1, $2, $3::jsonb, $4::ltree, $5) returning ${COLUMNS}`,
    [job.id, job.kind, JSON.stringify(job.params), job.scopePath, job.createdBy],
  );
  return rows[0]!;
}

/**
 * Takes the next job fairly: among queued jobs, the oldest of the user with the fewest jobs running
 * now (on any instance), then of the user served longest ago (never served first), then the oldest.
 * `skip locked` lets several instances claim at once without taking the same job.
 */
export async function claimNextExportJob(q: Queryable): Promise<ExportJobRow | null> {
  const { rows } = await q.query<ExportJobRow>(
    `update export_job set state = 'running', started_at = clock_timestamp()
      where id = (
        select j.id from export_job j
         where j.state = 'queued'
         order by (select count(*) from export_job r where r.created_by = j.created_by and r.state = 'running'),
                  (select max(s.started_at) from export_job s where s.created_by = j.created_by) nulls first,
                  j.created_at, j.id
         limit 1
         for update of j skip locked)
        and state = 'queued'
      returning ${COLUMNS}`,
  );
  return rows[0] ?? null;
}

/** One of the user's own export jobs; another user's job is not found. */
export async function findOwnExportJob(q: Queryable, id: string, userId: string): Promise<ExportJobRow | null> {
  const { rows } = await q.query<ExportJobRow>(`select ${COLUMNS} from export_job where id = $1 and created_by = $2`, [id, userId]);
  return rows[0] ?? null;
}

/** A page of the user's own export jobs made for a place inside `view`, newest first, with their number. */
export async function listOwnExportJobs(q: Queryable, userId: string, view: Scope, limit: number, offset: number): Promise<{ total: number; rows: ExportJobRow[] }> {
  const total = (await q.query<{ n: number }>(
    'select count(*)::int as n from export_job where created_by = $1 and scope_path <@ $2::ltree', [userId, view])).rows[0]!.n;
  const { rows } = await q.query<ExportJobRow>(
    `select ${COLUMNS} from export_job where created_by = $1 and scope_path <@ $2::ltree
      order by created_at desc, id desc limit $3 offset $4`,
    [userId, view, limit, offset],
  );
  return { total, rows };
}

export async function setExportTotal(q: Queryable, id: string, total: number): Promise<void> {
  await q.query('update export_job set total = $2 where id = $1', [id, total]);
}

export async function setExportProgress(q: Queryable, id: string, done: number): Promise<void> {
  await q.query('update export_job set progress = $2 where id = $1', [id, done]);
}

/** The file is written: its final row count and the name it is downloaded under. */
export async function setExportWritten(q: Queryable, id: string, done: number, fileName: string): Promise<void> {
  await q.query('update export_job set progress = $2, file_name = $3 where id = $1', [id, done, fileName]);
}

export async function markExportDone(q: Queryable, id: string): Promise<void> {
  await q.query(`update export_job set state = 'done', finished_at = now() where id = $1`, [id]);
}

export async function markExportFailed(q: Queryable, id: string, error: string): Promise<void> {
  await q.query(`update export_job set state = 'failed', error = $2, finished_at = now() where id = $1`, [id, error]);
}

/** Removes the jobs older than the given hours and answers their ids (their files go with them). */
export async function deleteExportJobsOlderThan(q: Queryable, hours: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    'delete from export_job where created_at < now() - make_interval(hours => $1) returning id',
    [hours],
  );
  return rows.map((r) => r.id);
}
