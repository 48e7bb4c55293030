import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../data/db.js';
import { listAudit } from '../../data/audit-repo.js';
import { AppError } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { AuditList, AuditQuery } from '../../domain/schemas.js';
import { requireCtx } from '../auth.js';
import { attachment, XLSX } from '../download.js';
import { formatDateTimeVi, formatDateVi } from '../../domain/statistics.js';
import { z } from 'zod';

/** An audit export is made at once; beyond this many rows the newest are kept and the sheet says so. */
const AUDIT_EXPORT_MAX = 20_000;

export const auditRoutes = (db: Db): FastifyPluginAsyncZod => async (app) => {
  app.get('/audit', {
    schema: { tags: ['Nhật ký'], summary: 'Nhật ký thay đổi trong phạm vi của người dùng', querystring: AuditQuery, response: { 200: AuditList } },
  }, async (req) => {
    const ctx = requireCtx(req, db);
    if (!can(ctx.actor, 'audit.view', { path: ctx.actor.viewPath })) throw new AppError('FORBIDDEN');
    const { page, pageSize, ...filter } = req.query;
    return listAudit(db.pool, { ...filter, scopePath: ctx.actor.viewPath, limit: pageSize, offset: (page - 1) * pageSize });
  });

  app.get('/audit/xlsx', {
    schema: { tags: ['Nhật ký'], summary: `Tải nhật ký (đã lọc) dạng Excel, tối đa ${AUDIT_EXPORT_MAX.toLocaleString('vi-VN')} dòng mới nhất`, querystring: AuditQuery.omit({ page: true, pageSize: true }), response: { 200: z.any() } },
  }, async (req, reply) => {
    const ctx = requireCtx(req, db);
    if (!can(ctx.actor, 'audit.view', { path: ctx.actor.viewPath })) throw new AppError('FORBIDDEN');
    const { items, total } = await listAudit(db.pool, { ...req.query, scopePath: ctx.actor.viewPath, limit: AUDIT_EXPORT_MAX, offset: 0 });
    const { buildTableWorkbook } = await import('../../documents/xlsx.js');
    const filters = [req.query.entityType && `Loại: ${req.query.entityType}`, req.query.action && `Thao tác: ${req.query.action}`,
      req.query.from && `Từ ngày ${formatDateVi(req.query.from)}`, req.query.to && `Đến ngày ${formatDateVi(req.query.to)}`].filter(Boolean);
    const note = total > items.length ? `; ${items.length.toLocaleString('vi-VN')} dòng mới nhất trong ${total.toLocaleString('vi-VN')}` : '';
    const buf = await buildTableWorkbook([{
      name: 'Nhật ký', title: 'NHẬT KÝ THAY ĐỔI DỮ LIỆU',
      subtitle: `${filters.length ? filters.join('; ') : 'Toàn bộ phạm vi'}${note}; xuất ngày ${formatDateVi(new Date().toISOString())} bởi ${ctx.actor.name}`,
      columns: [
        { header: 'Thời điểm', key: 'at', width: 20 }, { header: 'Người thực hiện', key: 'actor', width: 26 },
        { header: 'Thao tác', key: 'action', width: 26 }, { header: 'Đối tượng', key: 'type', width: 16 },
        { header: 'Tên đối tượng', key: 'label', width: 48 }, { header: 'Địa chỉ máy', key: 'ip', width: 16 },
      ],
      rows: items.map((e) => ({
        at: formatDateTimeVi(e.at),
        actor: e.actorName, action: e.action, type: e.entityType, label: e.entityLabel ?? '', ip: e.ip ?? '',
      })),
    }]);
    return attachment(reply, XLSX, `nhat-ky-${new Date().toISOString().slice(0, 10)}.xlsx`, buf);
  });
};
