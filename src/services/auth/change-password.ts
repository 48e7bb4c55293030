import { insertAudit } from '../../data/audit-repo.js';
import { deleteUserSessions, findUserInScope, updateUserRow } from '../../data/users-repo.js';
import { AppError } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.js';
import { takeAttempt, throttleLimits } from './throttle.js';

/** Changes one's own password; every other session of the account is signed out. */
export async function changePassword(ctx: Ctx, tokenHash: string, currentPassword: string, newPassword: string) {
  const user = await findUserInScope(ctx.db.pool, ctx.actor.id, '');
  if (!user) throw new AppError('WRONG_PASSWORD');
  // Guessing the current password from a taken-over session uses the same allowance as guessing
  // it at sign-in: one budget of failures per username.
  const attempt = await takeAttempt(
    ctx.db.pool,
    [{ kind: 'user', key: user.username, limit: throttleLimits().perUser }],
    'TOO_MANY_PASSWORD_ATTEMPTS',
  );
  if (!(await verifyPassword(user.password_hash, currentPassword))) throw new AppError('WRONG_PASSWORD');
  await attempt.release();
  assertStrongPassword(newPassword, { username: user.username, fullName: user.full_name });
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.tx(async (q) => {
    await updateUserRow(q, user.id, null, { password_hash: passwordHash, must_change_password: false });
    await deleteUserSessions(q, user.id, tokenHash);
    await insertAudit(q, {
      actorId: user.id,
      actorName: user.full_name,
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.username,
      unitPath: user.unit_path,
      ip: ctx.ip,
    });
  });
}
