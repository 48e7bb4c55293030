/** The units a campaign's quota applies to, and what they registered under it. */
import type { Queryable } from './db.js';

export interface ComplianceUnitRow { id: string; name: string; kind: string; code: string; direct: boolean }

/**
 * The active units below a campaign's launching unit, inside the view, that a quota speaks to: those
 * of the given kinds, and (when a quota for every kind exists) those directly below it.
 */
export async function complianceUnits(
  q: Queryable,
  c: { campaignPath: string; campaignUnitId: string; viewPath: string; kinds: string[]; direct: boolean },
): Promise<ComplianceUnitRow[]> {
  const { rows } = await q.query<ComplianceUnitRow>(
    `select u.id, u.name, u.kind, u.code, u.parent_id = $4 as direct from unit u
      where u.path <@ $1::ltree and u.path <> $1::ltree and u.path <@ $2::ltree and u.active
        and (u.kind = any($3::text[]) or ($5 and u.parent_id = $4))`,
    [c.campaignPath, c.viewPath, c.kinds, c.campaignUnitId, c.direct],
  );
  return rows;
}

export interface ComplianceCountRow { unit_id: string; origin: string; n: number }

/** Registrations of each unit and every unit below it under a campaign in a year, by origin. */
export async function complianceCounts(
  q: Queryable,
  c: { campaignId: string; year: number; states: readonly string[]; unitIds: string[] },
): Promise<ComplianceCountRow[]> {
  const { rows } = await q.query<ComplianceCountRow>(
    // What the unit and every unit below it registered: a commune meets the quota through its organisations.
    `select u.id as unit_id, t.origin, sum(t.n)::bigint as n from registration_tally t
       join unit tu on tu.id = t.unit_id join unit u on tu.path <@ u.path and u.id = any($4::uuid[])
      where t.campaign_id = $1 and t.year = $2 and t.state = any($3::text[])
      group by 1, 2`,
    [c.campaignId, c.year, c.states, c.unitIds],
  );
  return rows;
}
