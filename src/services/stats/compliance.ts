import { quotasOf, type QuotaRow } from '../../data/campaigns-repo.js';
import { complianceCounts, complianceUnits } from '../../data/compliance-repo.js';
import type { Compliance } from '../../domain/report-schemas.js';
import { COUNTED_STATES } from '../../domain/statistics.js';
import { findVisibleCampaign } from '../campaigns/visible-campaign.js';
import { unitIdsNotRegistered } from '../../data/reminders-repo.js';
import { isOverdue, localDay } from '../../domain/deadlines.js';
import type { Ctx } from '../context.js';

const collator = new Intl.Collator('vi');

/**
 * Which units met the campaign's quota in a year. A quota for a unit kind applies to every unit of
 * that kind below the launching unit; a quota for "every kind" applies to the units directly below
 * it (a province's "each unit builds 2 models" speaks to its communes and agencies, not to every
 * hamlet). A kind-specific quota wins over the general one. A unit's own registrations under the
 * campaign count, in the registered states; a replication counts as a new model for its unit.
 */
export async function getCompliance(ctx: Ctx, campaignId: string, year: number | undefined): Promise<Compliance> {
  // A campaign the user cannot open (a draft of another unit, one outside the view) is not found here either.
  // Statistics: a streaming replica may answer (never behind the caller's own writes).
  const reader = await ctx.db.reads();
  const campaign = await findVisibleCampaign(reader, ctx.actor, campaignId);
  const y = year ?? Math.min(Math.max(new Date().getFullYear(), campaign.year_from), campaign.year_to);
  const quotas = (await quotasOf(reader, [campaign.id])).get(campaign.id) ?? [];
  const byKind = new Map<string, QuotaRow>();
  let general: QuotaRow | undefined;
  for (const q of quotas) {
    if (q.unit_kind) byKind.set(q.unit_kind, q);
    else general = q;
  }
  const units = await complianceUnits(reader, {
    campaignPath: campaign.unit_path,
    campaignUnitId: campaign.unit_id,
    viewPath: ctx.actor.viewPath,
    kinds: [...byKind.keys()],
    direct: general !== undefined,
  });
  // What the unit and every unit below it registered: a commune meets the quota through its organisations.
  const counts = await complianceCounts(reader, {
    campaignId: campaign.id,
    year: y,
    states: COUNTED_STATES,
    unitIds: units.map((u) => u.id),
  });
  const of = new Map<string, Record<string, number>>();
  for (const c of counts) of.set(c.unit_id, { ...of.get(c.unit_id), [c.origin]: Number(c.n) });

  // Past the registration deadline, the units still waiting are marked "Quá hạn" (as the reminders say).
  const today = localDay(ctx.now ?? new Date());
  const late = isOverdue(today, campaign.registration_deadline)
    ? await unitIdsNotRegistered(
        reader,
        { ...campaign, quota_kinds: [...byKind.keys()], direct: general !== undefined || quotas.length === 0 },
        units.map((u) => u.id),
      )
    : new Set<string>();

  const rows = units.flatMap((u) => {
    const quota = byKind.get(u.kind) ?? (u.direct ? general : undefined);
    if (!quota) return [];
    const n = of.get(u.id) ?? {};
    const newCount = n.new ?? 0;
    const consolidationCount = n.consolidation ?? 0;
    const replicationCount = n.replication ?? 0;
    const total = newCount + consolidationCount + replicationCount;
    const met = newCount + replicationCount >= quota.min_new && consolidationCount >= quota.min_consolidated && total >= quota.min_total;
    return [
      {
        unit: { id: u.id, name: u.name, kind: u.kind, code: u.code },
        quota: { minNew: quota.min_new, minConsolidated: quota.min_consolidated, minTotal: quota.min_total },
        newCount,
        consolidationCount,
        replicationCount,
        total,
        status: total === 0 ? ('none' as const) : met ? ('met' as const) : ('short' as const),
        overdue: late.has(u.id),
      },
    ];
  });
  const rank = { none: 0, short: 1, met: 2 };
  rows.sort((a, b) => rank[a.status] - rank[b.status] || collator.compare(a.unit.name, b.unit.name));
  return {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      yearFrom: campaign.year_from,
      yearTo: campaign.year_to,
      registrationDeadline: campaign.registration_deadline,
    },
    year: y,
    summary: {
      units: rows.length,
      met: rows.filter((r) => r.status === 'met').length,
      short: rows.filter((r) => r.status === 'short').length,
      none: rows.filter((r) => r.status === 'none').length,
    },
    overdue: rows.filter((r) => r.overdue).length,
    rows,
  };
}
