/** Review reports (báo cáo sơ kết / tổng kết): what the officer writes, kept per unit and period. */
import { randomUUID } from 'node:crypto';
import { insertAudit } from '../../data/audit-repo.js';
import { notify } from '../notifications/notify.js';
import type { Queryable } from '../../data/db.js';
import { findReport, insertReport, listReportRows, updateReportRow, type ReportColumn, type ReportRow } from '../../data/reports-repo.js';
import { findUnitInScope } from '../../data/units-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { allowedActions, can, type Actor } from '../../domain/policy.js';
import type { ReviewReport, ReviewReportInput, UpdateReviewReport } from '../../domain/report-schemas.js';
import { findVisibleCampaign } from '../campaigns/visible-campaign.js';
import { inScope } from '../../domain/scope.js';
import { parseSort, type REPORT_SORTS, type SortValue } from '../../domain/list-sort.js';
import type { Ctx } from '../context.js';

/** API field → column, for the fields an officer writes. */
const COLUMNS = {
  kind: 'kind',
  yearFrom: 'year_from',
  yearTo: 'year_to',
  campaignId: 'campaign_id',
  title: 'title',
  parentBody: 'parent_body',
  issuingBody: 'issuing_body',
  number: 'number',
  place: 'place',
  reportDate: 'report_date',
  situation: 'situation',
  leadership: 'leadership',
  results: 'results',
  limitations: 'limitations',
  lessons: 'lessons',
  directions: 'directions',
  recommendations: 'recommendations',
  recipients: 'recipients',
  signerTitle: 'signer_title',
  signerName: 'signer_name',
} as const satisfies Record<string, ReportColumn>;

/** The columns named in the input, with their values (`fill`: the value of an absent one, or undefined to leave it out). */
function columnValues(input: Record<string, unknown>, fill: null | undefined) {
  return Object.fromEntries(Object.entries(COLUMNS).map(([k, col]) => [col, input[k] === undefined ? fill : input[k]])) as Record<
    ReportColumn,
    unknown
  >;
}

function present(actor: Actor, r: ReportRow): ReviewReport {
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    kind: r.kind,
    yearFrom: r.year_from,
    yearTo: r.year_to,
    campaign: r.campaign_id ? { id: r.campaign_id, title: r.campaign_title ?? '' } : null,
    title: r.title,
    parentBody: r.parent_body,
    issuingBody: r.issuing_body,
    number: r.number,
    place: r.place,
    reportDate: r.report_date,
    situation: r.situation,
    leadership: r.leadership,
    results: r.results,
    limitations: r.limitations,
    lessons: r.lessons,
    directions: r.directions,
    recommendations: r.recommendations,
    recipients: r.recipients,
    signerTitle: r.signer_title,
    signerName: r.signer_name,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    actions: allowedActions(actor, 'report', { path: r.unit_path }).filter((a) => a === 'update'),
  };
}

async function checkCampaign(q: Queryable, actor: Actor, campaignId: string | null | undefined) {
  // A draft the author cannot open is not found, as on the campaign's own page.
  if (campaignId) await findVisibleCampaign(q, actor, campaignId);
}

export async function createReport(ctx: Ctx, input: ReviewReportInput): Promise<ReviewReport> {
  if (input.yearTo < input.yearFrom) throw new AppError('PERIOD_INVALID');
  return ctx.db.tx(async (q) => {
    const unit = await findUnitInScope(q, input.unitId, inScope(ctx.actor.viewPath));
    if (!unit) throw notFound('unit');
    if (!can(ctx.actor, 'report.create', { path: unit.path })) throw new AppError('FORBIDDEN');
    await checkCampaign(q, ctx.actor, input.campaignId);
    const id = randomUUID();
    await insertReport(q, { id, unitId: unit.id, unitPath: unit.path, createdBy: ctx.actor.id, values: columnValues(input, null) });
    await notify(q, {
      kind: 'report.shared',
      entityType: 'report',
      entityId: id,
      path: unit.path,
      label: input.title,
      actorId: ctx.actor.id,
    });
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'report.create',
      entityType: 'review_report',
      entityId: id,
      entityLabel: input.title,
      unitPath: unit.path,
      ip: ctx.ip,
    });
    return present(ctx.actor, (await findReport(q, id, inScope(ctx.actor.viewPath)))!);
  });
}

export async function updateReport(ctx: Ctx, id: string, input: UpdateReviewReport): Promise<ReviewReport> {
  return ctx.db.tx(async (q) => {
    const r = await findReport(q, id, inScope(ctx.actor.viewPath), true);
    if (!r) throw notFound('review_report');
    if (!can(ctx.actor, 'report.update', { path: r.unit_path })) throw new AppError('FORBIDDEN');
    if (r.version !== input.version) throw new AppError('STALE_VERSION');
    if ((input.yearTo ?? r.year_to) < (input.yearFrom ?? r.year_from)) throw new AppError('PERIOD_INVALID');
    await checkCampaign(q, ctx.actor, input.campaignId);
    await updateReportRow(q, id, columnValues(input, undefined));
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'report.update',
      entityType: 'review_report',
      entityId: id,
      entityLabel: input.title ?? r.title,
      unitPath: r.unit_path,
      ip: ctx.ip,
    });
    return present(ctx.actor, (await findReport(q, id, inScope(ctx.actor.viewPath)))!);
  });
}

export async function getReport(ctx: Ctx, id: string): Promise<ReviewReport> {
  // A report its author just saved is read from the primary until the replica has it (`db.reads`).
  const r = await findReport(await ctx.db.reads(), id, inScope(ctx.actor.viewPath));
  if (!r) throw notFound('review_report');
  return present(ctx.actor, r);
}

export async function listReports(ctx: Ctx, page: number, pageSize: number, sort: SortValue<(typeof REPORT_SORTS)[number]> = '-date') {
  const { total, rows } = await listReportRows(
    await ctx.db.reads(),
    inScope(ctx.actor.viewPath),
    pageSize,
    (page - 1) * pageSize,
    parseSort(sort),
  );
  return { total, items: rows.map((r) => present(ctx.actor, r)) };
}
