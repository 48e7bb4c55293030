/**
 * Idempotency keys: a create sent again with the same `Idempotency-Key` by the same user answers
 * the first result and writes nothing. The HTTP layer puts the request's key in `requestKey` (an
 * AsyncLocalStorage, so services need not pass it along); the first transaction the request runs
 * (`db.tx`) inserts the key row before its own work, so the change and its key commit together or
 * not at all. A process killed between the commit and the answer therefore leaves the key behind,
 * and the retry is refused instead of writing again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Queryable } from './db.js';

/** Keys are honoured for a day; older rows are ignored and deleted. */
export const KEY_HOURS = 24;

export interface IdempotencyClaim {
  userId: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  /** Set once a transaction holding the key row has committed. */
  claimed: boolean;
  /** A transaction is inserting the key row right now (one at a time). */
  claiming: boolean;
}

export const requestKey = new AsyncLocalStorage<IdempotencyClaim>();

/** Thrown by `db.tx` when another request holding the same key committed first. */
export class IdempotencyKeyTaken extends Error {
  constructor(readonly claim: IdempotencyClaim) {
    super('idempotency key taken');
  }
}

export interface IdempotencyRow {
  method: string;
  path: string;
  request_hash: string;
  response_status: number | null;
  response_type: string | null;
  response_body: string | null;
  /** Seconds since the key was recorded, by the database's clock. */
  age_s: number;
}

/**
 * Inserts the key row inside the caller's transaction. A row of the same user and key from another
 * transaction in progress makes this wait (unique index) until that one ends. False when the key is
 * already recorded (by a request that committed first): the caller answers like a retry.
 */
export async function insertKey(q: Queryable, c: IdempotencyClaim): Promise<boolean> {
  // A row of the same key older than a day is forgotten: taken over as if new.
  const { rowCount } = await q.query(
    `insert into idempotency_key (user_id, key, method, path, request_hash, created_at) values ($1, $2, $3, $4, $5, clock_timestamp())
     on conflict (user_id, key) do update
       set method = excluded.method, path = excluded.path, request_hash = excluded.request_hash, created_at = excluded.created_at,
           response_status = null, response_type = null, response_body = null
     where idempotency_key.created_at < now() - make_interval(hours => $6)`,
    [c.userId, c.key, c.method, c.path, c.requestHash, KEY_HOURS],
  );
  return rowCount === 1;
}

/**
 * Dates the key at the end of its transaction, so a retry can tell a request about to answer (a
 * moment ago) from one whose process died between its commit and its answer (longer ago).
 */
export async function stampKey(q: Queryable, c: IdempotencyClaim): Promise<void> {
  await q.query('update idempotency_key set created_at = clock_timestamp() where user_id = $1 and key = $2', [c.userId, c.key]);
}

export async function findKey(q: Queryable, userId: string, key: string): Promise<IdempotencyRow | null> {
  const { rows } = await q.query<IdempotencyRow>(
    `select method, path, request_hash, response_status, response_type, response_body,
            extract(epoch from clock_timestamp() - created_at)::float8 as age_s
       from idempotency_key
      where user_id = $1 and key = $2 and created_at >= now() - make_interval(hours => $3)`,
    [userId, key, KEY_HOURS],
  );
  return rows[0] ?? null;
}

export async function storeAnswer(q: Queryable, c: IdempotencyClaim, status: number, type: string | null, body: string): Promise<void> {
  await q.query(
    `update idempotency_key set response_status = $3, response_type = $4, response_body = $5
      where user_id = $1 and key = $2 and response_status is null`,
    [c.userId, c.key, status, type, body],
  );
}

export async function deleteExpiredKeys(q: Queryable): Promise<void> {
  await q.query(`delete from idempotency_key where created_at < now() - make_interval(hours => $1)`, [KEY_HOURS]);
}
