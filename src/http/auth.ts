/**
 * Request authentication: the session cookie resolves to an actor once per request.
 * Routes ask for `requireCtx(req)`; a missing or expired session answers 401.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../data/db.js';
import { AppError } from '../domain/errors.js';
import { resolveSession, SESSION_COOKIE } from '../services/auth/sessions.js';
import type { Ctx } from '../services/context.js';
import { actorOf } from '../services/user-presenter.js';
import type { UserRow } from '../data/users-repo.js';
import { langOf } from './errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's clock (AppOptions.now): what "today" is for deadlines. */
    clock: () => Date;
  }
  interface FastifyRequest {
    session: { user: UserRow; tokenHash: string; expiresAt: Date } | null;
  }
}

export function installAuth(app: FastifyInstance, db: Db) {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(db, token);
    req.session = session;
    if (session?.extended) reply.setCookie(SESSION_COOKIE, token, cookieOptions(session.expiresAt));
  });
}

export function requireCtx(req: FastifyRequest, db: Db): Ctx {
  if (!req.session) throw new AppError('UNAUTHENTICATED');
  // A password set by an administrator is changed before any other work.
  if (req.session.user.must_change_password && !req.url.startsWith('/api/v1/auth/')) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  // The request's Db is the user's: its writes and its replica-eligible reads go together.
  return { db: db.asUser(req.session.user.id), actor: actorOf(req.session.user), ip: req.ip, lang: langOf(req), now: req.server.clock() };
}

export function cookieOptions(expires: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: process.env.DVK_SECURE_COOKIES === 'true',
    expires,
  };
}
