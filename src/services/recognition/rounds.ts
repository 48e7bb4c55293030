/**
 * Recognition rounds: the committee opens a round, adds accepted registrations as candidates,
 * checks each against its criteria, the collective acknowledges, members vote openly, and the
 * committee decides. A decision moves the registration through the workflow in the same
 * transaction, so the state, the timeline, the candidate row and the audit land together.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { insertAudit } from '../../data/audit-repo.js';
import type { Queryable } from '../../data/db.js';
import { findRegistrationInScope, listCriteria } from '../../data/registrations-repo.js';
import { findUnitInScope } from '../../data/units-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can, type Action, type Actor } from '../../domain/policy.js';
import type { AcknowledgeBody, Candidate, CandidateAction, ChecklistBody, DecideBody, OpenRound, Round } from '../../domain/recognition-schemas.js';
import { inSubtree } from '../../domain/scope.js';
import { RECOGNITION_MIN_VOTES } from '../../domain/workflow.js';
import { campaignVisibleTo } from '../campaigns/visible-campaign.js';
import type { Ctx } from '../context.js';
import { transitionIn } from '../registrations/transition-registration.js';

interface RoundRow { id: string; unit_id: string; unit_name: string; unit_path: string; campaign_id: string | null; campaign_title: string | null; title: string; state: 'open' | 'closed'; opened_at: Date }

// A round is seen by its committee's subtree and by the levels above, like a campaign.
async function findRound(q: Queryable, id: string, viewPath: string, lock = false): Promise<RoundRow | null> {
  const { rows } = await q.query<RoundRow>(
    `select r.id, r.unit_id, u.name as unit_name, r.unit_path::text as unit_path, r.campaign_id, c.title as campaign_title, r.title, r.state, r.opened_at
       from recognition_round r join unit u on u.id = r.unit_id left join campaign c on c.id = r.campaign_id
      where r.id = $1 and (r.unit_path @> $2::ltree or r.unit_path <@ $2::ltree)${lock ? ' for update of r' : ''}`,
    [id, viewPath],
  );
  return rows[0] ?? null;
}

function candidateActions(actor: Actor, round: RoundRow, c: { unit_path: string; result: string | null }): CandidateAction[] {
  if (round.state !== 'open' || c.result) return [];
  const at = (action: Action, path: string) => can(actor, action, { path });
  return [
    ...(at('recognition.manage', round.unit_path) ? ['check', 'decide'] as const : []),
    ...(at('recognition.acknowledge', c.unit_path) ? ['acknowledge'] as const : []),
    ...(at('recognition.vote', round.unit_path) ? ['vote'] as const : []),
  ];
}

async function loadRound(q: Queryable, actor: Actor, round: RoundRow): Promise<Round> {
  const { rows } = await q.query<{
    registration_id: string; title: string; unit_name: string; unit_path: string; state: string; kind: string; holder: string; person_name: string | null;
    checklist: Record<string, string>; acknowledged: boolean; acknowledgement_note: string | null; result: 'recognised' | 'not_recognised' | null;
    level: string | null; decision_no: string | null; decision_date: string | null; issuer: string | null; reasons: string | null;
  }>(
    `select c.*, r.title, u.name as unit_name, r.unit_path::text as unit_path, r.state, r.kind, r.holder, r.person_name
       from recognition_candidate c join registration r on r.id = c.registration_id join unit u on u.id = r.unit_id
      where c.round_id = $1 and r.unit_path <@ $2::ltree order by r.title_key, r.id`,
    [round.id, actor.viewPath],
  );
  const votes = (await q.query<{ registration_id: string; voter_name: string; vote: 'for' | 'against' | 'abstain'; at: Date }>(
    'select registration_id, voter_name, vote, at from recognition_vote where round_id = $1 order by at', [round.id])).rows;
  const candidates: Candidate[] = [];
  for (const c of rows) {
    const mine = votes.filter((v) => v.registration_id === c.registration_id);
    const criteria = await listCriteria(q, c.registration_id);
    candidates.push({
      registration: { id: c.registration_id, title: c.title, unitName: c.unit_name, state: c.state, kind: c.kind, holder: c.holder, personName: c.person_name },
      checklist: criteria.map((k) => ({ criterionId: k.id, name: k.name, mark: (c.checklist[k.id] as 'met' | 'not_met' | 'na' | undefined) ?? null })),
      acknowledged: c.acknowledged,
      acknowledgementNote: c.acknowledgement_note,
      votes: mine.map((v) => ({ voterName: v.voter_name, vote: v.vote, at: v.at.toISOString() })),
      tally: { for: mine.filter((v) => v.vote === 'for').length, against: mine.filter((v) => v.vote === 'against').length, abstain: mine.filter((v) => v.vote === 'abstain').length },
      result: c.result, level: c.level, decisionNo: c.decision_no, decisionDate: c.decision_date, issuer: c.issuer, reasons: c.reasons,
      actions: candidateActions(actor, round, c),
    });
  }
  return {
    id: round.id, unit: { id: round.unit_id, name: round.unit_name },
    campaign: round.campaign_id ? { id: round.campaign_id, title: round.campaign_title! } : null,
    title: round.title, state: round.state, openedAt: round.opened_at.toISOString(), candidates,
    actions: round.state === 'open' && can(actor, 'recognition.manage', { path: round.unit_path }) ? ['add_candidate', 'close'] : [],
  };
}

export async function openRound(ctx: Ctx, input: z.infer<typeof OpenRound>) {
  return ctx.db.tx(async (q) => {
    const unit = await findUnitInScope(q, input.unitId, ctx.actor.viewPath);
    if (!unit) throw notFound('unit');
    if (!can(ctx.actor, 'recognition.manage', { path: unit.path })) throw new AppError('FORBIDDEN');
    if (input.campaignId) {
      // The campaign must be one this committee can see: launched at its level or above, or below it.
      // A draft is seen only by those who may edit it.
      const { rows } = await q.query<{ state: string; unit_path: string }>('select state, unit_path::text as unit_path from campaign where id = $1 and (unit_path @> $2::ltree or unit_path <@ $2::ltree)', [input.campaignId, unit.path]);
      if (!rows[0] || !campaignVisibleTo(ctx.actor, rows[0])) throw notFound('campaign');
    }
    const id = randomUUID();
    await q.query('insert into recognition_round (id, campaign_id, unit_id, unit_path, title, opened_by) values ($1, $2, $3, $4::ltree, $5, $6)',
      [id, input.campaignId ?? null, unit.id, unit.path, input.title, ctx.actor.id]);
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'recognition.open', entityType: 'round', entityId: id, entityLabel: input.title, unitPath: unit.path, after: input, ip: ctx.ip });
    return loadRound(q, ctx.actor, (await findRound(q, id, ctx.actor.viewPath))!);
  });
}

export async function getRound(ctx: Ctx, id: string) {
  const round = await findRound(ctx.db.pool, id, ctx.actor.viewPath);
  if (!round) throw notFound('round');
  return loadRound(ctx.db.pool, ctx.actor, round);
}

export async function listRounds(ctx: Ctx) {
  const { rows } = await ctx.db.pool.query<RoundRow & { candidate_count: number }>(
    `select r.id, r.unit_id, u.name as unit_name, r.unit_path::text as unit_path, r.campaign_id, c.title as campaign_title, r.title, r.state, r.opened_at,
            (select count(*) from recognition_candidate k join registration g on g.id = k.registration_id where k.round_id = r.id and g.unit_path <@ $1::ltree) as candidate_count
       from recognition_round r join unit u on u.id = r.unit_id left join campaign c on c.id = r.campaign_id
      where r.unit_path @> $1::ltree or r.unit_path <@ $1::ltree order by r.opened_at desc limit 200`,
    [ctx.actor.viewPath],
  );
  return {
    total: rows.length,
    items: rows.map((r) => ({
      id: r.id, unit: { id: r.unit_id, name: r.unit_name }, campaign: r.campaign_id ? { id: r.campaign_id, title: r.campaign_title! } : null,
      title: r.title, state: r.state, openedAt: r.opened_at.toISOString(), candidateCount: r.candidate_count,
      actions: r.state === 'open' && can(ctx.actor, 'recognition.manage', { path: r.unit_path }) ? ['add_candidate', 'close'] : [],
    })),
  };
}

/** Runs a change on one candidate of an open round, after checking the action is allowed. */
async function onCandidate(ctx: Ctx, roundId: string, registrationId: string, action: CandidateAction, apply: (q: Queryable, round: RoundRow) => Promise<Record<string, unknown> | void>) {
  return ctx.db.tx(async (q) => {
    const round = await findRound(q, roundId, ctx.actor.viewPath, true);
    if (!round) throw notFound('round');
    if (round.state !== 'open') throw new AppError('ROUND_CLOSED');
    const { rows } = await q.query<{ unit_path: string; result: string | null }>(
      `select r.unit_path::text as unit_path, c.result from recognition_candidate c join registration r on r.id = c.registration_id
        where c.round_id = $1 and c.registration_id = $2 and r.unit_path <@ $3::ltree for update of c`,
      [roundId, registrationId, ctx.actor.viewPath],
    );
    const cand = rows[0];
    if (!cand) throw notFound('candidate');
    if (cand.result) throw new AppError('ROUND_CLOSED');
    if (!candidateActions(ctx.actor, round, cand).includes(action)) throw new AppError('FORBIDDEN');
    const detail = await apply(q, round);
    await insertAudit(q, {
      actorId: ctx.actor.id, actorName: ctx.actor.name, action: `recognition.${action}`, entityType: 'registration',
      entityId: registrationId, entityLabel: round.title, unitPath: cand.unit_path, after: { roundId, ...(detail ?? {}) }, ip: ctx.ip,
    });
    return loadRound(q, ctx.actor, round);
  });
}

