/**
 * Reads served by a PostgreSQL streaming replica (`DATABASE_REPLICA_URL`), with read-your-writes.
 *
 * Only the reads a service asks for through `db.reads()` may go to the replica (statistics, review
 * reports, exports, search); everything else, and every statement of a transaction, runs on the
 * primary. After a user's transaction commits, the primary's WAL position (`pg_current_wal_insert_lsn()`,
 * at or past the commit record) is kept for that user in memory; until the replica has replayed
 * past it (`pg_last_wal_replay_lsn()`, asked at most every REPLAY_CACHE_MS), that user's reads go
 * to the primary. Other users read from the replica, as far as it has replayed.
 *
 * A replica that cannot be reached, or refuses a query for a reason of its own (shutting down,
 * recovery conflict), is not an error: the read runs again on the primary, the trouble is logged
 * once, and the replica is left alone for DOWN_RETRY_MS before it is tried again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { Queryable } from './db.js';

/** How long the replica's replay position is trusted before it is asked again. */
export const REPLAY_CACHE_MS = 200;
/** How long the primary answers every read after the replica failed. */
export const DOWN_RETRY_MS = 5_000;
/** How long queued work (`readsAfter`) waits for the replica to catch up before reading the primary. */
export const CATCH_UP_WAIT_MS = 2_000;
/** How long a writer whose commit position could not be read stays on the primary. */
const PIN_MS = 60_000;
/** A position no replica reaches: that writer reads from the primary. */
const UNKNOWN = (1n << 64n) - 1n;

/** Where replica-eligible reads went, counted per query (tests and operators read it). */
export interface ReadRouting {
  /** Queries the replica answered. */
  replica: number;
  /** Queries sent to the primary because of a fresh write, a transaction or a replica down. */
  primary: number;
  /** Queries that failed on the replica and were answered by the primary. */
  fallbacks: number;
}

/** Set while a transaction runs: a read asked for inside it never goes to the replica. */
export const inTransaction = new AsyncLocalStorage<true>();

/**
 * The primary's WAL insert position: at or past the commit record of every transaction that has
 * committed (even with synchronous_commit=off, where the write position may still be behind it).
 */
export async function walPosition(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
  return rows[0]!.lsn;
}

