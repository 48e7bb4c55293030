import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { findUserInScope } from '../../data/users-repo.js';
import { capabilities, createCapabilities, hasTodo } from '../../domain/policy.js';
import { anyScope } from '../../domain/scope.js';
import { ChangePasswordBody, LoginBody, Me } from '../../domain/schemas.js';
import { changePassword } from '../../services/auth/change-password.js';
import { login } from '../../services/auth/login.js';
import { SESSION_COOKIE } from '../../services/auth/sessions.js';
import { deleteSession } from '../../data/users-repo.js';
import { actorOf, presentUser } from '../../services/user-presenter.js';
import type { UserRow } from '../../data/users-repo.js';
import { cookieOptions, requireCtx } from '../auth.js';

const tags = ['Tài khoản'];

function me(user: UserRow, expiresAt: Date): Me {
  const actor = actorOf(user);
  return { user: presentUser(actor, user), capabilities: capabilities(actor), canCreate: createCapabilities(actor), todo: hasTodo(actor), sessionExpiresAt: expiresAt.toISOString() };
}

export const authRoutes = (db: Db): FastifyPluginAsyncZod => async (app) => {
  app.post('/auth/login', {
    schema: { tags, summary: 'Đăng nhập', body: LoginBody, response: { 200: Me } },
  }, async (req, reply) => {
    const r = await login(db, req.body.username, req.body.password, req.ip, req.headers['user-agent'] ?? null);
    // A new sign-in replaces whatever session this browser held.
    if (req.session) await deleteSession(db.pool, req.session.tokenHash);
    reply.setCookie(SESSION_COOKIE, r.token, cookieOptions(r.expiresAt));
    return me(r.user, r.expiresAt);
  });

  app.post('/auth/logout', { schema: { tags, summary: 'Đăng xuất', response: { 204: z.null() } } }, async (req, reply) => {
    if (req.session) await deleteSession(db.pool, req.session.tokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags, summary: 'Người dùng hiện tại và quyền', response: { 200: Me } } }, async (req) => {
    const ctx = requireCtx(req, db);
    const user = (await findUserInScope(db.pool, ctx.actor.id, anyScope))!;
    return me(user, req.session!.expiresAt);
  });

  app.post('/auth/password', {
    schema: { tags, summary: 'Đổi mật khẩu', body: ChangePasswordBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const ctx = requireCtx(req, db);
    await changePassword(ctx, req.session!.tokenHash, req.body.currentPassword, req.body.newPassword);
    return reply.status(204).send(null);
  });
};
