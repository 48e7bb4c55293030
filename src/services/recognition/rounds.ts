/**
 * Recognition rounds: the committee opens a round, adds accepted registrations as candidates,
 * checks each against its criteria, the collective acknowledges, members vote openly, and the
 * committee decides. A decision moves the registration through the workflow in the same
 * transaction, so the state, the timeline, the candidate row and the audit land together.
 * Who may do what is the policy's (round and candidate rules); when a candidate may be
 * recognised is the domain's `recognitionShortfalls`; the SQL is in data/rounds-repo.ts.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { insertAudit } from '../../data/audit-repo.js';
import { notify } from '../notifications/notify.js';
import { campaignSeenFrom } from '../../data/campaigns-repo.js';
import type { Queryable } from '../../data/db.js';
import { findRegistrationInScope, listCriteria } from '../../data/registrations-repo.js';
import {
  closeRoundRow,
  criteriaOf,
  findRound,
  inspectionPhotosOf,
  insertCandidate,
  insertRound,
  isCandidate,
  listCandidates,
  listRounds as listRoundRows,
  listVotes,
  lockCandidate,
  mergeChecklist,
  recordDecision,
  setAcknowledged,
  upsertVote,
  type RoundRow,
} from '../../data/rounds-repo.js';
import { findUnitInScope } from '../../data/units-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can, candidateActions, roundActions, type CandidateAction, type CandidateFacts, type RoundFacts } from '../../domain/policy.js';
import { isOverdue, localDay } from '../../domain/deadlines.js';
import { DECISION_INCOMPLETE, readinessGaps, type ReadinessGap, type VoteValue } from '../../domain/recognition.js';
import { formatDateVi } from '../../domain/statistics.js';
import type { AcknowledgeBody, Candidate, ChecklistBody, DecideBody, OpenRound, Round } from '../../domain/recognition-schemas.js';
import { anyScope, inScope, inSubtree } from '../../domain/scope.js';
import { campaignVisibleTo } from '../campaigns/visible-campaign.js';
import type { Ctx } from '../context.js';
import { transitionIn } from '../registrations/transition-registration.js';

/** The screen lists the newest rounds; `total` says how many there are. */
const ROUND_LIST_LIMIT = 200;

const roundFacts = (r: RoundRow): RoundFacts => ({ path: r.unit_path, open: r.state === 'open' });
const candidateFacts = (round: RoundRow, c: { unit_path: string; result: string | null }, gaps?: ReadinessGap[]): CandidateFacts => ({
  round: roundFacts(round),
  unitPath: c.unit_path,
  decided: c.result !== null,
  ready: gaps ? gaps.length === 0 : undefined,
});

