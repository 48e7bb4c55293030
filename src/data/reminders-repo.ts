/**
 * All SQL of deadline reminders: the launched campaigns with a calendar, what is still not done at
 * each deadline (units without a registration, models without an inspection, candidates without
 * acknowledgement or votes), and the key that makes a reminder once: (campaign, kind, target, step).
 */
import type { Queryable } from './db.js';

export interface CalendarCampaignRow {
  id: string;
  unit_id: string;
  unit_path: string;
  title: string;
  registration_deadline: string | null;
  inspection_due_date: string | null;
  recognition_date: string | null;
  remind_days_before: number;
  remind_days_after: number;
  quota_kinds: string[];
  /** A quota for every kind (or no quota at all): the units directly below are expected to register. */
  direct: boolean;
}

export async function campaignsWithCalendar(q: Queryable): Promise<CalendarCampaignRow[]> {
  const { rows } = await q.query<CalendarCampaignRow>(
    `select c.id, c.unit_id, c.unit_path::text as unit_path, c.title, c.registration_deadline, c.inspection_due_date,
            c.recognition_date, c.remind_days_before, c.remind_days_after,
            coalesce(array(select distinct unit_kind from campaign_quota k where k.campaign_id = c.id and unit_kind is not null), '{}') as quota_kinds,
            (exists (select 1 from campaign_quota k where k.campaign_id = c.id and k.unit_kind is null)
              or not exists (select 1 from campaign_quota k where k.campaign_id = c.id)) as direct
       from campaign c
      where c.state = 'launched'
        and (c.registration_deadline is not null or c.inspection_due_date is not null or c.recognition_date is not null)
      order by c.id`,
  );
  return rows;
}

/** The units a campaign expects to register (as its compliance table) that have not: nothing registered there or below. */
const UNITS_EXPECTED = `u.path <@ $2::ltree and u.path <> $2::ltree and u.active
        and (u.kind = any($3::text[]) or ($4 and u.parent_id = $5))`;
const NOT_REGISTERED = `not exists (select 1 from registration r
          where r.campaign_id = $1 and r.unit_path <@ u.path and dvk_counted_state(r.state))`;

export interface UnitToRemindRow {
  id: string;
  name: string;
  path: string;
}

export async function unitsNotRegistered(q: Queryable, c: CalendarCampaignRow): Promise<UnitToRemindRow[]> {
  const { rows } = await q.query<UnitToRemindRow>(
    `select u.id, u.name, u.path::text as path from unit u
      where ${UNITS_EXPECTED} and ${NOT_REGISTERED}
      order by u.path`,
    [c.id, c.unit_path, c.quota_kinds, c.direct, c.unit_id],
  );
  return rows;
}

/** Of these units (seen in a compliance table), those the campaign still waits for. */
export async function unitIdsNotRegistered(
  q: Queryable,
  c: { id: string; unit_path: string; unit_id: string; quota_kinds: string[]; direct: boolean },
  unitIds: string[],
): Promise<Set<string>> {
  const { rows } = await q.query<{ id: string }>(
    `select u.id from unit u where u.id = any($6::uuid[]) and ${UNITS_EXPECTED} and ${NOT_REGISTERED}`,
    [c.id, c.unit_path, c.quota_kinds, c.direct, c.unit_id, unitIds],
  );
  return new Set(rows.map((r) => r.id));
}

export interface ModelToRemindRow {
  id: string;
  title: string;
  unit_path: string;
  supporter_id: string | null;
}

/** Accepted models of the campaign without any inspection. */
export async function modelsNotInspected(q: Queryable, campaignId: string): Promise<ModelToRemindRow[]> {
  const { rows } = await q.query<ModelToRemindRow>(
    `select r.id, r.title, r.unit_path::text as unit_path, r.supporter_id from registration r
      where r.campaign_id = $1 and r.state = 'accepted'
        and not exists (select 1 from inspection i where i.registration_id = r.id)
      order by r.id`,
    [campaignId],
  );
  return rows;
}

export interface CandidateToRemindRow {
  round_id: string;
  round_path: string;
  registration_id: string;
  title: string;
  unit_path: string;
  acknowledged: boolean;
  votes: number;
}

/** Undecided candidates of the campaign's open rounds. */
export async function pendingCandidates(q: Queryable, campaignId: string): Promise<CandidateToRemindRow[]> {
  const { rows } = await q.query<CandidateToRemindRow>(
    `select c.round_id, rr.unit_path::text as round_path, c.registration_id, r.title, r.unit_path::text as unit_path,
            c.acknowledged, (select count(*) from recognition_vote v where v.round_id = c.round_id and v.registration_id = c.registration_id) as votes
       from recognition_candidate c
       join recognition_round rr on rr.id = c.round_id
       join registration r on r.id = c.registration_id
      where rr.campaign_id = $1 and rr.state = 'open' and c.result is null
      order by c.round_id, c.registration_id`,
    [campaignId],
  );
  return rows;
}

/** Takes the reminder's key; false when it was already sent (by this or another instance). */
export async function claimReminder(
  q: Queryable,
  r: { kind: string; targetId: string; step: string; campaignId: string },
  at: Date,
): Promise<boolean> {
  const res = await q.query(
    `insert into reminder_sent (kind, target_id, step, campaign_id, sent_at) values ($1, $2, $3, $4, $5)
     on conflict (campaign_id, kind, target_id, step) do nothing`,
    [r.kind, r.targetId, r.step, r.campaignId, at],
  );
  return (res.rowCount ?? 0) > 0;
}

export async function linkReminderOutbox(
  q: Queryable,
  r: { kind: string; targetId: string; step: string; campaignId: string },
  outboxId: number,
) {
  await q.query('update reminder_sent set outbox_id = $5 where campaign_id = $4 and kind = $1 and target_id = $2 and step = $3', [
    r.kind,
    r.targetId,
    r.step,
    r.campaignId,
    outboxId,
  ]);
}
