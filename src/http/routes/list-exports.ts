/**
 * "Tải Excel" for the lists of the screens: the same services, the same filters and the same scope
 * as the list itself, all pages at once up to LIST_EXPORT_MAX rows (the sheet says when it stops).
 * The registration list, which can be millions of rows, is exported as a job instead (exports.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import { listUsersInScope } from '../../data/users-repo.js';
import { accountsSheet, campaignsSheet, complianceSheet, proposalsSheet, unitsSheet } from '../../documents/list-sheets.js';
import { PROPOSAL_STATE_LABELS, ProposalQuery } from '../../domain/commendation-schemas.js';
import { AppError } from '../../domain/errors.js';
import { CAMPAIGN_STATE_LABELS, CampaignListQuery } from '../../domain/movement-schemas.js';
import { can } from '../../domain/policy.js';
import { ComplianceQuery } from '../../domain/report-schemas.js';
import { IdParam, UnitListQuery, UserListQuery } from '../../domain/schemas.js';
import { formatDateVi, formatNumberVi } from '../../domain/statistics.js';
import { foldVietnamese } from '../../domain/text.js';
import { UNIT_KIND_LABELS } from '../../domain/unit-kinds.js';
import { listCampaigns } from '../../services/campaigns/campaigns.js';
import { listProposals } from '../../services/commendations/commendations.js';
import type { Ctx } from '../../services/context.js';
import { getCompliance } from '../../services/stats/compliance.js';
import { getUnit } from '../../services/units/get-unit.js';
import { listUnits } from '../../services/units/list-units.js';
import { presentUser } from '../../services/user-presenter.js';
import { requireCtx } from '../auth.js';
import { attachment, XLSX } from '../download.js';

export const LIST_EXPORT_MAX = 20_000;
const PAGE = 1000;

/** Every page of a paged list, up to the cap. */
async function allPages<T>(page: (n: number, size: number) => Promise<{ items: T[]; total: number }>) {
  const items: T[] = [];
  let total = 0;
  for (let n = 1; items.length < LIST_EXPORT_MAX; n++) {
    const r = await page(n, PAGE);
    total = r.total;
    items.push(...r.items);
    if (r.items.length < PAGE || items.length >= total) break;
  }
  return { items: items.slice(0, LIST_EXPORT_MAX), total };
}

function subtitle(ctx: Ctx, filters: (string | false | null | undefined)[], shown: number, total: number) {
  const parts = filters.filter(Boolean) as string[];
  if (total > shown) parts.push(`${formatNumberVi(shown)} dòng đầu trong ${formatNumberVi(total)}`);
  parts.push(`xuất ngày ${formatDateVi(new Date().toISOString())} bởi ${ctx.actor.name}`);
  return `${parts.join('; ')}.`;
}

const today = () => new Date().toISOString().slice(0, 10);
const xlsx = { 200: z.any() };

export const listExportRoutes = (db: Db): FastifyPluginAsyncZod => async (app) => {
  const { buildTableWorkbook } = await import('../../documents/xlsx.js');

  app.get('/units/xlsx', {
    schema: { tags: ['Đơn vị'], summary: 'Tải danh sách đơn vị (theo bộ lọc) dạng Excel', querystring: UnitListQuery.omit({ page: true, pageSize: true }), response: xlsx },
  }, async (req, reply) => {
    const ctx = requireCtx(req, db);
    const parent = req.query.parentId ? await getUnit(ctx, req.query.parentId) : null;
    const { items, total } = await allPages((page, pageSize) => listUnits(ctx, { ...req.query, page, pageSize }));
    const sub = subtitle(ctx, [parent && `Trực thuộc ${parent.name}`, req.query.q && `Tìm “${req.query.q}”`,
      req.query.kind && `Loại hình: ${UNIT_KIND_LABELS[req.query.kind]}`, req.query.includeInactive === 'true' && 'Gồm cả đơn vị ngừng hoạt động'], items.length, total);
    return attachment(reply, XLSX, `don-vi-${today()}.xlsx`, await buildTableWorkbook([unitsSheet(items, sub)]));
  });

  app.get('/users/xlsx', {
    schema: { tags: ['Người dùng'], summary: 'Tải danh sách tài khoản dạng Excel', querystring: UserListQuery.omit({ page: true, pageSize: true }), response: xlsx },
  }, async (req, reply) => {
    const ctx = requireCtx(req, db);
    if (!can(ctx.actor, 'user.view', { path: ctx.actor.viewPath })) throw new AppError('FORBIDDEN');
    const search = req.query.q ? foldVietnamese(req.query.q) : undefined;
    const { items, total } = await allPages(async (page, size) => {
      const { rows, total: t } = await listUsersInScope(db.pool, ctx.actor.viewPath, search, size, (page - 1) * size);
      return { items: rows.map((r) => presentUser(ctx.actor, r)), total: t };
    });
    const sub = subtitle(ctx, [req.query.q && `Tìm “${req.query.q}”`], items.length, total);
    return attachment(reply, XLSX, `nguoi-dung-${today()}.xlsx`, await buildTableWorkbook([accountsSheet(items, sub)]));
  });

  app.get('/campaigns/xlsx', {
    schema: { tags: ['Phát động'], summary: 'Tải danh sách đợt phát động dạng Excel', querystring: CampaignListQuery.omit({ page: true, pageSize: true }), response: xlsx },
  }, async (req, reply) => {
    const ctx = requireCtx(req, db);
    const { items, total } = await allPages((page, size) => listCampaigns(ctx, req.query.state, page, size));
    const sub = subtitle(ctx, [req.query.state && `Trạng thái: ${CAMPAIGN_STATE_LABELS[req.query.state]}`], items.length, total);
    return attachment(reply, XLSX, `phat-dong-${today()}.xlsx`, await buildTableWorkbook([campaignsSheet(items, sub)]));
  });

  app.get('/proposals/xlsx', {
    schema: { tags: ['Khen thưởng'], summary: 'Tải danh sách đề nghị khen thưởng dạng Excel', querystring: ProposalQuery.omit({ page: true, pageSize: true }), response: xlsx },
  }, async (req, reply) => {
    const ctx = requireCtx(req, db);
    const { items, total } = await allPages((page, pageSize) => listProposals(ctx, { ...req.query, page, pageSize }));
    const queue = { incoming: 'Cấp dưới gửi lên', outgoing: 'Đơn vị đã gửi đi' } as const;
    const sub = subtitle(ctx, [req.query.queue && queue[req.query.queue], req.query.state && `Trạng thái: ${req.query.state === 'decided' ? 'Đã xử lý' : PROPOSAL_STATE_LABELS[req.query.state]}`], items.length, total);
    return attachment(reply, XLSX, `de-nghi-khen-thuong-${today()}.xlsx`, await buildTableWorkbook([proposalsSheet(items, sub)]));
  });

  app.get('/campaigns/:id/compliance/xlsx', {
    schema: { tags: ['Thống kê'], summary: 'Tải bảng thực hiện chỉ tiêu của một đợt phát động dạng Excel', params: IdParam, querystring: ComplianceQuery, response: xlsx },
  }, async (req, reply) => {
    const ctx = requireCtx(req, db);
    const c = await getCompliance(ctx, req.params.id, req.query.year);
    return attachment(reply, XLSX, `chi-tieu-${c.year}-${today()}.xlsx`, await buildTableWorkbook([complianceSheet(c, subtitle(ctx, [], c.rows.length, c.rows.length))]));
  });
};
