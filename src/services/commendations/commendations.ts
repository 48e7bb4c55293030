/**
 * Commendations of recognised models and exemplars, and proposals to the level above: a proposal
 * lands in the receiving level's queue, where it is accepted (with the commendation it issues)
 * or declined with a note.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { insertAudit } from '../../data/audit-repo.js';
import type { Queryable } from '../../data/db.js';
import { findRegistrationInScope } from '../../data/registrations-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { CommendationInput, DecideProposal, ProposalInput, ProposalQuery } from '../../domain/commendation-schemas.js';
import { can, type Actor } from '../../domain/policy.js';
import { belowSubtree } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { registrationActions } from '../registrations/present.js';

async function formName(q: Queryable, code: string): Promise<string> {
  const { rows } = await q.query<{ name: string }>('select name from commendation_form where code = $1 and active', [code]);
  if (!rows[0]) throw new AppError('FIELD_UNKNOWN', { code });
  return rows[0].name;
}

async function recognisedInScope(q: Queryable, ctx: Ctx, registrationId: string) {
  const reg = await findRegistrationInScope(q, registrationId, ctx.actor.viewPath, true);
  if (!reg) throw notFound('registration');
  if (reg.state !== 'recognised' && reg.state !== 'completed') throw new AppError('NOT_RECOGNISED_YET');
  return reg;
}

async function insertCommendation(q: Queryable, ctx: Ctx, registrationId: string, unitPath: string, title: string, input: z.infer<typeof CommendationInput>) {
  const name = await formName(q, input.formCode);
  const id = randomUUID();
  await q.query(
    'insert into commendation (id, registration_id, form_code, issuer, decision_no, decision_date, note, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [id, registrationId, input.formCode, input.issuer, input.decisionNo, input.decisionDate, input.note ?? null, ctx.actor.id],
  );
  await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'commendation.create', entityType: 'registration', entityId: registrationId, entityLabel: title, unitPath, after: { ...input, formName: name }, ip: ctx.ip });
  return { id, formCode: input.formCode, formName: name, issuer: input.issuer, decisionNo: input.decisionNo, decisionDate: input.decisionDate, note: input.note ?? null };
}

export async function recordCommendation(ctx: Ctx, registrationId: string, input: z.infer<typeof CommendationInput>) {
  return ctx.db.tx(async (q) => {
    const reg = await recognisedInScope(q, ctx, registrationId);
    if (!registrationActions(ctx.actor, reg).includes('commend')) throw new AppError('FORBIDDEN');
    return insertCommendation(q, ctx, reg.id, reg.unit_path, reg.title, input);
  });
}

export async function listCommendations(ctx: Ctx, registrationId: string) {
  const reg = await findRegistrationInScope(ctx.db.pool, registrationId, ctx.actor.viewPath);
  if (!reg) throw notFound('registration');
  const { rows } = await ctx.db.pool.query<{ id: string; form_code: string; form_name: string; issuer: string; decision_no: string; decision_date: string; note: string | null }>(
    `select c.id, c.form_code, f.name as form_name, c.issuer, c.decision_no, c.decision_date, c.note from commendation c
       join commendation_form f on f.code = c.form_code where c.registration_id = $1 order by c.decision_date, c.created_at`,
    [reg.id],
  );
  return rows.map((r) => ({ id: r.id, formCode: r.form_code, formName: r.form_name, issuer: r.issuer, decisionNo: r.decision_no, decisionDate: r.decision_date, note: r.note }));
}

export async function propose(ctx: Ctx, registrationId: string, input: z.infer<typeof ProposalInput>) {
  return ctx.db.tx(async (q) => {
    const reg = await recognisedInScope(q, ctx, registrationId);
    if (!registrationActions(ctx.actor, reg).includes('propose') || !ctx.actor.entryPath) throw new AppError('FORBIDDEN');
    // The receiving unit is above the proposer's own level: a strict ancestor of its entry scope.
    const { rows } = await q.query<{ id: string; path: string }>('select id, path::text as path from unit where id = $1', [input.toUnitId]);
    const to = rows[0];
    if (!to || !belowSubtree(ctx.actor.entryPath, to.path)) throw new AppError('PROPOSAL_TARGET_INVALID');
    await formName(q, input.formCode);
    const id = randomUUID();
    const from = (await q.query<{ id: string }>('select id from unit where path = $1::ltree', [ctx.actor.entryPath])).rows[0]!;
    await q.query(
      `insert into commendation_proposal (id, registration_id, from_unit_id, to_unit_id, to_unit_path, form_code, reason, proposed_by)
       values ($1, $2, $3, $4, $5::ltree, $6, $7, $8)`,
      [id, reg.id, from.id, to.id, to.path, input.formCode, input.reason, ctx.actor.id],
    );
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'commendation.propose', entityType: 'registration', entityId: reg.id, entityLabel: reg.title, unitPath: reg.unit_path, after: input, ip: ctx.ip });
    return loadProposal(q, ctx.actor, id);
  });
}

interface ProposalRow {
  id: string; registration_id: string; title: string; reg_unit_name: string; reg_unit_path: string; from_unit_id: string; from_name: string;
  to_unit_id: string; to_name: string; to_unit_path: string; form_code: string; form_name: string; reason: string; state: 'pending' | 'accepted' | 'declined';
  proposed_at: Date; decision_note: string | null; version: number; proposed_by: string;
}

const SELECT = `select p.*, p.to_unit_path::text as to_unit_path, r.title, ru.name as reg_unit_name, r.unit_path::text as reg_unit_path,
    fu.name as from_name, tu.name as to_name, f.name as form_name
  from commendation_proposal p join registration r on r.id = p.registration_id join unit ru on ru.id = r.unit_id
  join unit fu on fu.id = p.from_unit_id join unit tu on tu.id = p.to_unit_id join commendation_form f on f.code = p.form_code`;

const DECIDE: ('accept' | 'decline')[] = ['accept', 'decline'];

/** The receiving level decides: movement officers whose entry scope holds the receiving unit. */
const mayDecide = (actor: Actor, p: ProposalRow) => p.state === 'pending' && can(actor, 'commendation.record', { path: p.to_unit_path });

