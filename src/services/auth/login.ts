import type { Db } from '../../data/db.js';
import { insertAudit } from '../../data/audit-repo.js';
import { findUserByUsername, insertSession, recordLoginAttempt, stampLastLogin } from '../../data/users-repo.js';
import { AppError } from '../../domain/errors.js';
import { presentMe } from './me.js';
import { endSession, newSessionToken, sessionHours } from './sessions.js';
import { verifyPassword } from './passwords.js';
import { takeAttempt, throttleLimits } from './throttle.js';

// Verifying against a fixed hash when the user does not exist keeps the answer time alike.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$POpVh2jskywOz8oHgPE+Dw$0BoBBHeYL7pPUgT1YdSbw7aZnW25G96FJsTxVO1xAaY';

export async function login(db: Db, username: string, password: string, ip: string, userAgent: string | null) {
  const limits = throttleLimits();
  // Counted before the password is checked: parallel guesses cannot slip past the limits.
  const attempt = await takeAttempt(
    db.pool,
    [
      { kind: 'address', key: ip, limit: limits.perAddress },
      { kind: 'user', key: username, limit: limits.perUser },
      { kind: 'global', key: '', limit: limits.global },
    ],
    'TOO_MANY_ATTEMPTS',
  );
  const user = await findUserByUsername(db.pool, username);
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !ok) {
    await recordLoginAttempt(db.pool, username, ip, false);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await attempt.release();
  // Only the right password learns that the account is locked: a guesser cannot tell a locked
  // account from a wrong password, nor which usernames exist.
  if (!user.active) throw new AppError('ACCOUNT_DISABLED');
  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(Date.now() + sessionHours() * 3600_000);
  await db.tx(async (q) => {
    await recordLoginAttempt(q, username, ip, true);
    await insertSession(q, { tokenHash, userId: user.id, expiresAt, ip, userAgent });
    await stampLastLogin(q, user.id);
    await insertAudit(q, {
      actorId: user.id,
      actorName: user.full_name,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.username,
      unitPath: user.unit_path,
      ip,
    });
  });
  return { token, expiresAt, user: { ...user, last_login_at: new Date() } };
}

/**
 * Sign-in as the browser sees it: the new session, and the "who am I" answer. The session this
 * browser held before (if any) ends once the new one is made, so a refused sign-in keeps it.
 */
export async function signIn(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent: string | null; replacedTokenHash: string | null },
) {
  const r = await login(db, input.username, input.password, input.ip, input.userAgent);
  if (input.replacedTokenHash) await endSession(db, input.replacedTokenHash);
  return { token: r.token, expiresAt: r.expiresAt, me: presentMe(r.user, r.expiresAt) };
}
