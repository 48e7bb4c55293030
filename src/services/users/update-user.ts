import { deleteUserSessions, findUserInScope, updateUserRow, type UserChanges, type UserRow } from '../../data/users-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import type { z } from 'zod';
import type { UpdateUser } from '../../domain/schemas.js';
import { tidyName } from '../../domain/text.js';
import { assertStrongPassword, hashPassword } from '../auth/passwords.js';
import type { Ctx } from '../context.js';
import { presentUser } from '../user-presenter.js';
import { auditUser } from './audit-user.js';
import { resolveScopes } from './create-user.js';

/**
 * An administrator manages an account only when everything the account reaches lies inside the
 * administrator's own entry scope: its home unit, its entry scope and its view scope. Otherwise a
 * commune administrator could take over a province-wide account.
 */
function assertManageable(ctx: Ctx, user: UserRow, action: 'user.update' | 'user.reset_password') {
  const paths = [user.unit_path, user.view_path, ...(user.entry_path ? [user.entry_path] : [])];
  if (!paths.every((path) => can(ctx.actor, action, { path }))) throw new AppError('FORBIDDEN');
}

export async function updateUser(ctx: Ctx, id: string, input: z.infer<typeof UpdateUser>) {
  return ctx.db.tx(async (q) => {
    const before = await findUserInScope(q, id, ctx.actor.viewPath, true);
    if (!before) throw notFound('user');
    assertManageable(ctx, before, 'user.update');
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    // Nobody widens, narrows or locks their own account: another administrator does.
    const touchesRights =
      input.role !== undefined ||
      input.active !== undefined ||
      input.unitId !== undefined ||
      input.entryUnitId !== undefined ||
      input.viewUnitId !== undefined;
    if (id === ctx.actor.id && touchesRights) throw new AppError('FORBIDDEN');
    const changes: UserChanges = {};
    if (input.fullName !== undefined) changes.full_name = tidyName(input.fullName);
    if (input.position !== undefined) changes.position = input.position ? tidyName(input.position) : null;
    if (input.role !== undefined) changes.role = input.role;
    if (input.active !== undefined) changes.active = input.active;
    if (touchesRights) {
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
    await auditUser(q, ctx, 'user.update', after, { before, after });
    return presentUser(ctx.actor, after);
  });
}

export async function resetPassword(ctx: Ctx, id: string, newPassword: string) {
  // Read first so that the account's own name and username count as guessable.
  const target = await findUserInScope(ctx.db.pool, id, ctx.actor.viewPath);
  if (!target) throw notFound('user');
  assertStrongPassword(newPassword, { username: target.username, fullName: target.full_name });
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.tx(async (q) => {
    const user = await findUserInScope(q, id, ctx.actor.viewPath, true);
    if (!user) throw notFound('user');
    assertManageable(ctx, user, 'user.reset_password');
    await updateUserRow(q, id, null, { password_hash: passwordHash, must_change_password: true });
    await deleteUserSessions(q, id);
    await auditUser(q, ctx, 'user.reset_password', user);
  });
}
