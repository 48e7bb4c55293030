/** Campaigns (phát động): create and edit as a draft, launch to the whole subtree, list, read. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { insertAudit } from '../../data/audit-repo.js';
import { notify } from '../notifications/notify.js';
import {
  calendarColumns,
  findCampaign,
  insertCampaign,
  setCampaignCalendar,
  listCampaigns as query,
  quotasOf,
  replaceQuotas,
  setCampaignStateRow,
  updateCampaignRow,
  type CampaignRow,
  type QuotaRow,
} from '../../data/campaigns-repo.js';
import type { Queryable } from '../../data/db.js';
import { findUnitInScope } from '../../data/units-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Campaign, CampaignInput, UpdateCampaign } from '../../domain/movement-schemas.js';
import { can, type Actor } from '../../domain/policy.js';
import { tidyName } from '../../domain/text.js';
import { parseSort, type CAMPAIGN_SORTS, type SortValue } from '../../domain/list-sort.js';
import type { Ctx } from '../context.js';
import { findVisibleCampaign } from './visible-campaign.js';

function present(actor: Actor, c: CampaignRow, quotas: QuotaRow[]): Campaign {
  const mayEdit = can(actor, 'campaign.update', { path: c.unit_path });
  return {
    id: c.id,
    unit: { id: c.unit_id, name: c.unit_name },
    title: c.title,
    description: c.description,
    yearFrom: c.year_from,
    yearTo: c.year_to,
    startDate: c.start_date,
    endDate: c.end_date,
    focusThemes: c.focus_themes,
    state: c.state,
    launchedAt: c.launched_at?.toISOString() ?? null,
    quotas: quotas.map((x) => ({
      unitKind: x.unit_kind as never,
      minNew: x.min_new,
      minConsolidated: x.min_consolidated,
      minTotal: x.min_total,
      note: x.note,
    })),
    calendar: {
      registrationDeadline: c.registration_deadline,
      inspectionDueDate: c.inspection_due_date,
      recognitionDate: c.recognition_date,
      reviewDate: c.review_date,
      remindDaysBefore: c.remind_days_before,
      remindDaysAfter: c.remind_days_after,
    },
    version: c.version,
    actions: mayEdit ? (c.state === 'draft' ? ['update', 'launch'] : c.state === 'launched' ? ['update', 'close'] : []) : [],
  };
}

async function load(q: Queryable, actor: Actor, id: string): Promise<Campaign> {
  const c = (await findCampaign(q, id, actor.viewPath))!;
  return present(actor, c, (await quotasOf(q, [id])).get(id) ?? []);
}

function checkPeriod(v: {
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
}) {
  if (v.yearFrom !== undefined && v.yearTo !== undefined && v.yearTo < v.yearFrom) throw new AppError('DATES_INVALID');
  if (v.startDate && v.endDate && v.endDate < v.startDate) throw new AppError('DATES_INVALID');
}

const quotasWithIds = (quotas: z.infer<typeof CampaignInput>['quotas']) => quotas.map((x) => ({ ...x, id: randomUUID() }));

export async function createCampaign(ctx: Ctx, input: z.infer<typeof CampaignInput>) {
  checkPeriod(input);
  return ctx.db.tx(async (q) => {
    const unit = await findUnitInScope(q, input.unitId, ctx.actor.viewPath);
    if (!unit) throw notFound('unit');
    if (!can(ctx.actor, 'campaign.create', { path: unit.path })) throw new AppError('FORBIDDEN');
    const id = randomUUID();
    await insertCampaign(q, {
      id,
      unitId: unit.id,
      unitPath: unit.path,
      title: tidyName(input.title),
      description: input.description ?? null,
      yearFrom: input.yearFrom,
      yearTo: input.yearTo,
      startDate: input.startDate,
      endDate: input.endDate,
      focusThemes: input.focusThemes.map(tidyName),
      createdBy: ctx.actor.id,
    });
    await replaceQuotas(q, id, quotasWithIds(input.quotas));
    await setCampaignCalendar(q, id, calendarColumns(input.calendar));
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: id,
      entityLabel: input.title,
      unitPath: unit.path,
      after: input,
      ip: ctx.ip,
    });
    return load(q, ctx.actor, id);
  });
}

export async function updateCampaign(ctx: Ctx, id: string, input: z.infer<typeof UpdateCampaign>) {
  return changeCampaign(ctx, id, input.version, 'campaign.update', async (q, c) => {
    checkPeriod({
      yearFrom: input.yearFrom ?? c.year_from,
      yearTo: input.yearTo ?? c.year_to,
      startDate: input.startDate ?? c.start_date,
      endDate: input.endDate ?? c.end_date,
    });
    await updateCampaignRow(q, id, {
      title: input.title === undefined ? undefined : tidyName(input.title),
      description: input.description,
      year_from: input.yearFrom,
      year_to: input.yearTo,
      start_date: input.startDate,
      end_date: input.endDate,
      focus_themes: input.focusThemes?.map(tidyName),
      ...calendarColumns(input.calendar),
    });
    if (input.quotas) await replaceQuotas(q, id, quotasWithIds(input.quotas));
  });
}

/** Launching opens the campaign to registrations from the whole subtree; closing ends it. */
export async function setCampaignState(ctx: Ctx, id: string, version: number, to: 'launched' | 'closed') {
  return changeCampaign(ctx, id, version, `campaign.${to === 'launched' ? 'launch' : 'close'}`, async (q, c) => {
    const from = to === 'launched' ? 'draft' : 'launched';
    if (c.state !== from)
      throw new AppError('ILLEGAL_TRANSITION', {
        transition: to === 'launched' ? 'Phát động' : 'Kết thúc',
        state: c.state === 'draft' ? 'Bản nháp' : c.state === 'launched' ? 'Đã phát động' : 'Đã kết thúc',
      });
    await setCampaignStateRow(q, id, to);
    if (to === 'launched') {
      await notify(q, {
        kind: 'campaign.launched',
        entityType: 'campaign',
        entityId: id,
        path: c.unit_path,
        label: c.title,
        actorId: ctx.actor.id,
      });
    }
  });
}