async function loadRound(q: Queryable, ctx: Ctx, round: RoundRow): Promise<Round> {
  const actor = ctx.actor;
  const view = inScope(actor.viewPath);
  // An undecided candidate of an open round past its campaign's recognition date is late.
  const late = round.state === 'open' && isOverdue(localDay(ctx.now ?? new Date()), round.recognition_date);
  const rows = await listCandidates(q, round.id, view);
  const votes = await listVotes(q, round.id);
  const ids = rows.map((c) => c.registration_id);
  const criteria = await criteriaOf(q, ids);
  const photos = await inspectionPhotosOf(q, ids);
  const candidates: Candidate[] = rows.map((c) => {
    const cast = votes.filter((v) => v.registration_id === c.registration_id);
    const count = (v: VoteValue) => cast.filter((x) => x.vote === v).length;
    const own = criteria.get(c.registration_id)!;
    // What the candidate still lacks for recognition; a decided candidate lacks nothing more.
    const gaps = c.result
      ? []
      : readinessGaps({ marks: own.map((k) => c.checklist[k.id]), acknowledged: c.acknowledged, votes: cast.map((v) => v.vote) });
    return {
      registration: {
        id: c.registration_id,
        title: c.title,
        unitName: c.unit_name,
        state: c.state,
        kind: c.kind,
        holder: c.holder,
        personName: c.person_name,
      },
      checklist: own.map((k) => ({
        criterionId: k.id,
        name: k.name,
        target: k.target,
        unitOfMeasure: k.unit_of_measure,
        achieved: k.achieved,
        completionPct: k.completion_pct,
        inspectedOn: k.inspected_on,
        mark: c.checklist[k.id] ?? null,
        reason: c.checklist_reasons[k.id] ?? null,
      })),
      photos: photos
        .filter((p) => p.registration_id === c.registration_id)
        .map((p) => ({ id: p.id, fileName: p.file_name, inspectedOn: p.inspected_on })),
      acknowledged: c.acknowledged,
      acknowledgementNote: c.acknowledgement_note,
      votes: cast.map((v) => ({ voterName: v.voter_name, vote: v.vote, at: v.at.toISOString(), mine: v.voter_id === actor.id })),
      tally: { for: count('for'), against: count('against'), abstain: count('abstain') },
      result: c.result,
      level: c.level,
      decisionNo: c.decision_no,
      decisionDate: c.decision_date,
      issuer: c.issuer,
      reasons: c.reasons,
      missing: gaps,
      overdue: late && !c.result,
      actions: candidateActions(actor, candidateFacts(round, c, gaps)),
    };
  });
  return {
    id: round.id,
    unit: { id: round.unit_id, name: round.unit_name },
    campaign: round.campaign_id ? { id: round.campaign_id, title: round.campaign_title! } : null,
    recognitionDate: round.recognition_date,
    title: round.title,
    state: round.state,
    openedAt: round.opened_at.toISOString(),
    candidates,
    actions: roundActions(actor, roundFacts(round)),
  };
}

async function roundInView(q: Queryable, ctx: Ctx, id: string, lock = false): Promise<RoundRow> {
  const round = await findRound(q, id, inScope(ctx.actor.viewPath), lock);
  if (!round) throw notFound('round');
  return round;
}

export async function openRound(ctx: Ctx, input: z.infer<typeof OpenRound>) {
  return ctx.db.tx(async (q) => {
    const unit = await findUnitInScope(q, input.unitId, inScope(ctx.actor.viewPath));
    if (!unit) throw notFound('unit');
    if (!can(ctx.actor, 'recognition.manage', { path: unit.path })) throw new AppError('FORBIDDEN');
    if (input.campaignId) {
      // The campaign must be one this committee can see: launched at its level or above, or below it.
      // A draft is seen only by those who may edit it.
      const seen = await campaignSeenFrom(q, input.campaignId, unit.path);
      if (!seen || !campaignVisibleTo(ctx.actor, seen)) throw notFound('campaign');
    }
    const id = randomUUID();
    await insertRound(q, {
      id,
      campaignId: input.campaignId ?? null,
      unitId: unit.id,
      unitPath: unit.path,
      title: input.title,
      openedBy: ctx.actor.id,
    });
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'recognition.open',
      entityType: 'round',
      entityId: id,
      entityLabel: input.title,
      unitPath: unit.path,
      after: input,
      ip: ctx.ip,
    });
    return loadRound(q, ctx, await roundInView(q, ctx, id));
  });
}

export async function getRound(ctx: Ctx, id: string) {
  return loadRound(ctx.db.pool, ctx, await roundInView(ctx.db.pool, ctx, id));
}

export async function listRounds(ctx: Ctx) {
  const { rows, total } = await listRoundRows(ctx.db.pool, inScope(ctx.actor.viewPath), ROUND_LIST_LIMIT);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      unit: { id: r.unit_id, name: r.unit_name },
      campaign: r.campaign_id ? { id: r.campaign_id, title: r.campaign_title! } : null,
      recognitionDate: r.recognition_date,
      title: r.title,
      state: r.state,
      openedAt: r.opened_at.toISOString(),
      candidateCount: r.candidate_count,
      actions: roundActions(ctx.actor, roundFacts(r)),
    })),
  };
}

