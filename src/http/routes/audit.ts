import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { AuditList, AuditQuery } from '../../domain/schemas.js';
import { AUDIT_EXPORT_MAX, auditWorkbook, listAuditEntries } from '../../services/audit.js';
import { requireCtx } from '../auth.js';
import { attachment, XLSX } from '../download.js';

export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['Nhật ký'],
          summary: 'Nhật ký thay đổi trong phạm vi của người dùng',
          querystring: AuditQuery,
          response: { 200: AuditList },
        },
      },
      async (req) => listAuditEntries(requireCtx(req, db), req.query),
    );

    app.get(
      '/audit/xlsx',
      {
        schema: {
          tags: ['Nhật ký'],
          summary: `Tải nhật ký (đã lọc) dạng Excel, tối đa ${AUDIT_EXPORT_MAX.toLocaleString('vi-VN')} dòng mới nhất`,
          querystring: AuditQuery.omit({ page: true, pageSize: true }),
          response: { 200: z.any() },
        },
      },
      async (req, reply) => {
        const { fileName, buf } = await auditWorkbook(requireCtx(req, db), req.query);
        return attachment(reply, XLSX, fileName, buf);
      },
    );
  };
