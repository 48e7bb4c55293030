import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { ChangePasswordBody, LoginBody, Me } from '../../domain/schemas.js';
import { changePassword } from '../../services/auth/change-password.js';
import { signIn } from '../../services/auth/login.js';
import { getMe } from '../../services/auth/me.js';
import { endSession, SESSION_COOKIE } from '../../services/auth/sessions.js';
import { cookieOptions, requireCtx } from '../auth.js';

const tags = ['Tài khoản'];

export const authRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        schema: { tags, summary: 'Đăng nhập', body: LoginBody, response: { 200: Me } },
      },
      async (req, reply) => {
        // A new sign-in replaces whatever session this browser held.
        const r = await signIn(db, {
          username: req.body.username,
          password: req.body.password,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          replacedTokenHash: req.session?.tokenHash ?? null,
        });
        reply.setCookie(SESSION_COOKIE, r.token, cookieOptions(r.expiresAt));
        return r.me;
      },
    );

    app.post('/auth/logout', { schema: { tags, summary: 'Đăng xuất', response: { 204: z.null() } } }, async (req, reply) => {
      if (req.session) await endSession(db, req.session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    app.get('/auth/me', { schema: { tags, summary: 'Người dùng hiện tại và quyền', response: { 200: Me } } }, async (req) =>
      getMe(requireCtx(req, db), req.session!.expiresAt),
    );

    app.post(
      '/auth/password',
      {
        schema: { tags, summary: 'Đổi mật khẩu', body: ChangePasswordBody, response: { 204: z.null() } },
      },
      async (req, reply) => {
        const ctx = requireCtx(req, db);
        await changePassword(ctx, req.session!.tokenHash, req.body.currentPassword, req.body.newPassword);
        return reply.status(204).send(null);
      },
    );
  };
