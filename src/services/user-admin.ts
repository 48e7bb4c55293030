/**
 * The account screens' operations for administrators: each checks that the caller manages
 * accounts at all (`user.view`), then reads through the repository or hands over to the
 * operation in services/users/, which checks the target's scopes itself.
 */
import type { z } from 'zod';
import { findUserInScope, listUsersInScope } from '../data/users-repo.js';
import { AppError, notFound } from '../domain/errors.js';
import { can } from '../domain/policy.js';
import type { CreateUser, UpdateUser, User, UserListQuery } from '../domain/schemas.js';
import { inScope } from '../domain/scope.js';
import { foldVietnamese } from '../domain/text.js';
import { parseSort } from '../domain/list-sort.js';
import type { Ctx } from './context.js';
import { presentUser } from './user-presenter.js';
import { createUser } from './users/create-user.js';
import { resetPassword, updateUser } from './users/update-user.js';

function requireUserAdmin(ctx: Ctx) {
  if (!can(ctx.actor, 'user.view', { path: ctx.actor.viewPath })) throw new AppError('FORBIDDEN');
}

export async function listUsers(ctx: Ctx, query: z.infer<typeof UserListQuery>) {
  requireUserAdmin(ctx);
  const search = query.q ? foldVietnamese(query.q) : undefined;
  const { rows, total } = await listUsersInScope(
    ctx.db.pool,
    inScope(ctx.actor.viewPath),
    search,
    query.pageSize,
    (query.page - 1) * query.pageSize,
    parseSort(query.sort),
  );
  return { items: rows.map((r) => presentUser(ctx.actor, r)), total };
}

/** An account outside what the caller administers is not found, as if it did not exist. */
export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const row = await findUserInScope(ctx.db.pool, id, inScope(ctx.actor.viewPath));
  if (!row || !can(ctx.actor, 'user.view', { path: row.unit_path })) throw notFound('user');
  return presentUser(ctx.actor, row);
}

export function createAccount(ctx: Ctx, input: CreateUser) {
  requireUserAdmin(ctx);
  return createUser(ctx, input);
}

export function updateAccount(ctx: Ctx, id: string, input: z.infer<typeof UpdateUser>) {
  requireUserAdmin(ctx);
  return updateUser(ctx, id, input);
}

export function resetAccountPassword(ctx: Ctx, id: string, newPassword: string) {
  requireUserAdmin(ctx);
  return resetPassword(ctx, id, newPassword);
}
