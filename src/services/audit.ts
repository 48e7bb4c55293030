/** Reading the audit log: the list and its Excel export, inside the reader's view. */
import type { z } from 'zod';
import { listAudit } from '../data/audit-repo.js';
import { AppError } from '../domain/errors.js';
import { can } from '../domain/policy.js';
import type { AuditQuery } from '../domain/schemas.js';
import { inScope } from '../domain/scope.js';
import { formatDateTimeVi, formatDateVi } from '../domain/statistics.js';
import type { Ctx } from './context.js';

/** An audit export is made at once; beyond this many rows the newest are kept and the sheet says so. */
export const AUDIT_EXPORT_MAX = 20_000;

function requireAuditReader(ctx: Ctx) {
  if (!can(ctx.actor, 'audit.view', { path: ctx.actor.viewPath })) throw new AppError('FORBIDDEN');
}

export async function listAuditEntries(ctx: Ctx, query: z.infer<typeof AuditQuery>) {
  requireAuditReader(ctx);
  const { page, pageSize, ...filter } = query;
  return listAudit(ctx.db.pool, { ...filter, scopePath: inScope(ctx.actor.viewPath), limit: pageSize, offset: (page - 1) * pageSize });
}

/** The filtered log as an .xlsx workbook, newest first, at most AUDIT_EXPORT_MAX rows. */
export async function auditWorkbook(ctx: Ctx, query: Omit<z.infer<typeof AuditQuery>, 'page' | 'pageSize'>) {
  requireAuditReader(ctx);
  const { items, total } = await listAudit(ctx.db.pool, {
    ...query,
    scopePath: inScope(ctx.actor.viewPath),
    limit: AUDIT_EXPORT_MAX,
    offset: 0,
  });
  const { buildTableWorkbook } = await import('../documents/xlsx.js');
  const filters = [
    query.entityType && `Loại: ${query.entityType}`,
    query.action && `Thao tác: ${query.action}`,
    query.from && `Từ ngày ${formatDateVi(query.from)}`,
    query.to && `Đến ngày ${formatDateVi(query.to)}`,
  ].filter(Boolean);
  const note = total > items.length ? `; ${items.length.toLocaleString('vi-VN')} dòng mới nhất trong ${total.toLocaleString('vi-VN')}` : '';
  const buf = await buildTableWorkbook([
    {
      name: 'Nhật ký',
      title: 'NHẬT KÝ THAY ĐỔI DỮ LIỆU',
      subtitle: `${filters.length ? filters.join('; ') : 'Toàn bộ phạm vi'}${note}; xuất ngày ${formatDateVi(new Date().toISOString())} bởi ${ctx.actor.name}`,
      columns: [
        { header: 'Thời điểm', key: 'at', width: 20 },
        { header: 'Người thực hiện', key: 'actor', width: 26 },
        { header: 'Thao tác', key: 'action', width: 26 },
        { header: 'Đối tượng', key: 'type', width: 16 },
        { header: 'Tên đối tượng', key: 'label', width: 48 },
        { header: 'Địa chỉ máy', key: 'ip', width: 16 },
      ],
      rows: items.map((e) => ({
        at: formatDateTimeVi(e.at),
        actor: e.actorName,
        action: e.action,
        type: e.entityType,
        label: e.entityLabel ?? '',
        ip: e.ip ?? '',
      })),
    },
  ]);
  return { fileName: `nhat-ky-${new Date().toISOString().slice(0, 10)}.xlsx`, buf };
}