/** A WAL position 'XX/YYYYYYYY' as one comparable number. */
export function lsnValue(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/**
 * An error of the replica itself rather than of the query: no SQLSTATE (connection refused or
 * lost), a connection exception (08), insufficient resources (53), operator intervention (57:
 * shutdown, starting up, cancelled), a system error (58), or a hot standby's recovery conflict (40001).
 */
function replicaTrouble(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return ['08', '53', '57', '58'].includes(code.slice(0, 2)) || code === '40001';
}

export class ReplicaRouter {
  readonly counts: ReadRouting = { replica: 0, primary: 0, fallbacks: 0 };
  /** Each writer's last commit position on the primary, until the replica has replayed it. */
  private readonly pending = new Map<string, bigint>();
  private replay: { lsn: bigint | null; at: number } | null = null;
  private replayAsked: Promise<bigint | null> | null = null;
  private downUntil = 0;
  private down = false;
  private readonly onPrimary: Queryable;
  private readonly onReplica: Queryable;

  constructor(
    primary: pg.Pool,
    private readonly replica: pg.Pool,
    private readonly log: (message: string) => void,
  ) {
    this.onPrimary = {
      query: (text, params) => {
        this.counts.primary += 1;
        return primary.query(text, params);
      },
    };
    this.onReplica = {
      query: async <R extends pg.QueryResultRow>(text: string, params?: unknown[]) => {
        if (this.isDown()) return this.onPrimary.query<R>(text, params);
        try {
          const r = await replica.query<R>(text, params);
          this.counts.replica += 1;
          this.up();
          return r;
        } catch (err) {
          if (!replicaTrouble(err)) throw err;
          this.trouble(err);
          this.counts.fallbacks += 1;
          return primary.query<R>(text, params);
        }
      },
    };
  }

  /**
   * Called on the transaction's connection right after its commit. Never throws (the write has
   * committed): a position that cannot be read keeps the user on the primary for PIN_MS instead.
   */
  async noteWrite(client: Queryable, userId: string): Promise<void> {
    let lsn: bigint;
    try {
      lsn = lsnValue(await walPosition(client));
    } catch (err) {
      this.log(`Không đọc được vị trí WAL sau khi ghi; người dùng ${userId} đọc từ máy chủ chính: ${(err as Error).message}`);
      this.pending.set(userId, UNKNOWN);
      setTimeout(() => {
        if (this.pending.get(userId) === UNKNOWN) this.pending.delete(userId);
      }, PIN_MS).unref();
      return;
    }
    const before = this.pending.get(userId);
    if (before === undefined || lsn > before) this.pending.set(userId, lsn);
  }

  /** Where a read for this user (null: nobody's, e.g. a scheduled job) goes now. */
  async reads(userId: string | null): Promise<Queryable> {
    if (inTransaction.getStore() || this.isDown()) return this.onPrimary;
    const waited = userId === null ? undefined : this.pending.get(userId);
    if (waited === undefined) return this.onReplica;
    const replayed = await this.replayed();
    if (replayed !== null && replayed >= waited) {
      this.pending.delete(userId!);
      return this.onReplica;
    }
    return this.onPrimary;
  }

  /**
   * The replica only once it has replayed up to `floor` (a position taken on the primary, see
   * `walPosition`), otherwise the primary; no floor, the primary. For queued work that any instance
   * may pick up (an export job), which must not read behind what was committed before it was asked.
   */
  async readsAfter(floor: bigint | null): Promise<Queryable> {
    if (floor === null || inTransaction.getStore() || this.isDown()) return this.onPrimary;
    // Background work can wait a moment for the replica to replay the last commits before it.
    const until = Date.now() + CATCH_UP_WAIT_MS;
    for (;;) {
      const replayed = await this.replayed();
      if (replayed !== null && replayed >= floor) return this.onReplica;
      if (replayed === null || Date.now() >= until) return this.onPrimary;
      await new Promise((r) => setTimeout(r, REPLAY_CACHE_MS));
    }
  }

  private isDown(): boolean {
    return this.down && Date.now() < this.downUntil;
  }

  /** The replica's replay position, asked at most every REPLAY_CACHE_MS (one question at a time). */
  private async replayed(): Promise<bigint | null> {
    if (this.replay && Date.now() - this.replay.at < REPLAY_CACHE_MS) return this.replay.lsn;
    this.replayAsked ??= this.askReplay().finally(() => (this.replayAsked = null));
    return this.replayAsked;
  }

  private async askReplay(): Promise<bigint | null> {
    try {
      const { rows } = await this.replica.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn');
      // Null: not a standby (promoted, or the wrong server), so nobody's fresh write is known to be there.
      const lsn = rows[0]!.lsn === null ? null : lsnValue(rows[0]!.lsn);
      this.replay = { lsn, at: Date.now() };
      this.up();
      if (lsn !== null) for (const [user, waited] of this.pending) if (waited <= lsn) this.pending.delete(user);
      return lsn;
    } catch (err) {
      this.trouble(err);
      return null;
    }
  }

  private trouble(err: unknown): void {
    if (!this.down) this.log(`Bản sao cơ sở dữ liệu không trả lời, các lệnh đọc chuyển về máy chủ chính: ${(err as Error).message}`);
    this.down = true;
    this.downUntil = Date.now() + DOWN_RETRY_MS;
  }

  private up(): void {
    if (!this.down) return;
    this.down = false;
    this.log('Bản sao cơ sở dữ liệu trả lời lại: các lệnh đọc thống kê, báo cáo, xuất tệp và tìm kiếm lại dùng bản sao.');
  }
}
