/**
 * Scheduled reorganisations: one dated later than today is stored `scheduled` and nothing moves;
 * this job applies those whose date has come. Each is claimed with `for update skip locked`, so
 * several server instances never apply one twice, and applied in the claim's transaction with its
 * audit row: once applied it is no longer `scheduled`, so running the job again changes nothing.
 * One that cannot be applied any more (the tree changed since) stays scheduled with the reason in
 * `last_error`, for the administrators' screen. The clock is `services/clock.ts` (DVK_TODAY, tests).
 */
import { insertAudit } from '../data/audit-repo.js';
import type { Db } from '../data/db.js';
import { requestKey } from '../data/idempotency.js';
import {
  applyReorganisationIn,
  claimDueReorganisation,
  recordReorganisationError,
  reorganisationAuditPath,
  reorganisationChanges,
} from '../data/reorganisations-repo.js';
import { AppError, errorMessage } from '../domain/errors.js';
import { today } from '../services/clock.js';

const EVERY_MS = 10 * 60 * 1000;

/** Applies every scheduled reorganisation due by `day`; returns how many were applied. */
export async function applyDueReorganisations(db: Db, day: string = today()): Promise<number> {
  const failed: string[] = [];
  let applied = 0;
  for (;;) {
    let claimed: string | null = null;
    try {
      const done = await db.tx(async (q) => {
        const r = await claimDueReorganisation(q, day, failed);
        if (!r) return false;
        claimed = r.id;
        const changes = (await reorganisationChanges(q, r.id)).map((c) => c.spec);
        const header = {
          id: r.id,
          effectiveDate: r.effective_date,
          basisNumber: r.basis_number,
          basisDate: r.basis_date,
          basisIssuer: r.basis_issuer,
          note: r.note,
          createdBy: null,
        };
        const { counts } = await applyReorganisationIn(q, header, changes, null);
        await insertAudit(q, {
          actorId: null,
          actorName: 'Hệ thống (sắp xếp theo ngày hiệu lực)',
          action: 'reorganisation.apply',
          entityType: 'reorganisation',
          entityId: r.id,
          entityLabel: `${r.basis_number} – ${r.basis_issuer}`,
          unitPath: await reorganisationAuditPath(q, r.id),
          after: { effectiveDate: r.effective_date, changeCount: changes.length, counts, scheduled: true },
        });
        return true;
      });
      if (!done) return applied;
      applied++;
    } catch (err) {
      if (claimed === null) throw err;
      const id: string = claimed;
      failed.push(id);
      const message = err instanceof AppError ? errorMessage(err.code, err.params, 'vi') : String((err as Error).message);
      await db.tx((q) => recordReorganisationError(q, id, message));
    }
  }
}

/** Runs the job at start-up and then every ten minutes, one run at a time. */
export class ReorganisationRunner {
  private busy: Promise<unknown> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db) {}

  start(): void {
    this.kick();
    this.timer = setInterval(() => this.kick(), EVERY_MS);
    this.timer.unref();
  }

  kick(): void {
    if (this.busy) return;
    this.busy = requestKey
      .exit(() => applyDueReorganisations(this.db))
      .catch(() => 0)
      .finally(() => (this.busy = null));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.busy) await this.busy;
  }
}
