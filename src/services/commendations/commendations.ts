/**
 * Commendations of recognised models and exemplars, and proposals to the level above: a proposal
 * lands in the receiving level's queue, where it is accepted (with the commendation it issues)
 * or declined with a note. Who may is the policy's (a registration's `commend`/`propose`, a
 * proposal's `accept`/`decline`); the SQL is in data/commendations-repo.ts.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { insertAudit } from '../../data/audit-repo.js';
import { notify } from '../notifications/notify.js';
import { parseSort } from '../../domain/list-sort.js';
import { anyScope } from '../../domain/scope.js';
import {
  activeFormName,
  findProposal,
  insertCommendation as insertCommendationRow,
  insertProposal,
  listCommendationRows,
  listProposalRows,
  recordProposalDecision,
  unitById,
  unitIdAtPath,
  unitsAbove,
  type ProposalRow,
} from '../../data/commendations-repo.js';
import { listCommendationForms } from '../../data/catalogues-repo.js';
import type { Queryable } from '../../data/db.js';
import { findRegistrationInScope } from '../../data/registrations-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { CommendationInput, DecideProposal, ProposalInput, ProposalQuery } from '../../domain/commendation-schemas.js';
import { COMMENDABLE_STATES, proposalActions, reasonGiven, type Actor, type ProposalFacts } from '../../domain/policy.js';
import { belowSubtree, inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { registrationActions } from '../registrations/present.js';

async function formName(q: Queryable, code: string): Promise<string> {
  const name = await activeFormName(q, code);
  if (name === null) throw new AppError('FIELD_UNKNOWN', { code });
  return name;
}

async function recognisedInScope(q: Queryable, ctx: Ctx, registrationId: string) {
  const reg = await findRegistrationInScope(q, registrationId, inScope(ctx.actor.viewPath), true);
  if (!reg) throw notFound('registration');
  if (!COMMENDABLE_STATES.includes(reg.state)) throw new AppError('NOT_RECOGNISED_YET');
  return reg;
}

async function insertCommendation(
  q: Queryable,
  ctx: Ctx,
  registrationId: string,
  unitPath: string,
  title: string,
  input: z.infer<typeof CommendationInput>,
) {
  const name = await formName(q, input.formCode);
  const id = randomUUID();
  await insertCommendationRow(q, {
    id,
    registrationId,
    formCode: input.formCode,
    issuer: input.issuer,
    decisionNo: input.decisionNo,
    decisionDate: input.decisionDate,
    note: input.note ?? null,
    createdBy: ctx.actor.id,
  });
  const reg = (await findRegistrationInScope(q, registrationId, anyScope))!;
  await notify(q, {
    kind: 'registration.commended',
    entityType: 'registration',
    entityId: registrationId,
    path: unitPath,
    label: title,
    reason: `${name}, quyết định số ${input.decisionNo}`,
    actorId: ctx.actor.id,
    persons: { registrant: reg.created_by },
  });
  await insertAudit(q, {
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action: 'commendation.create',
    entityType: 'registration',
    entityId: registrationId,
    entityLabel: title,
    unitPath,
    after: { ...input, formName: name },
    ip: ctx.ip,
  });
  return {
    id,
    formCode: input.formCode,
    formName: name,
    issuer: input.issuer,
    decisionNo: input.decisionNo,
    decisionDate: input.decisionDate,
    note: input.note ?? null,
  };
}

/** The catalogue of commendation forms. */
export function commendationForms(ctx: Ctx) {
  return listCommendationForms(ctx.db.pool);
}

export async function recordCommendation(ctx: Ctx, registrationId: string, input: z.infer<typeof CommendationInput>) {
  return ctx.db.tx(async (q) => {
    const reg = await recognisedInScope(q, ctx, registrationId);
    if (!registrationActions(ctx.actor, reg).includes('commend')) throw new AppError('FORBIDDEN');
    return insertCommendation(q, ctx, reg.id, reg.unit_path, reg.title, input);
  });
}

export async function listCommendations(ctx: Ctx, registrationId: string) {
  const reg = await findRegistrationInScope(ctx.db.pool, registrationId, inScope(ctx.actor.viewPath));
  if (!reg) throw notFound('registration');
  const rows = await listCommendationRows(ctx.db.pool, reg.id);
  return rows.map((r) => ({
    id: r.id,
    formCode: r.form_code,
    formName: r.form_name,
    issuer: r.issuer,
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    note: r.note,
  }));
}

/** Where the user may send a proposal: the levels above their own, nearest first. */
export async function proposalTargets(ctx: Ctx) {
  if (!ctx.actor.entryPath) return [];
  return unitsAbove(ctx.db.pool, ctx.actor.entryPath);
}