/** Runs a change on one candidate of an open round, after checking the action is allowed. */
async function onCandidate(
  ctx: Ctx,
  roundId: string,
  registrationId: string,
  action: CandidateAction,
  apply: (
    q: Queryable,
    round: RoundRow,
    cand: NonNullable<Awaited<ReturnType<typeof lockCandidate>>>,
  ) => Promise<Record<string, unknown> | void>,
) {
  return ctx.db.tx(async (q) => {
    const round = await roundInView(q, ctx, roundId, true);
    if (round.state !== 'open') throw new AppError('ROUND_CLOSED');
    const cand = await lockCandidate(q, roundId, registrationId, inScope(ctx.actor.viewPath));
    if (!cand) throw notFound('candidate');
    if (cand.result) throw new AppError('ROUND_CLOSED');
    if (!candidateActions(ctx.actor, candidateFacts(round, cand)).includes(action)) throw new AppError('FORBIDDEN');
    const detail = await apply(q, round, cand);
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: `recognition.${action}`,
      entityType: 'registration',
      entityId: registrationId,
      entityLabel: round.title,
      unitPath: cand.unit_path,
      after: { roundId, ...(detail ?? {}) },
      ip: ctx.ip,
    });
    return loadRound(q, ctx, round);
  });
}

export async function addCandidate(ctx: Ctx, roundId: string, registrationId: string) {
  return ctx.db.tx(async (q) => loadRound(q, ctx, await addCandidateIn(q, ctx, roundId, registrationId)));
}

/** Adds a candidate inside the caller's transaction (bulk work takes it once per record); answers the round. */
export async function addCandidateIn(q: Queryable, ctx: Ctx, roundId: string, registrationId: string): Promise<RoundRow> {
  const round = await roundInView(q, ctx, roundId, true);
  if (!can(ctx.actor, 'recognition.manage', { path: round.unit_path })) throw new AppError('FORBIDDEN');
  if (!roundActions(ctx.actor, roundFacts(round)).includes('add_candidate')) throw new AppError('ROUND_CLOSED');
  const reg = await findRegistrationInScope(q, registrationId, inScope(ctx.actor.viewPath));
  if (!reg) throw notFound('registration');
  if (reg.state !== 'accepted' || !inSubtree(reg.unit_path, round.unit_path) || (await isCandidate(q, roundId, registrationId)))
    throw new AppError('CANDIDATE_INVALID');
  await insertCandidate(q, roundId, registrationId);
  await notify(q, {
    kind: 'round.candidate_added',
    entityType: 'round',
    entityId: roundId,
    path: reg.unit_path,
    round: { path: round.unit_path, id: roundId, registrationId: reg.id },
    label: reg.title,
    actorId: ctx.actor.id,
    data: { roundTitle: round.title },
  });
  await insertAudit(q, {
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action: 'recognition.add_candidate',
    entityType: 'registration',
    entityId: reg.id,
    entityLabel: reg.title,
    unitPath: reg.unit_path,
    after: { roundId },
    ip: ctx.ip,
  });
  return round;
}

export function setChecklist(ctx: Ctx, roundId: string, registrationId: string, body: z.infer<typeof ChecklistBody>) {
  return onCandidate(ctx, roundId, registrationId, 'check', async (q) => {
    const own = new Map((await criteriaOf(q, [registrationId])).get(registrationId)!.map((c) => [c.id, c]));
    if (body.items.some((i) => !own.has(i.criterionId))) throw new AppError('CRITERION_UNKNOWN');
    // "Met" below the recorded target needs the committee's written reason, kept with the mark.
    const reasons: Record<string, string> = {};
    for (const i of body.items) {
      const c = own.get(i.criterionId)!;
      const reason = i.reason?.trim() ? i.reason.trim() : null;
      if (i.mark === 'met' && c.completion_pct !== null && c.completion_pct < 100 && !reason)
        throw new AppError('CHECKLIST_REASON_REQUIRED', { name: c.name, pct: c.completion_pct, date: formatDateVi(c.inspected_on!) });
      if (reason) reasons[i.criterionId] = reason;
    }
    const patch = Object.fromEntries(body.items.map((i) => [i.criterionId, i.mark]));
    await mergeChecklist(q, roundId, registrationId, patch, reasons);
    return { checklist: patch, reasons };
  });
}

