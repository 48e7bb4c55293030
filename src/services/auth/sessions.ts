import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../data/db.js';
import { deleteSession, findSessionUser, touchSession } from '../../data/users-repo.js';

export const SESSION_COOKIE = 'dvk_session';

export function sessionHours(): number {
  return Number(process.env.DVK_SESSION_HOURS ?? 12);
}

export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Resolves a cookie token to its active user. The expiry slides: a session used after a
 * quarter of its life has passed is extended, so a working officer is not signed out mid-form.
 */
export async function resolveSession(db: Db, token: string) {
  const tokenHash = hashToken(token);
  const row = await findSessionUser(db.pool, tokenHash);
  if (!row || !row.active) return null;
  const lifeMs = sessionHours() * 3600_000;
  let expiresAt = row.expires_at;
  const extended = expiresAt.getTime() - Date.now() < lifeMs * 0.75;
  if (extended) {
    expiresAt = new Date(Date.now() + lifeMs);
    await touchSession(db.pool, tokenHash, expiresAt);
  }
  return { user: row, tokenHash, expiresAt, extended };
}

/** Signs a session out (a session already gone is no error). */
export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await deleteSession(db.pool, tokenHash);
}
