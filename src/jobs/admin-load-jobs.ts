/**
 * Loading the 2025 administrative map or the history of the 2025 reform while the server runs.
 * The request records the job (one at a time); this runner claims it and runs the loader in one
 * transaction. The loader reports its stage, rows read and units written: kept here for the screen
 * to poll, and on PostgreSQL also written to the job's row as it goes (another connection). PGlite
 * has one connection, held by the load's transaction, so there the row gets the counts at the end
 * and the running figures come from this process, the only one that can open that database.
 */
import type { Db } from '../data/db.js';
import {
  claimAdminLoadJob,
  failAbandonedAdminLoadJobs,
  finishAdminLoadJob,
  setAdminLoadProgress,
  type AdminLoadJobRow,
} from '../data/admin-load-jobs-repo.js';
import { requestKey } from '../data/idempotency.js';
import { loadAdminUnitsIn } from '../seed/admin-units.js';
import { loadAdminHistoryIn } from '../seed/admin-history.js';

export interface LoadProgress {
  stage: string;
  rowsRead: number;
  unitsWritten: number;
}

export class AdminLoadRunner {
  private busy: Promise<void> | null = null;
  private again = false;
  private readonly live = new Map<string, LoadProgress>();
  private started = false;

  constructor(private readonly db: Db) {}

  /** Starts working through the queue unless already doing so. */
  kick(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = requestKey
      .exit(() => this.drain())
      .finally(() => {
        this.busy = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when the queue is empty (tests and shutdown wait on it). */
  async idle(): Promise<void> {
    while (this.busy) await this.busy;
  }

  /** The running figures of a job this process is running, fresher than its row on PGlite. */
  progressOf(id: string): LoadProgress | null {
    return this.live.get(id) ?? null;
  }

  private async drain(): Promise<void> {
    if (!this.started && this.db.engine === 'pglite') {
      // One process holds an embedded database: a job still "running" was left by a process that stopped.
      await failAbandonedAdminLoadJobs(this.db.pool, 'Máy chủ đã dừng khi đang nạp; hãy nạp lại.');
    }
    this.started = true;
    for (;;) {
      const job = await claimAdminLoadJob(this.db.pool);
      if (!job) return;
      await this.run(job);
    }
  }

  private async run(job: AdminLoadJobRow): Promise<void> {
    let last: LoadProgress = { stage: 'start', rowsRead: 0, unitsWritten: 0 };
    this.live.set(job.id, last);
    let writing: Promise<void> = Promise.resolve();
    const progress = (p: LoadProgress) => {
      last = p;
      this.live.set(job.id, p);
      if (this.db.engine === 'postgres') writing = writing.then(() => setAdminLoadProgress(this.db.pool, job.id, p)).catch(() => undefined);
    };
    try {
      const result = await this.db.tx(async (q): Promise<Record<string, number>> => {
        if (job.kind === 'admin_units') {
          const added = await loadAdminUnitsIn(q, undefined, progress);
          return { unitsAdded: added };
        }
        return { ...(await loadAdminHistoryIn(q, {}, { actorId: job.created_by, progress })) };
      });
      await writing;
      await finishAdminLoadJob(this.db.pool, job.id, {
        state: 'done',
        rowsRead: last.rowsRead,
        unitsWritten: last.unitsWritten,
        result,
        error: null,
      });
    } catch (e) {
      await writing;
      await finishAdminLoadJob(this.db.pool, job.id, {
        state: 'failed',
        rowsRead: last.rowsRead,
        unitsWritten: 0,
        result: null,
        error: String((e as Error).message).slice(0, 500),
      });
    } finally {
      this.live.delete(job.id);
    }
  }
}
