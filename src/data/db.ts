/**
 * One query layer for both engines. PGlite (embedded PostgreSQL) answers through the same
 * node-postgres Pool as a PostgreSQL server, so every query, result type and transaction
 * behaves alike. PGlite has a single connection: its pool size is 1, so transactions queue.
 */
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { IdempotencyKeyTaken, insertKey, requestKey, stampKey } from './idempotency.js';
import { inTransaction, lsnValue, ReplicaRouter, walPosition, type ReadRouting } from './read-routing.js';

// bigint counts as JS numbers (counts never pass 2^53); dates stay 'YYYY-MM-DD' strings.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1082, (v) => v);

export type Engine = 'pglite' | 'postgres';

export interface Queryable {
  query<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface Db {
  engine: Engine;
  pool: pg.Pool;
  rows<R extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<R[]>;
  one<R extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<R>;
  /**
   * Runs fn in one transaction on one connection; commits when it returns, rolls back when it
   * throws. Inside a request carrying an Idempotency-Key, the first one also records the key.
   */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Where a read that a streaming replica may serve goes (statistics, review reports, exports,
   * search): the replica when `DATABASE_REPLICA_URL` is set, unless this Db's user has a write the
   * replica has not replayed yet, a transaction is running, or the replica is down; otherwise, and
   * always on PGlite or a single PostgreSQL, the primary's pool. Ask once per operation.
   */
  reads(): Promise<Queryable>;
  /**
   * With a replica, the primary's WAL position now (to call inside a transaction that queues work),
   * else null; `readsAfter(position)` then reads the replica only once it has replayed that far.
   */
  walPosition(q: Queryable): Promise<string | null>;
  readsAfter(position: string | null | undefined): Promise<Queryable>;
  /** This Db on behalf of one user: its transactions mark the user's writes, its `reads()` honour them. */
  asUser(userId: string): Db;
  /** Where replica-eligible reads went; null without a replica. */
  readRouting: ReadRouting | null;
  close(): Promise<void>;
  /** PGlite only: its whole data folder as a tarball, to open copies of it (`loadDataDir`). */
  dumpDataDir?(): Promise<Blob>;
}

export interface DbOptions {
  databaseUrl?: string;
  /** A streaming replica of `databaseUrl` (`DATABASE_REPLICA_URL`) for the reads that may lag. */
  replicaUrl?: string;
  /** Where the replica's trouble is reported (console.warn by default). */
  log?: (message: string) => void;
  /** Directory for PGlite files, or 'memory://' for a throwaway database. */
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: starts from this data folder (a tarball of `dumpDataDir`) instead of an empty one. */
  loadDataDir?: Blob;
}

export async function openDb(opts: DbOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {}); // idle client errors surface on the next query
    if (!opts.replicaUrl) return wrap('postgres', pool, async () => pool.end());
    // A replica that does not answer is given up on quickly: the primary answers instead.
    const replica = new pg.Pool({ connectionString: opts.replicaUrl, max: opts.poolSize ?? 10, connectionTimeoutMillis: 3_000 });
    replica.on('error', () => {});
    const router = new ReplicaRouter(pool, replica, opts.log ?? ((m) => console.warn(m)));
    return wrap(
      'postgres',
      pool,
      async () => {
        await Promise.all([pool.end(), replica.end()]);
      },
      router,
    );
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { ltree } = await import('@electric-sql/pglite/contrib/ltree');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const dataDir = opts.dataDir ?? 'memory://';
  // A folder is held by one process at a time (two would overwrite each other's writes).
  const lock = dataDir.startsWith('memory://') ? null : await lockDataDir(dataDir);
  let pglite: InstanceType<typeof PGlite>;
  try {
    pglite = await PGlite.create(dataDir, { extensions: { ltree, unaccent, pg_trgm }, loadDataDir: opts.loadDataDir });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = wrap('pglite', pool, async () => {
    try {
      await pool.end();
      await pglite.close();
    } finally {
      lock?.release();
    }
  });
  db.dumpDataDir = async () => pglite.dumpDataDir('none');
  return db;
}

function wrap(engine: Engine, pool: pg.Pool, close: () => Promise<void>, router?: ReplicaRouter, userId?: string): Db {
  const db: Db = {
    engine,
    pool,
    readRouting: router?.counts ?? null,
    async reads() {
      return router ? router.reads(userId ?? null) : pool;
    },
    async walPosition(q) {
      return router ? walPosition(q) : null;
    },
    async readsAfter(position) {
      return router ? router.readsAfter(position ? lsnValue(position) : null) : pool;
    },
    asUser(id) {
      return router ? wrap(engine, pool, close, router, id) : db;
    },
    async rows(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async one(text, params) {
      const r = await pool.query(text, params);
      if (r.rows.length !== 1) throw new Error(`expected one row, got ${r.rows.length}`);
      return r.rows[0]!;
    },
    async tx(fn) {
      // A request sent with an Idempotency-Key records it in its first transaction, before that
      // transaction's own work: the change and the key commit together or not at all.
      const claim = requestKey.getStore();
      const claiming = claim !== undefined && !claim.claimed && !claim.claiming;
      if (claiming) claim.claiming = true;
      const client = await pool.connect();
      try {
        await client.query('begin');
        if (claiming) {
          if (!(await insertKey(client, claim))) throw new IdempotencyKeyTaken(claim);
        }
        const result = await inTransaction.run(true, () => fn(client));
        if (claiming) await stampKey(client, claim);
        await client.query('commit');
        if (claiming) claim.claimed = true;
        // The writer's next replica-eligible reads wait for the replica to replay this commit.
        if (router && userId) await router.noteWrite(client, userId);
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        if (claiming) claim.claiming = false;
        client.release();
      }
    },
    close,
  };
  return db;
}

/** Answers when the database does (the health check); throws when it cannot be reached. */
export async function ping(q: Queryable): Promise<void> {
  await q.query('select 1');
}
