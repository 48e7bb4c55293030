import type { Db } from '../../data/db.js';
import { insertAudit } from '../../data/audit-repo.js';
import { findUserByUsername, insertSession, recentFailures, recordLoginAttempt } from '../../data/users-repo.js';
import { AppError } from '../../domain/errors.js';
import { newSessionToken, sessionHours } from './sessions.js';
import { verifyPassword } from './passwords.js';

export const MAX_FAILURES = Number(process.env.DVK_LOGIN_MAX_FAILURES ?? 5);
export const FAILURE_WINDOW_MINUTES = 15;

// Verifying against a fixed hash when the user does not exist keeps the answer time alike.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$POpVh2jskywOz8oHgPE+Dw$0BoBBHeYL7pPUgT1YdSbw7aZnW25G96FJsTxVO1xAaY';

export async function login(db: Db, username: string, password: string, ip: string, userAgent: string | null) {
  const failures = await recentFailures(db.pool, username, ip, FAILURE_WINDOW_MINUTES);
  if (failures.n >= MAX_FAILURES) {
    const waitMs = failures.oldest!.getTime() + FAILURE_WINDOW_MINUTES * 60_000 - Date.now();
    throw new AppError('TOO_MANY_ATTEMPTS', { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
  }
  const user = await findUserByUsername(db.pool, username);
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !ok) {
    await recordLoginAttempt(db.pool, username, ip, false);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!user.active) throw new AppError('ACCOUNT_DISABLED');
  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(Date.now() + sessionHours() * 3600_000);
  await db.tx(async (q) => {
    await recordLoginAttempt(q, username, ip, true);
    await insertSession(q, { tokenHash, userId: user.id, expiresAt, ip, userAgent });
    await q.query('update app_user set last_login_at = now() where id = $1', [user.id]);
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
