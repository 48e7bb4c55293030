/**
 * "Tải Excel" for the lists of the screens: the same services, the same filters and the same scope
 * as the list itself, all pages at once up to LIST_EXPORT_MAX rows (the sheet says when it stops).
 * The registration list, which can be millions of rows, is exported as a job instead (exports.ts).
 * Each operation answers the workbook and the name it is downloaded under.
 */
import type { z } from 'zod';
import { unitCodesByIds, unitSheetDetails } from '../../data/sheet-rows-repo.js';
import { accountsSheet, campaignsSheet, complianceSheet, proposalsSheet, unitsSheet } from '../../documents/list-sheets.js';
import { PROPOSAL_STATE_LABELS, type ProposalQuery } from '../../domain/commendation-schemas.js';
import { CAMPAIGN_STATE_LABELS, type CampaignListQuery } from '../../domain/movement-schemas.js';
import type { UnitListQuery, UserListQuery } from '../../domain/schemas.js';
import { formatDateVi, formatNumberVi } from '../../domain/statistics.js';
import { UNIT_KIND_LABELS } from '../../domain/unit-kinds.js';
import { listCampaigns } from '../campaigns/campaigns.js';
import { listProposals } from '../commendations/commendations.js';
import type { Ctx } from '../context.js';
import { getCompliance } from '../stats/compliance.js';
import { getUnit } from '../units/get-unit.js';
import { listUnits } from '../units/list-units.js';
import { listUsers } from '../user-admin.js';

export const LIST_EXPORT_MAX = 20_000;
const PAGE = 1000;

export interface Workbook {
  fileName: string;
  buf: Buffer;
}

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

async function workbook(...args: Parameters<typeof import('../../documents/xlsx.js').buildTableWorkbook>) {
  const { buildTableWorkbook } = await import('../../documents/xlsx.js');
  return buildTableWorkbook(...args);
}

export async function unitsWorkbook(ctx: Ctx, query: Omit<z.infer<typeof UnitListQuery>, 'page' | 'pageSize'>): Promise<Workbook> {
  const parent = query.parentId ? await getUnit(ctx, query.parentId) : null;
  const { items, total } = await allPages((page, pageSize) => listUnits(ctx, { ...query, page, pageSize }));
  const sub = subtitle(
    ctx,
    [
      parent && `Trực thuộc ${parent.name}`,
      query.q && `Tìm “${query.q}”`,
      query.kind && `Loại hình: ${UNIT_KIND_LABELS[query.kind]}`,
      query.includeInactive === 'true' && 'Gồm cả đơn vị ngừng hoạt động',
    ],
    items.length,
    total,
  );
  const details = await unitSheetDetails(
    ctx.db.pool,
    items.map((x) => x.id),
  );
  return { fileName: `don-vi-${today()}.xlsx`, buf: await workbook([unitsSheet(items, details, sub)]) };
}

/** Accounts are listed by the account service, which refuses those who do not manage accounts. */
export async function usersWorkbook(ctx: Ctx, query: Omit<z.infer<typeof UserListQuery>, 'page' | 'pageSize'>): Promise<Workbook> {
  const { items, total } = await allPages((page, pageSize) => listUsers(ctx, { ...query, page, pageSize }));
  const sub = subtitle(ctx, [query.q && `Tìm “${query.q}”`], items.length, total);
  const codes = await unitCodesByIds(
    ctx.db.pool,
    items.flatMap((x) => [x.unit.id, x.viewScope.id, ...(x.entryScope ? [x.entryScope.id] : [])]),
  );
  return { fileName: `nguoi-dung-${today()}.xlsx`, buf: await workbook([accountsSheet(items, codes, sub)]) };
}

export async function campaignsWorkbook(ctx: Ctx, query: Omit<z.infer<typeof CampaignListQuery>, 'page' | 'pageSize'>): Promise<Workbook> {
  const { items, total } = await allPages((page, size) => listCampaigns(ctx, query.state, page, size));
  const sub = subtitle(ctx, [query.state && `Trạng thái: ${CAMPAIGN_STATE_LABELS[query.state]}`], items.length, total);
  return { fileName: `phat-dong-${today()}.xlsx`, buf: await workbook([campaignsSheet(items, sub)]) };
}

export async function proposalsWorkbook(ctx: Ctx, query: Omit<z.infer<typeof ProposalQuery>, 'page' | 'pageSize'>): Promise<Workbook> {
  const { items, total } = await allPages((page, pageSize) => listProposals(ctx, { ...query, page, pageSize }));
  const queue = { incoming: 'Cấp dưới gửi lên', outgoing: 'Đơn vị đã gửi đi' } as const;
  const sub = subtitle(
    ctx,
    [
      query.queue && queue[query.queue],
      query.state && `Trạng thái: ${query.state === 'decided' ? 'Đã xử lý' : PROPOSAL_STATE_LABELS[query.state]}`,
    ],
    items.length,
    total,
  );
  return { fileName: `de-nghi-khen-thuong-${today()}.xlsx`, buf: await workbook([proposalsSheet(items, sub)]) };
}

export async function complianceWorkbook(ctx: Ctx, campaignId: string, year: number | undefined): Promise<Workbook> {
  const c = await getCompliance(ctx, campaignId, year);
  return {
    fileName: `chi-tieu-${c.year}-${today()}.xlsx`,
    buf: await workbook([complianceSheet(c, subtitle(ctx, [], c.rows.length, c.rows.length))]),
  };
}
