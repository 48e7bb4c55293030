/** Recognition rounds, their candidates and votes: all their SQL. */
import type { Queryable } from './db.js';
import type { RegistrationState } from '../domain/workflow.js';
import type { CriterionMark, VoteValue } from '../domain/recognition.js';
import type { Scope } from '../domain/scope.js';

export interface RoundRow {
  id: string; unit_id: string; unit_name: string; unit_path: string; campaign_id: string | null; campaign_title: string | null; recognition_date: string | null;
  title: string; state: 'open' | 'closed'; opened_at: Date;
}

const ROUND_COLUMNS = `r.id, r.unit_id, u.name as unit_name, r.unit_path::text as unit_path, r.campaign_id, c.title as campaign_title, c.recognition_date::text as recognition_date, r.title, r.state, r.opened_at`;
const ROUND_FROM = `from recognition_round r join unit u on u.id = r.unit_id left join campaign c on c.id = r.campaign_id`;
// A round is seen by its committee's subtree and by the levels above, like a campaign.
const ROUND_SEEN = (p: string) => `(r.unit_path @> ${p}::ltree or r.unit_path <@ ${p}::ltree)`;

export async function findRound(q: Queryable, id: string, view: Scope, lock = false): Promise<RoundRow | null> {
  const { rows } = await q.query<RoundRow>(
    `select ${ROUND_COLUMNS} ${ROUND_FROM} where r.id = $1 and ${ROUND_SEEN('$2')}${lock ? ' for update of r' : ''}`, [id, view]);
  return rows[0] ?? null;
}