export async function addCandidate(ctx: Ctx, roundId: string, registrationId: string) {
  return ctx.db.tx(async (q) => {
    const round = await findRound(q, roundId, ctx.actor.viewPath, true);
    if (!round) throw notFound('round');
    if (!can(ctx.actor, 'recognition.manage', { path: round.unit_path })) throw new AppError('FORBIDDEN');
    if (round.state !== 'open') throw new AppError('ROUND_CLOSED');
    const reg = await findRegistrationInScope(q, registrationId, ctx.actor.viewPath);
    if (!reg) throw notFound('registration');
    const dup = await q.query('select 1 from recognition_candidate where round_id = $1 and registration_id = $2', [roundId, registrationId]);
    if (reg.state !== 'accepted' || !inSubtree(reg.unit_path, round.unit_path) || dup.rows.length) throw new AppError('CANDIDATE_INVALID');
    await q.query('insert into recognition_candidate (round_id, registration_id) values ($1, $2)', [roundId, registrationId]);
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'recognition.add_candidate', entityType: 'registration', entityId: reg.id, entityLabel: reg.title, unitPath: reg.unit_path, after: { roundId }, ip: ctx.ip });
    return loadRound(q, ctx.actor, round);
  });
}

export function setChecklist(ctx: Ctx, roundId: string, registrationId: string, body: z.infer<typeof ChecklistBody>) {
  return onCandidate(ctx, roundId, registrationId, 'check', async (q) => {
    const own = new Set((await listCriteria(q, registrationId)).map((c) => c.id));
    if (body.items.some((i) => !own.has(i.criterionId))) throw new AppError('CRITERION_UNKNOWN');
    const patch = Object.fromEntries(body.items.map((i) => [i.criterionId, i.mark]));
    await q.query('update recognition_candidate set checklist = checklist || $3::jsonb where round_id = $1 and registration_id = $2', [roundId, registrationId, JSON.stringify(patch)]);
    return { checklist: patch };
  });
}