export async function propose(ctx: Ctx, registrationId: string, input: z.infer<typeof ProposalInput>) {
  return ctx.db.tx(async (q) => {
    const reg = await recognisedInScope(q, ctx, registrationId);
    if (!registrationActions(ctx.actor, reg).includes('propose') || !ctx.actor.entryPath) throw new AppError('FORBIDDEN');
    // The receiving unit is above the proposer's own level: a strict ancestor of its entry scope.
    const to = await unitById(q, input.toUnitId);
    if (!to || !belowSubtree(ctx.actor.entryPath, to.path)) throw new AppError('PROPOSAL_TARGET_INVALID');
    await formName(q, input.formCode);
    const id = randomUUID();
    const from = (await unitIdAtPath(q, ctx.actor.entryPath))!;
    await insertProposal(q, {
      id,
      registrationId: reg.id,
      fromUnitId: from.id,
      toUnitId: to.id,
      toUnitPath: to.path,
      formCode: input.formCode,
      reason: input.reason,
      proposedBy: ctx.actor.id,
    });
    await notify(q, {
      kind: 'proposal.received',
      entityType: 'proposal',
      entityId: id,
      path: to.path,
      label: reg.title,
      reason: input.reason,
      actorId: ctx.actor.id,
    });
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'commendation.propose',
      entityType: 'registration',
      entityId: reg.id,
      entityLabel: reg.title,
      unitPath: reg.unit_path,
      after: input,
      ip: ctx.ip,
    });
    return loadProposal(q, ctx.actor, id);
  });
}

const proposalFacts = (p: ProposalRow): ProposalFacts => ({ toUnitPath: p.to_unit_path, state: p.state });

function present(actor: Actor, p: ProposalRow) {
  return {
    id: p.id,
    registration: { id: p.registration_id, title: p.title, unitName: p.reg_unit_name },
    fromUnit: { id: p.from_unit_id, name: p.from_name },
    toUnit: { id: p.to_unit_id, name: p.to_name },
    formCode: p.form_code,
    formName: p.form_name,
    reason: p.reason,
    state: p.state,
    proposedAt: p.proposed_at.toISOString(),
    decisionNote: p.decision_note,
    version: p.version,
    actions: proposalActions(actor, proposalFacts(p)),
  };
}

async function loadProposal(q: Queryable, actor: Actor, id: string) {
  const row = await findProposal(q, id, inScope(actor.viewPath));
  if (!row) throw notFound('proposal');
  return present(actor, row);
}

export async function listProposals(ctx: Ctx, query: z.infer<typeof ProposalQuery>) {
  const { rows, total } = await listProposalRows(
    ctx.db.pool,
    {
      view: inScope(ctx.actor.viewPath),
      ...(query.queue === 'incoming' ? { incomingTo: ctx.actor.entryPath } : {}),
      ...(query.queue === 'outgoing' ? { proposedBy: ctx.actor.id } : {}),
      ...(query.state ? { state: query.state } : {}),
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
    parseSort(query.sort),
  );
  return { items: rows.map((r) => present(ctx.actor, r)), total };
}

export async function decideProposal(ctx: Ctx, id: string, input: z.infer<typeof DecideProposal>) {
  return ctx.db.tx(async (q) => {
    const p = await findProposal(q, id, inScope(ctx.actor.viewPath), true);
    if (!p) throw notFound('proposal');
    if (p.state !== 'pending')
      throw new AppError('ILLEGAL_TRANSITION', {
        transition: input.accept ? 'Chấp nhận' : 'Từ chối',
        state: p.state === 'accepted' ? 'Đã chấp nhận' : 'Đã từ chối',
      });
    if (!proposalActions(ctx.actor, proposalFacts(p)).includes(input.accept ? 'accept' : 'decline')) throw new AppError('FORBIDDEN');
    if (p.version !== input.version) throw new AppError('STALE_VERSION');
    if (!input.accept && !reasonGiven(input.note)) throw new AppError('REASON_REQUIRED');
    let commendationId: string | null = null;
    if (input.accept && input.commendation) {
      commendationId = (
        await insertCommendation(q, ctx, p.registration_id, p.reg_unit_path, p.title, { ...input.commendation, formCode: p.form_code })
      ).id;
    }
    await recordProposalDecision(q, id, { accepted: input.accept, by: ctx.actor.id, note: input.note ?? null, commendationId });
    await notify(q, {
      kind: input.accept ? 'proposal.accepted' : 'proposal.declined',
      entityType: 'proposal',
      entityId: id,
      path: p.reg_unit_path,
      label: p.title,
      reason: input.note ?? null,
      actorId: ctx.actor.id,
      persons: { proposer: p.proposed_by },
    });
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: input.accept ? 'commendation.proposal_accept' : 'commendation.proposal_decline',
      entityType: 'registration',
      entityId: p.registration_id,
      entityLabel: p.title,
      unitPath: p.reg_unit_path,
      after: { proposalId: id, note: input.note ?? null },
      ip: ctx.ip,
    });
    return loadProposal(q, ctx.actor, id);
  });
}