/** The newest rounds seen from the scope, with how many of their candidates the reader sees, and how many rounds there are. */
export async function listRounds(q: Queryable, view: Scope, limit: number) {
  const { rows } = await q.query<RoundRow & { candidate_count: number; total: number }>(
    `select ${ROUND_COLUMNS}, count(*) over () as total,
            (select count(*) from recognition_candidate k join registration g on g.id = k.registration_id where k.round_id = r.id and g.unit_path <@ $1::ltree) as candidate_count
       ${ROUND_FROM} where ${ROUND_SEEN('$1')} order by r.opened_at desc, r.id limit $2`,
    [view, limit],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function insertRound(q: Queryable, r: { id: string; campaignId: string | null; unitId: string; unitPath: string; title: string; openedBy: string }) {
  await q.query('insert into recognition_round (id, campaign_id, unit_id, unit_path, title, opened_by) values ($1, $2, $3, $4::ltree, $5, $6)',
    [r.id, r.campaignId, r.unitId, r.unitPath, r.title, r.openedBy]);
}

export async function closeRoundRow(q: Queryable, id: string) {
  await q.query(`update recognition_round set state = 'closed', closed_at = now(), version = version + 1 where id = $1`, [id]);
}

export interface CandidateRow {
  registration_id: string; title: string; unit_name: string; unit_path: string; state: RegistrationState; kind: string; holder: string; person_name: string | null;
  checklist: Record<string, CriterionMark>; checklist_reasons: Record<string, string>; acknowledged: boolean; acknowledgement_note: string | null;
  result: 'recognised' | 'not_recognised' | null; level: string | null; decision_no: string | null; decision_date: string | null; issuer: string | null; reasons: string | null;
}

export async function listCandidates(q: Queryable, roundId: string, view: Scope): Promise<CandidateRow[]> {
  const { rows } = await q.query<CandidateRow>(
    `select c.registration_id, c.checklist, c.checklist_reasons, c.acknowledged, c.acknowledgement_note, c.result, c.level, c.decision_no, c.decision_date, c.issuer, c.reasons,
            r.title, u.name as unit_name, r.unit_path::text as unit_path, r.state, r.kind, r.holder, r.person_name
       from recognition_candidate c join registration r on r.id = c.registration_id join unit u on u.id = r.unit_id
      where c.round_id = $1 and r.unit_path <@ $2::ltree order by r.title_key, r.id`,
    [roundId, view],
  );
  return rows;
}

export interface VoteRow { registration_id: string; voter_id: string; voter_name: string; vote: VoteValue; at: Date }

export async function listVotes(q: Queryable, roundId: string, registrationId?: string): Promise<VoteRow[]> {
  const { rows } = await q.query<VoteRow>(
    `select registration_id, voter_id, voter_name, vote, at from recognition_vote where round_id = $1 and ($2::uuid is null or registration_id = $2) order by at`,
    [roundId, registrationId ?? null]);
  return rows;
}

/** The criteria of several registrations in one query, by registration. */
export interface CriterionEvidence {
  id: string; name: string; target: number | null; unit_of_measure: string | null;
  /** From the latest inspection that assessed the criterion (latest date, then latest entered). */
  achieved: number | null; completion_pct: number | null; inspected_on: string | null;
}

/** The criteria of several registrations in one query, by registration, each with its latest recorded result. */
export async function criteriaOf(q: Queryable, registrationIds: string[]): Promise<Map<string, CriterionEvidence[]>> {
  const out = new Map<string, CriterionEvidence[]>(registrationIds.map((id) => [id, []]));
  if (!registrationIds.length) return out;
  const { rows } = await q.query<CriterionEvidence & { registration_id: string }>(
    `select rc.registration_id, rc.id, rc.name, rc.target::float8 as target, rc.unit_of_measure,
            l.achieved::float8 as achieved, l.completion_pct, l.inspected_on::text as inspected_on
       from registration_criterion rc
       left join lateral (select ic.achieved, ic.completion_pct, i.inspected_on from inspection_criterion ic join inspection i on i.id = ic.inspection_id
                           where ic.criterion_id = rc.id order by i.inspected_on desc, i.created_at desc, i.id desc limit 1) l on true
      where rc.registration_id = any($1::uuid[]) order by rc.registration_id, rc.sort`, [registrationIds]);
  for (const { registration_id, ...r } of rows) out.get(registration_id)!.push(r);
  return out;
}

/** The photos of the inspections of several registrations, newest inspection first. */
export async function inspectionPhotosOf(q: Queryable, registrationIds: string[]) {
  if (!registrationIds.length) return [];
  const { rows } = await q.query<{ registration_id: string; id: string; file_name: string; inspected_on: string }>(
    `select f.registration_id, f.id, f.file_name, i.inspected_on::text as inspected_on from evidence_file f join inspection i on i.id = f.inspection_id
      where f.registration_id = any($1::uuid[]) and f.mime like 'image/%' order by i.inspected_on desc, i.created_at desc, f.created_at, f.id`,
    [registrationIds]);
  return rows;
}

export async function lockCandidate(q: Queryable, roundId: string, registrationId: string, view: Scope) {
  const { rows } = await q.query<{ unit_path: string; result: string | null; checklist: Record<string, CriterionMark>; acknowledged: boolean }>(
    `select r.unit_path::text as unit_path, c.result, c.checklist, c.acknowledged from recognition_candidate c join registration r on r.id = c.registration_id
      where c.round_id = $1 and c.registration_id = $2 and r.unit_path <@ $3::ltree for update of c`,
    [roundId, registrationId, view],
  );
  return rows[0] ?? null;
}

export async function isCandidate(q: Queryable, roundId: string, registrationId: string): Promise<boolean> {
  return (await q.query('select 1 from recognition_candidate where round_id = $1 and registration_id = $2', [roundId, registrationId])).rows.length > 0;
}

export async function insertCandidate(q: Queryable, roundId: string, registrationId: string) {
  await q.query('insert into recognition_candidate (round_id, registration_id) values ($1, $2)', [roundId, registrationId]);
}

/** Sets the marks given; a criterion's reason is replaced by the one sent with it (or removed). */
export async function mergeChecklist(
  q: Queryable, roundId: string, registrationId: string, patch: Record<string, CriterionMark>, reasons: Record<string, string>,
) {
  await q.query(
    `update recognition_candidate set checklist = checklist || $3::jsonb, checklist_reasons = (checklist_reasons - $4::text[]) || $5::jsonb
      where round_id = $1 and registration_id = $2`,
    [roundId, registrationId, JSON.stringify(patch), Object.keys(patch), JSON.stringify(reasons)]);
}

export async function setAcknowledged(q: Queryable, roundId: string, registrationId: string, note: string | null, by: string) {
  await q.query('update recognition_candidate set acknowledged = true, acknowledgement_note = $3, acknowledged_by = $4 where round_id = $1 and registration_id = $2',
    [roundId, registrationId, note, by]);
}

/** One open vote per member, changeable until the decision. */
export async function upsertVote(q: Queryable, v: { roundId: string; registrationId: string; voterId: string; voterName: string; vote: VoteValue }) {
  await q.query(
    `insert into recognition_vote (round_id, registration_id, voter_id, voter_name, vote) values ($1, $2, $3, $4, $5)
     on conflict (round_id, registration_id, voter_id) do update set vote = excluded.vote, at = now()`,
    [v.roundId, v.registrationId, v.voterId, v.voterName, v.vote],
  );
}

export async function recordDecision(q: Queryable, roundId: string, registrationId: string, d: {
  result: 'recognised' | 'not_recognised'; level: string | null; decisionNo: string | null; decisionDate: string | null; issuer: string | null; reasons: string | null;
}) {
  await q.query(
    `update recognition_candidate set result = $3, level = $4, decision_no = $5, decision_date = $6, issuer = $7, reasons = $8, decided_at = now()
      where round_id = $1 and registration_id = $2`,
    [roundId, registrationId, d.result, d.level, d.decisionNo, d.decisionDate, d.issuer, d.reasons],
  );
}

/** Undecided candidates of open rounds seen from the scope, with whether this user voted: the to-do list's cards. */
export async function openCandidatesFor(q: Queryable, view: Scope, userId: string) {
  const { rows } = await q.query<{
    round_id: string;
    round_path: string;
    unit_path: string;
    acknowledged: boolean;
    voted: boolean;
    recognition_date: string | null;
  }>(
    `select r.id as round_id, r.unit_path::text as round_path, g.unit_path::text as unit_path, c.acknowledged,
            exists (select 1 from recognition_vote v where v.round_id = c.round_id and v.registration_id = c.registration_id and v.voter_id = $2) as voted,
            cp.recognition_date::text as recognition_date
       from recognition_round r join recognition_candidate c on c.round_id = r.id join registration g on g.id = c.registration_id
       left join campaign cp on cp.id = r.campaign_id
      where r.state = 'open' and c.result is null and ${ROUND_SEEN('$1')} and g.unit_path <@ $1::ltree
      order by r.opened_at, g.title_key`,
    [view, userId],
  );
  return rows;
}
