/** Review reports (báo cáo sơ kết / tổng kết): what the officer writes, kept per unit and period. */
import { randomUUID } from 'node:crypto';
import { insertAudit } from '../../data/audit-repo.js';
import type { Queryable } from '../../data/db.js';
import { findUnitInScope } from '../../data/units-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { allowedActions, can, type Actor } from '../../domain/policy.js';
import type { ReviewReport, ReviewReportInput, UpdateReviewReport } from '../../domain/report-schemas.js';
import { findVisibleCampaign } from '../campaigns/visible-campaign.js';
import type { Ctx } from '../context.js';

interface ReportRow {
  id: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  kind: 'interim' | 'final';
  year_from: number;
  year_to: number;
  campaign_id: string | null;
  campaign_title: string | null;
  title: string;
  parent_body: string | null;
  issuing_body: string;
  number: string | null;
  place: string;
  report_date: string;
  results: string | null;
  limitations: string | null;
  lessons: string | null;
  directions: string | null;
  recipients: string | null;
  signer_title: string | null;
  signer_name: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `select r.*, r.unit_path::text as unit_path, u.name as unit_name, c.title as campaign_title
  from review_report r join unit u on u.id = r.unit_id left join campaign c on c.id = r.campaign_id`;

/** API field → column, for the fields an officer writes. */
const COLUMNS = {
  kind: 'kind', yearFrom: 'year_from', yearTo: 'year_to', campaignId: 'campaign_id', title: 'title',
  parentBody: 'parent_body', issuingBody: 'issuing_body', number: 'number', place: 'place', reportDate: 'report_date',
  results: 'results', limitations: 'limitations', lessons: 'lessons', directions: 'directions', recipients: 'recipients',
  signerTitle: 'signer_title', signerName: 'signer_name',
} as const;

export async function findReport(q: Queryable, id: string, viewPath: string, lock = false): Promise<ReportRow | null> {
  const { rows } = await q.query<ReportRow>(`${SELECT} where r.id = $1 and r.unit_path <@ $2::ltree${lock ? ' for update of r' : ''}`, [id, viewPath]);
  return rows[0] ?? null;
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
    results: r.results,
    limitations: r.limitations,
    lessons: r.lessons,
    directions: r.directions,
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
    const unit = await findUnitInScope(q, input.unitId, ctx.actor.viewPath);
    if (!unit) throw notFound('unit');
    if (!can(ctx.actor, 'report.create', { path: unit.path })) throw new AppError('FORBIDDEN');
    await checkCampaign(q, ctx.actor, input.campaignId);
    const id = randomUUID();
    const entries = Object.entries(COLUMNS).map(([k, col]) => [col, (input as Record<string, unknown>)[k] ?? null] as const);
    await q.query(
      `insert into review_report (id, unit_id, unit_path, created_by, ${entries.map(([c]) => c).join(', ')})
       values ($1, $2, $3::ltree, $4, ${entries.map((_, i) => `$${i + 5}`).join(', ')})`,
      [id, unit.id, unit.path, ctx.actor.id, ...entries.map(([, v]) => v)],
    );
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'report.create', entityType: 'review_report', entityId: id, entityLabel: input.title, unitPath: unit.path, ip: ctx.ip });
    return present(ctx.actor, (await findReport(q, id, ctx.actor.viewPath))!);
  });
}

export async function updateReport(ctx: Ctx, id: string, input: UpdateReviewReport): Promise<ReviewReport> {
  return ctx.db.tx(async (q) => {
    const r = await findReport(q, id, ctx.actor.viewPath, true);
    if (!r) throw notFound('review_report');
    if (!can(ctx.actor, 'report.update', { path: r.unit_path })) throw new AppError('FORBIDDEN');
    if (r.version !== input.version) throw new AppError('STALE_VERSION');
    if ((input.yearTo ?? r.year_to) < (input.yearFrom ?? r.year_from)) throw new AppError('PERIOD_INVALID');
    await checkCampaign(q, ctx.actor, input.campaignId);
    const entries = Object.entries(COLUMNS)
      .filter(([k]) => (input as Record<string, unknown>)[k] !== undefined)
      .map(([k, col]) => [col, (input as Record<string, unknown>)[k]] as const);
    await q.query(
      `update review_report set ${[...entries.map(([c], i) => `${c} = $${i + 2}`), 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $1`,
      [id, ...entries.map(([, v]) => v)],
    );
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'report.update', entityType: 'review_report', entityId: id, entityLabel: input.title ?? r.title, unitPath: r.unit_path, ip: ctx.ip });
    return present(ctx.actor, (await findReport(q, id, ctx.actor.viewPath))!);
  });
}

export async function getReport(ctx: Ctx, id: string): Promise<ReviewReport> {
  const r = await findReport(ctx.db.pool, id, ctx.actor.viewPath);
  if (!r) throw notFound('review_report');
  return present(ctx.actor, r);
}

export async function listReports(ctx: Ctx, page: number, pageSize: number) {
  const total = (await ctx.db.rows<{ n: number }>('select count(*) as n from review_report r where r.unit_path <@ $1::ltree', [ctx.actor.viewPath]))[0]!.n;
  const rows = await ctx.db.rows<ReportRow>(
    `${SELECT} where r.unit_path <@ $1::ltree order by r.report_date desc, r.created_at desc limit $2 offset $3`,
    [ctx.actor.viewPath, pageSize, (page - 1) * pageSize],
  );
  return { total, items: rows.map((r) => present(ctx.actor, r)) };
}
