/**
 * Idempotency keys as the HTTP layer needs them: what a key already recorded answers, and storing
 * the answer of the request that recorded it. The key itself is recorded by `db.tx`
 * (`data/idempotency.ts`), inside the transaction that makes the change.
 */
import type { Db } from '../data/db.js';
import { deleteExpiredKeys, findKey, storeAnswer, type IdempotencyClaim } from '../data/idempotency.js';
import { AppError } from '../domain/errors.js';

export { IdempotencyKeyTaken, requestKey, type IdempotencyClaim } from '../data/idempotency.js';

/** A key without an answer younger than this may belong to a request about to answer: wait for it. */
const IN_FLIGHT_SECONDS = 30;
const WAIT_MS = 10_000;
const POLL_MS = 50;

export interface StoredAnswer {
  status: number;
  type: string | null;
  body: string;
}

/**
 * What a key already recorded answers: null when none is (run the request), the stored answer, or
 * a refusal: 422 when the key was used for another request, 409 when its change committed but its
 * answer was never stored (the process died in between). A key without an answer is waited for
 * while it is young: its request may be between its commit and its answer.
 */
export async function recordedAnswer(db: Db, claim: IdempotencyClaim): Promise<StoredAnswer | null> {
  const started = Date.now();
  for (;;) {
    const row = await findKey(db.pool, claim.userId, claim.key);
    if (!row) return null;
    if (row.method !== claim.method || row.path !== claim.path || row.request_hash !== claim.requestHash)
      throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (row.response_status !== null) return { status: row.response_status, type: row.response_type, body: row.response_body ?? '' };
    if (row.age_s > IN_FLIGHT_SECONDS || Date.now() - started > WAIT_MS) throw new AppError('IDEMPOTENCY_UNANSWERED');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function saveAnswer(db: Db, claim: IdempotencyClaim, answer: StoredAnswer): Promise<void> {
  await storeAnswer(db.pool, claim, answer.status, answer.type, answer.body);
}

export async function forgetExpiredKeys(db: Db): Promise<void> {
  await deleteExpiredKeys(db.pool);
}