export function acknowledge(ctx: Ctx, roundId: string, registrationId: string, body: z.infer<typeof AcknowledgeBody>) {
  return onCandidate(ctx, roundId, registrationId, 'acknowledge', async (q) => {
    await q.query('update recognition_candidate set acknowledged = true, acknowledgement_note = $3, acknowledged_by = $4 where round_id = $1 and registration_id = $2',
      [roundId, registrationId, body.note ?? null, ctx.actor.id]);
  });
}

/** An open vote: each member has one, and may change it until the decision. */
export function castVote(ctx: Ctx, roundId: string, registrationId: string, vote: 'for' | 'against' | 'abstain') {
  return onCandidate(ctx, roundId, registrationId, 'vote', async (q) => {
    await q.query(
      `insert into recognition_vote (round_id, registration_id, voter_id, voter_name, vote) values ($1, $2, $3, $4, $5)
       on conflict (round_id, registration_id, voter_id) do update set vote = excluded.vote, at = now()`,
      [roundId, registrationId, ctx.actor.id, ctx.actor.name, vote],
    );
    return { vote };
  });
}

export function decide(ctx: Ctx, roundId: string, registrationId: string, body: z.infer<typeof DecideBody>) {
  return onCandidate(ctx, roundId, registrationId, 'decide', async (q) => {
    const { rows } = await q.query<{ checklist: Record<string, string>; acknowledged: boolean }>(
      'select checklist, acknowledged from recognition_candidate where round_id = $1 and registration_id = $2', [roundId, registrationId]);
    const cand = rows[0]!;
    const votes = (await q.query<{ vote: string }>('select vote from recognition_vote where round_id = $1 and registration_id = $2', [roundId, registrationId])).rows;
    if (body.result === 'recognised') {
      const missing: string[] = [];
      const criteria = await listCriteria(q, registrationId);
      const marks = criteria.map((c) => cand.checklist[c.id]);
      if (marks.some((m) => !m)) missing.push('chưa đánh giá đủ các tiêu chí');
      if (marks.some((m) => m === 'not_met')) missing.push('có tiêu chí không đạt');
      if (!cand.acknowledged) missing.push('tập thể nơi mô hình, điển hình hoạt động chưa xác nhận');
      const yes = votes.filter((v) => v.vote === 'for').length;
      if (votes.length < RECOGNITION_MIN_VOTES) missing.push(`mới có ${votes.length} phiếu biểu quyết, cần ít nhất ${RECOGNITION_MIN_VOTES} thành viên biểu quyết`);
      else if (yes * 2 <= votes.length) missing.push(`số phiếu tán thành (${yes}/${votes.length}) chưa quá một nửa`);
      if (!body.decisionNo || !body.decisionDate || !body.issuer || !body.level) missing.push('thiếu cấp công nhận, số quyết định, ngày quyết định hoặc cơ quan ban hành');
      if (missing.length) throw new AppError('RECOGNITION_INCOMPLETE', { detail: missing.join('; ') + '.' });
    }
    const reg = (await findRegistrationInScope(q, registrationId, ''))!;
    await transitionIn(q, ctx, registrationId, body.result === 'recognised' ? 'recognise' : 'not_recognise',
      { version: reg.version, reason: body.result === 'recognised' ? `Quyết định số ${body.decisionNo}` : body.reasons }, { decided_at: new Date() });
    await q.query(
      `update recognition_candidate set result = $3, level = $4, decision_no = $5, decision_date = $6, issuer = $7, reasons = $8, decided_at = now()
        where round_id = $1 and registration_id = $2`,
      [roundId, registrationId, body.result, body.level ?? null, body.decisionNo ?? null, body.decisionDate ?? null, body.issuer ?? null, body.reasons ?? null],
    );
    return { ...body };
  });
}

export async function closeRound(ctx: Ctx, roundId: string) {
  return ctx.db.tx(async (q) => {
    const round = await findRound(q, roundId, ctx.actor.viewPath, true);
    if (!round) throw notFound('round');
    if (!can(ctx.actor, 'recognition.manage', { path: round.unit_path })) throw new AppError('FORBIDDEN');
    if (round.state !== 'open') throw new AppError('ROUND_CLOSED');
    await q.query(`update recognition_round set state = 'closed', closed_at = now(), version = version + 1 where id = $1`, [roundId]);
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'recognition.close', entityType: 'round', entityId: roundId, entityLabel: round.title, unitPath: round.unit_path, ip: ctx.ip });
    return loadRound(q, ctx.actor, { ...round, state: 'closed' });
  });
}
