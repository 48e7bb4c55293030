/**
 * Guessing passwords is throttled by counters in the database (data/throttle-repo.ts), so every
 * app instance shares them. An attempt takes its counters *before* the password is verified — the
 * client address, the username, and a global ceiling, in that order — and is refused with 429 as
 * soon as one is over its limit, giving back the ones already taken. A wrong password keeps them;
 * a right one gives them back, so only failures count and a successful sign-in never uses up
 * anyone's allowance.
 */
import type { Queryable } from '../../data/db.js';
import { deleteStaleCounters, releaseCounter, takeCounter, type ThrottleKind } from '../../data/throttle-repo.js';
import { AppError, type ErrorCode } from '../../domain/errors.js';

export const FAILURE_WINDOW_MINUTES = 15;

export interface ThrottleLimits {
  /** Failed attempts per username (sign-in and password change together) per window. */
  perUser: number;
  /** Failed sign-ins from one client address per window, whatever the usernames. */
  perAddress: number;
  /** Failed sign-ins of everyone together per window: the ceiling against a spread-out attack. */
  global: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} phải là số nguyên dương (đang là "${raw}").`);
  return n;
}

/** Read on every attempt, so that an operator's change needs no code and a test can set them. */
export function throttleLimits(env: NodeJS.ProcessEnv = process.env): ThrottleLimits {
  return {
    perUser: positive(env, 'DVK_LOGIN_MAX_FAILURES', 5),
    perAddress: positive(env, 'DVK_LOGIN_MAX_FAILURES_PER_ADDRESS', 30),
    global: positive(env, 'DVK_LOGIN_MAX_FAILURES_GLOBAL', 3000),
  };
}

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
  limit: number;
}

/** Attempts counted for one check of a password; give them back when the password was right. */
export interface Attempt {
  release(): Promise<void>;
}

let lastSweep = 0;

/**
 * Counts one attempt on every key, or refuses it with `code` (429) and the minutes to wait when a
 * key is over its limit.
 */
export async function takeAttempt(q: Queryable, keys: ThrottleKey[], code: ErrorCode): Promise<Attempt> {
  if (Date.now() - lastSweep > 10 * 60_000) {
    lastSweep = Date.now();
    await deleteStaleCounters(q, 2 * FAILURE_WINDOW_MINUTES);
  }
  const taken: { kind: ThrottleKind; key: string; windowStart: Date }[] = [];
  const release = async () => {
    for (const t of taken.splice(0)) await releaseCounter(q, t.kind, t.key, t.windowStart);
  };
  for (const k of keys) {
    const c = await takeCounter(q, k.kind, k.key, FAILURE_WINDOW_MINUTES);
    taken.push({ kind: k.kind, key: k.key, windowStart: c.windowStart });
    if (c.n > k.limit) {
      // A refused attempt is not a failure: it gives back what it took, this counter included.
      await release();
      throw new AppError(code, { minutes: c.waitMinutes });
    }
  }
  return { release };
}
