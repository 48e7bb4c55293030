import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { findUserInScope, listUsersInScope } from '../../data/users-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { CreateUser, IdParam, ResetPassword, UpdateUser, User, UserList, UserListQuery } from '../../domain/schemas.js';
import { foldVietnamese } from '../../domain/text.js';
import { createUser } from '../../services/users/create-user.js';
import { resetPassword, updateUser } from '../../services/users/update-user.js';
import { presentUser } from '../../services/user-presenter.js';
import type { Ctx } from '../../services/context.js';
import { requireCtx } from '../auth.js';

const tags = ['Người dùng'];

function requireUserAdmin(ctx: Ctx) {
  if (!can(ctx.actor, 'user.view', { path: ctx.actor.viewPath })) throw new AppError('FORBIDDEN');
}

export const userRoutes = (db: Db): FastifyPluginAsyncZod => async (app) => {
  app.get('/users', {
    schema: { tags, summary: 'Danh sách người dùng', querystring: UserListQuery, response: { 200: UserList } },
  }, async (req) => {
    const ctx = requireCtx(req, db);
    requireUserAdmin(ctx);
    const search = req.query.q ? foldVietnamese(req.query.q) : undefined;
    const { rows, total } = await listUsersInScope(db.pool, ctx.actor.viewPath, search, req.query.pageSize, (req.query.page - 1) * req.query.pageSize);
    return { items: rows.map((r) => presentUser(ctx.actor, r)), total };
  });

  app.get('/users/:id', {
    schema: { tags, summary: 'Chi tiết người dùng', params: IdParam, response: { 200: User } },
  }, async (req) => {
    const ctx = requireCtx(req, db);
    const row = await findUserInScope(db.pool, req.params.id, ctx.actor.viewPath);
    if (!row || !can(ctx.actor, 'user.view', { path: row.unit_path })) throw notFound('user');
    return presentUser(ctx.actor, row);
  });

  app.post('/users', {
    schema: { tags, summary: 'Tạo tài khoản', body: CreateUser, response: { 201: User } },
  }, async (req, reply) => {
    const ctx = requireCtx(req, db);
    requireUserAdmin(ctx);
    return reply.status(201).send(await createUser(ctx, req.body));
  });

  app.patch('/users/:id', {
    schema: { tags, summary: 'Sửa, khóa, mở khóa tài khoản', params: IdParam, body: UpdateUser, response: { 200: User } },
  }, async (req) => {
    const ctx = requireCtx(req, db);
    requireUserAdmin(ctx);
    return updateUser(ctx, req.params.id, req.body);
  });

  app.post('/users/:id/reset-password', {
    schema: { tags, summary: 'Đặt lại mật khẩu', params: IdParam, body: ResetPassword, response: { 204: z.null() } },
  }, async (req, reply) => {
    const ctx = requireCtx(req, db);
    requireUserAdmin(ctx);
    await resetPassword(ctx, req.params.id, req.body.newPassword);
    return reply.status(204).send(null);
  });
};
