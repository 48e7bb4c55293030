import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { CreateUser, IdParam, ResetPassword, UpdateUser, User, UserList, UserListQuery } from '../../domain/schemas.js';
import { createAccount, getUser, listUsers, resetAccountPassword, updateAccount } from '../../services/user-admin.js';
import { requireCtx } from '../auth.js';

const tags = ['Người dùng'];

export const userRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/users',
      {
        schema: { tags, summary: 'Danh sách người dùng', querystring: UserListQuery, response: { 200: UserList } },
      },
      async (req) => listUsers(requireCtx(req, db), req.query),
    );

    app.get(
      '/users/:id',
      {
        schema: { tags, summary: 'Chi tiết người dùng', params: IdParam, response: { 200: User } },
      },
      async (req) => getUser(requireCtx(req, db), req.params.id),
    );

    app.post(
      '/users',
      {
        schema: { tags, summary: 'Tạo tài khoản', body: CreateUser, response: { 201: User } },
      },
      async (req, reply) => reply.status(201).send(await createAccount(requireCtx(req, db), req.body)),
    );

    app.patch(
      '/users/:id',
      {
        schema: { tags, summary: 'Sửa, khóa, mở khóa tài khoản', params: IdParam, body: UpdateUser, response: { 200: User } },
      },
      async (req) => updateAccount(requireCtx(req, db), req.params.id, req.body),
    );

    app.post(
      '/users/:id/reset-password',
      {
        schema: { tags, summary: 'Đặt lại mật khẩu', params: IdParam, body: ResetPassword, response: { 204: z.null() } },
      },
      async (req, reply) => {
        await resetAccountPassword(requireCtx(req, db), req.params.id, req.body.newPassword);
        return reply.status(204).send(null);
      },
    );
  };