function present(actor: Actor, p: ProposalRow) {
  return {
    id: p.id, registration: { id: p.registration_id, title: p.title, unitName: p.reg_unit_name },
    fromUnit: { id: p.from_unit_id, name: p.from_name }, toUnit: { id: p.to_unit_id, name: p.to_name },
    formCode: p.form_code, formName: p.form_name, reason: p.reason, state: p.state, proposedAt: p.proposed_at.toISOString(),
    decisionNote: p.decision_note, version: p.version, actions: mayDecide(actor, p) ? [...DECIDE] : [],
  };
}

/** A proposal is seen by the proposing side (the registration is in their view) and by the receiving level. */
async function loadProposal(q: Queryable, actor: Actor, id: string, lock = false) {
  const { rows } = await q.query<ProposalRow>(`${SELECT} where p.id = $1 and (r.unit_path <@ $2::ltree or p.to_unit_path <@ $2::ltree)${lock ? ' for update of p' : ''}`, [id, actor.viewPath]);
  if (!rows[0]) throw notFound('proposal');
  return present(actor, rows[0]);
}

export async function listProposals(ctx: Ctx, query: z.infer<typeof ProposalQuery>) {
  const params: unknown[] = [ctx.actor.viewPath];
  const where = ['(r.unit_path <@ $1::ltree or p.to_unit_path <@ $1::ltree)'];
  if (query.queue === 'incoming') {
    params.push(ctx.actor.entryPath ?? '__none__');
    where.push(`p.to_unit_path <@ $${params.length}::ltree`);
  }
  if (query.queue === 'outgoing') {
    params.push(ctx.actor.id);
    where.push(`p.proposed_by = $${params.length}`);
  }
  if (query.state === 'decided') {
    where.push(`p.state <> 'pending'`);
  } else if (query.state) {
    params.push(query.state);
    where.push(`p.state = $${params.length}`);
  }
  const filter = where.join(' and ');
  const { rows } = await ctx.db.pool.query<ProposalRow & { total: string }>(
    `${SELECT.replace('select p.*', 'select count(*) over () as total, p.*')} where ${filter}
      order by p.proposed_at desc, p.id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize]);
  // Past the last page the window count has no row to ride on: count on its own.
  const total = rows[0] ? Number(rows[0].total)
    : query.page > 1 ? Number((await ctx.db.pool.query<{ n: string }>(`select count(*) as n from (${SELECT} where ${filter}) x`, params)).rows[0]!.n) : 0;
  return { items: rows.map((r) => present(ctx.actor, r)), total };
}

export async function decideProposal(ctx: Ctx, id: string, input: z.infer<typeof DecideProposal>) {
  return ctx.db.tx(async (q) => {
    const { rows } = await q.query<ProposalRow>(`${SELECT} where p.id = $1 and (r.unit_path <@ $2::ltree or p.to_unit_path <@ $2::ltree) for update of p`, [id, ctx.actor.viewPath]);
    const p = rows[0];
    if (!p) throw notFound('proposal');
    if (p.state !== 'pending') throw new AppError('ILLEGAL_TRANSITION', { transition: input.accept ? 'Chấp nhận' : 'Từ chối', state: p.state === 'accepted' ? 'Đã chấp nhận' : 'Đã từ chối' });
    if (!mayDecide(ctx.actor, p)) throw new AppError('FORBIDDEN');
    if (p.version !== input.version) throw new AppError('STALE_VERSION');
    if (!input.accept && !(input.note && input.note.trim().length >= 5)) throw new AppError('REASON_REQUIRED');
    let commendationId: string | null = null;
    if (input.accept && input.commendation) {
      commendationId = (await insertCommendation(q, ctx, p.registration_id, p.reg_unit_path, p.title, { ...input.commendation, formCode: p.form_code })).id;
    }
    await q.query(
      `update commendation_proposal set state = $2, decided_by = $3, decided_at = now(), decision_note = $4, commendation_id = $5, version = version + 1 where id = $1`,
      [id, input.accept ? 'accepted' : 'declined', ctx.actor.id, input.note ?? null, commendationId],
    );
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: input.accept ? 'commendation.proposal_accept' : 'commendation.proposal_decline', entityType: 'registration', entityId: p.registration_id, entityLabel: p.title, unitPath: p.reg_unit_path, after: { proposalId: id, note: input.note ?? null }, ip: ctx.ip });
    return loadProposal(q, ctx.actor, id);
  });
}

