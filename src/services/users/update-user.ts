import { insertAudit } from '../../data/audit-repo.js';
import { deleteUserSessions, findUserInScope, updateUserRow, type UserChanges } from '../../data/users-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import type { z } from 'zod';
import type { UpdateUser } from '../../domain/schemas.js';
import { tidyName } from '../../domain/text.js';
import { assertStrongPassword, hashPassword } from '../auth/passwords.js';
import type { Ctx } from '../context.js';
import { presentUser, userAuditSnapshot } from '../user-presenter.js';
import { resolveScopes } from './create-user.js';

export async function updateUser(ctx: Ctx, id: string, input: z.infer<typeof UpdateUser>) {
  return ctx.db.tx(async (q) => {
    const before = await findUserInScope(q, id, ctx.actor.viewPath, true);
    if (!before) throw notFound('user');
    if (!can(ctx.actor, 'user.update', { path: before.unit_path })) throw new AppError('FORBIDDEN');
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    const changes: UserChanges = {};
    if (input.fullName !== undefined) changes.full_name = tidyName(input.fullName);
    if (input.position !== undefined) changes.position = input.position ? tidyName(input.position) : null;
    if (input.role !== undefined) changes.role = input.role;
    if (input.active !== undefined) changes.active = input.active;
    if (input.unitId !== undefined || input.entryUnitId !== undefined || input.viewUnitId !== undefined) {
      const unitId = input.unitId ?? before.unit_id;
      const entryUnitId = input.entryUnitId !== undefined ? input.entryUnitId : before.entry_unit_id;
      const viewUnitId = input.viewUnitId ?? before.view_unit_id;
      await resolveScopes(q, ctx, unitId, entryUnitId, viewUnitId);
      Object.assign(changes, { unit_id: unitId, entry_unit_id: entryUnitId, view_unit_id: viewUnitId });
    }
    await updateUserRow(q, id, input.version, changes);
    // A locked account is signed out everywhere at once.
    if (input.active === false) await deleteUserSessions(q, id);
    const after = (await findUserInScope(q, id, ''))!;
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      entityLabel: after.username,
      unitPath: after.unit_path,
      before: userAuditSnapshot(before),
      after: userAuditSnapshot(after),
      ip: ctx.ip,
    });
    return presentUser(ctx.actor, after);
  });
}

export async function resetPassword(ctx: Ctx, id: string, newPassword: string) {
  assertStrongPassword(newPassword);
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.tx(async (q) => {
    const user = await findUserInScope(q, id, ctx.actor.viewPath, true);
    if (!user) throw notFound('user');
    if (!can(ctx.actor, 'user.reset_password', { path: user.unit_path })) throw new AppError('FORBIDDEN');
    await updateUserRow(q, id, null, { password_hash: passwordHash, must_change_password: true });
    await deleteUserSessions(q, id);
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      entityLabel: user.username,
      unitPath: user.unit_path,
      ip: ctx.ip,
    });
  });
}