async function changeCampaign(
  ctx: Ctx,
  id: string,
  version: number,
  action: string,
  apply: (q: Queryable, c: CampaignRow) => Promise<void>,
) {
  return ctx.db.tx(async (q) => {
    const c = await findVisibleCampaign(q, ctx.actor, id, true);
    if (!can(ctx.actor, 'campaign.update', { path: c.unit_path })) throw new AppError('FORBIDDEN');
    if (c.version !== version) throw new AppError('STALE_VERSION');
    await apply(q, c);
    const after = (await findCampaign(q, id, ctx.actor.viewPath))!;
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action,
      entityType: 'campaign',
      entityId: id,
      entityLabel: after.title,
      unitPath: after.unit_path,
      before: { state: c.state, title: c.title },
      after: { state: after.state, title: after.title },
      ip: ctx.ip,
    });
    return load(q, ctx.actor, id);
  });
}

export async function listCampaigns(
  ctx: Ctx,
  state: string | undefined,
  page: number,
  pageSize: number,
  sort: SortValue<(typeof CAMPAIGN_SORTS)[number]> = '-year',
) {
  const draftScope = ctx.actor.entryPath && can(ctx.actor, 'campaign.update', { path: ctx.actor.entryPath }) ? ctx.actor.entryPath : null;
  const { rows, total } = await query(ctx.db.pool, ctx.actor.viewPath, draftScope, state, pageSize, (page - 1) * pageSize, parseSort(sort));
  const quotas = await quotasOf(
    ctx.db.pool,
    rows.map((c) => c.id),
  );
  return { items: rows.map((c) => present(ctx.actor, c, quotas.get(c.id) ?? [])), total };
}

export async function getCampaign(ctx: Ctx, id: string) {
  await findVisibleCampaign(ctx.db.pool, ctx.actor, id);
  return load(ctx.db.pool, ctx.actor, id);
}
