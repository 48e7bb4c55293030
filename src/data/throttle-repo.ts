/** All SQL of the sign-in throttle (table login_throttle, migration 0017). */
import type { Queryable } from './db.js';

export type ThrottleKind = 'address' | 'user' | 'global';

export interface TakenCounter {
  n: number;
  windowStart: Date;
  /** Whole minutes until the window closes, at least 1. */
  waitMinutes: number;
}

/**
 * Counts one attempt, atomically: concurrent calls for one key each get a different `n`. A
 * window older than `windowMinutes` starts again at 1. The window's start is kept to the millisecond
 * so that the JavaScript Date handed back to releaseCounter names it exactly.
 */
export async function takeCounter(q: Queryable, kind: ThrottleKind, key: string, windowMinutes: number): Promise<TakenCounter> {
  const { rows } = await q.query<{ n: number; window_start: Date; wait_minutes: number }>(
    `insert into login_throttle as t (kind, key, window_start, n) values ($1, lower($2), date_trunc('milliseconds', now()), 1)
     on conflict (kind, key) do update set
       n = case when t.window_start <= now() - make_interval(mins => $3) then 1 else t.n + 1 end,
       window_start = case when t.window_start <= now() - make_interval(mins => $3) then date_trunc('milliseconds', now()) else t.window_start end
     returning n, window_start,
       greatest(1, ceil(extract(epoch from (window_start + make_interval(mins => $3) - now())) / 60))::int as wait_minutes`,
    [kind, key, windowMinutes],
  );
  const row = rows[0]!;
  return { n: row.n, windowStart: row.window_start, waitMinutes: row.wait_minutes };
}

/** Gives back an attempt counted by takeCounter, unless its window has started again since. */
export async function releaseCounter(q: Queryable, kind: ThrottleKind, key: string, windowStart: Date): Promise<void> {
  await q.query(
    `update login_throttle set n = n - 1 where kind = $1 and key = lower($2) and window_start = $3 and n > 0`,
    [kind, key, windowStart],
  );
}

/** Forgets counters whose window closed long ago. */
export async function deleteStaleCounters(q: Queryable, olderThanMinutes: number): Promise<void> {
  await q.query(`delete from login_throttle where window_start < now() - make_interval(mins => $1)`, [olderThanMinutes]);
}