export function acknowledge(ctx: Ctx, roundId: string, registrationId: string, body: z.infer<typeof AcknowledgeBody>) {
  return onCandidate(ctx, roundId, registrationId, 'acknowledge', async (q) => {
    await setAcknowledged(q, roundId, registrationId, body.note ?? null, ctx.actor.id);
  });
}

/** An open vote: each member has one, and may change it until the decision. */
export function castVote(ctx: Ctx, roundId: string, registrationId: string, vote: VoteValue) {
  return onCandidate(ctx, roundId, registrationId, 'vote', async (q) => {
    await upsertVote(q, { roundId, registrationId, voterId: ctx.actor.id, voterName: ctx.actor.name, vote });
    return { vote };
  });
}

export function decide(ctx: Ctx, roundId: string, registrationId: string, body: z.infer<typeof DecideBody>) {
  return onCandidate(ctx, roundId, registrationId, 'decide', async (q, _round, cand) => {
    if (body.result === 'recognised') {
      // The same gaps the candidate's card lists (its button is disabled until there are none),
      // then the decision's own details; a premature decision is refused with the whole list.
      const criteria = await listCriteria(q, registrationId);
      const votes = await listVotes(q, roundId, registrationId);
      const missing: { code: string; message: string }[] = readinessGaps({
        marks: criteria.map((c) => cand.checklist[c.id]),
        acknowledged: cand.acknowledged,
        votes: votes.map((v) => v.vote),
      });
      if (!body.decisionNo || !body.decisionDate || !body.issuer || !body.level)
        missing.push({ code: 'decision_incomplete', message: DECISION_INCOMPLETE });
      if (missing.length) throw new AppError('RECOGNITION_INCOMPLETE', { detail: missing.map((m) => m.message).join('; ') + '.' }, missing);
    }
    // The candidate was found inside the caller's view above; read its registration again for the version.
    const reg = (await findRegistrationInScope(q, registrationId, anyScope))!;
    await transitionIn(
      q,
      ctx,
      registrationId,
      body.result === 'recognised' ? 'recognise' : 'not_recognise',
      { version: reg.version, reason: body.result === 'recognised' ? `Quyết định số ${body.decisionNo}` : body.reasons },
      { decided_at: new Date() },
    );
    await recordDecision(q, roundId, registrationId, {
      result: body.result,
      level: body.level ?? null,
      decisionNo: body.decisionNo ?? null,
      decisionDate: body.decisionDate ?? null,
      issuer: body.issuer ?? null,
      reasons: body.reasons ?? null,
    });
    return { ...body };
  });
}

export async function closeRound(ctx: Ctx, roundId: string) {
  return ctx.db.tx(async (q) => {
    const round = await roundInView(q, ctx, roundId, true);
    if (!can(ctx.actor, 'recognition.manage', { path: round.unit_path })) throw new AppError('FORBIDDEN');
    if (!roundActions(ctx.actor, roundFacts(round)).includes('close')) throw new AppError('ROUND_CLOSED');
    await closeRoundRow(q, roundId);
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'recognition.close',
      entityType: 'round',
      entityId: roundId,
      entityLabel: round.title,
      unitPath: round.unit_path,
      ip: ctx.ip,
    });
    return loadRound(q, ctx, { ...round, state: 'closed' });
  });
}
