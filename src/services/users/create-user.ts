import { randomUUID } from 'node:crypto';
import { findUnitInScope } from '../../data/units-repo.js';
import { findUserByUsername, findUserInScope, insertUser } from '../../data/users-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import type { CreateUser } from '../../domain/schemas.js';
import { inSubtree } from '../../domain/scope.js';
import { tidyName } from '../../domain/text.js';
import type { Queryable } from '../../data/db.js';
import { assertStrongPassword, hashPassword } from '../auth/passwords.js';
import type { Ctx } from '../context.js';
import { presentUser } from '../user-presenter.js';
import { auditUser } from './audit-user.js';

/**
 * Checks the three units of an account: home unit, entry scope and view scope. All must lie in
 * the administrator's own scope, and the entry scope inside the view scope.
 */
export async function resolveScopes(q: Queryable, ctx: Ctx, unitId: string, entryUnitId: string | null, viewUnitId: string) {
  const home = await findUnitInScope(q, unitId, ctx.actor.viewPath);
  const view = await findUnitInScope(q, viewUnitId, ctx.actor.viewPath);
  const entry = entryUnitId ? await findUnitInScope(q, entryUnitId, ctx.actor.viewPath) : null;
  if (!home || !view || (entryUnitId && !entry)) throw notFound('unit');
  for (const u of [home, view, entry]) {
    if (u && !can(ctx.actor, 'user.create', { path: u.path })) throw new AppError('FORBIDDEN');
  }
  if (entry && !inSubtree(entry.path, view.path)) throw new AppError('SCOPE_INVALID');
  return { home, view, entry };
}

export async function createUser(ctx: Ctx, input: CreateUser) {
  assertStrongPassword(input.password, { username: input.username, fullName: input.fullName });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.tx(async (q) => {
    await resolveScopes(q, ctx, input.unitId, input.entryUnitId, input.viewUnitId);
    if (await findUserByUsername(q, input.username)) throw new AppError('USERNAME_TAKEN', { username: input.username });
    const id = randomUUID();
    await insertUser(q, {
      id,
      username: input.username,
      fullName: tidyName(input.fullName),
      position: input.position ? tidyName(input.position) : null,
      passwordHash,
      role: input.role,
      unitId: input.unitId,
      entryUnitId: input.entryUnitId,
      viewUnitId: input.viewUnitId,
      mustChangePassword: true,
    });
    const row = (await findUserInScope(q, id, ''))!;
    await auditUser(q, ctx, 'user.create', row, { after: row });
    return presentUser(ctx.actor, row);
  });
}
