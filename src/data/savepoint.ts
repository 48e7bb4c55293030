/**
 * One part of a transaction that succeeds or leaves no trace: a savepoint released on success and
 * rolled back to on failure, so the rest of the transaction goes on (a bulk action's records).
 */
import type { Queryable } from './db.js';

export async function inSavepoint<T>(q: Queryable, fn: () => Promise<T>): Promise<T> {
  await q.query('savepoint dvk_part');
  try {
    const result = await fn();
    await q.query('release savepoint dvk_part');
    return result;
  } catch (err) {
    await q.query('rollback to savepoint dvk_part');
    await q.query('release savepoint dvk_part');
    throw err;
  }
}
