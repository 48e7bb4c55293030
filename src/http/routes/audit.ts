import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { listAudit } from '../../data/audit-repo.js';
import { AppError } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { AuditList, AuditQuery } from '../../domain/schemas.js';
import { requireCtx } from '../auth.js';

export const auditRoutes = (db: Db): FastifyPluginAsyncZod => async (app) => {
  app.get('/audit', {
    schema: { tags: ['Nhật ký'], summary: 'Nhật ký thay đổi trong phạm vi của người dùng', querystring: AuditQuery, response: { 200: AuditList } },
  }, async (req) => {
    const ctx = requireCtx(req, db);
    if (!can(ctx.actor, 'audit.view', { path: ctx.actor.viewPath })) throw new AppError('FORBIDDEN');
    const { page, pageSize, ...filter } = req.query;
    return listAudit(db.pool, { ...filter, scopePath: ctx.actor.viewPath, limit: pageSize, offset: (page - 1) * pageSize });
  });
};
