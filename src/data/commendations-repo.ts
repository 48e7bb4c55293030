/** Commendations, the catalogue of their forms, and proposals to the level above: all their SQL. */
import type { Queryable } from './db.js';
import type { PROPOSAL_SORTS, Sort } from '../domain/list-sort.js';
import { orderBySql, positionSql } from './list-order.js';
import type { Scope } from '../domain/scope.js';

/** The name of an active form, or null when there is none with that code. */
export async function activeFormName(q: Queryable, code: string): Promise<string | null> {
  const { rows } = await q.query<{ name: string }>('select name from commendation_form where code = $1 and active', [code]);
  return rows[0]?.name ?? null;
}

export async function insertCommendation(q: Queryable, c: {
  id: string; registrationId: string; formCode: string; issuer: string; decisionNo: string; decisionDate: string; note: string | null; createdBy: string;
}) {
  await q.query(
    'insert into commendation (id, registration_id, form_code, issuer, decision_no, decision_date, note, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [c.id, c.registrationId, c.formCode, c.issuer, c.decisionNo, c.decisionDate, c.note, c.createdBy],
  );
}

export async function listCommendationRows(q: Queryable, registrationId: string) {
  const { rows } = await q.query<{ id: string; form_code: string; form_name: string; issuer: string; decision_no: string; decision_date: string; note: string | null }>(
    `select c.id, c.form_code, f.name as form_name, c.issuer, c.decision_no, c.decision_date, c.note from commendation c
       join commendation_form f on f.code = c.form_code where c.registration_id = $1 order by c.decision_date, c.created_at`,
    [registrationId],
  );
  return rows;
}

/** The levels above a user's own: strict ancestors of the entry scope, nearest first. */
export async function unitsAbove(q: Queryable, path: string) {
  return (await q.query<{ id: string; name: string }>(
    'select id, name from unit where path @> $1::ltree and path <> $1::ltree and active order by nlevel(path) desc', [path])).rows;
}

export async function unitById(q: Queryable, id: string) {
  return (await q.query<{ id: string; path: string }>('select id, path::text as path from unit where id = $1', [id])).rows[0] ?? null;
}

export async function unitIdAtPath(q: Queryable, path: string) {
  return (await q.query<{ id: string }>('select id from unit where path = $1::ltree', [path])).rows[0] ?? null;
}

export interface ProposalRow {
  id: string; registration_id: string; title: string; reg_unit_name: string; reg_unit_path: string; from_unit_id: string; from_name: string;
  to_unit_id: string; to_name: string; to_unit_path: string; form_code: string; form_name: string; reason: string; state: 'pending' | 'accepted' | 'declined';
  proposed_at: Date; decision_note: string | null; version: number; proposed_by: string;
}

const COLUMNS = `p.*, p.to_unit_path::text as to_unit_path, r.title, ru.name as reg_unit_name, r.unit_path::text as reg_unit_path,
    fu.name as from_name, tu.name as to_name, f.name as form_name`;
const FROM = `from commendation_proposal p join registration r on r.id = p.registration_id join unit ru on ru.id = r.unit_id
  join unit fu on fu.id = p.from_unit_id join unit tu on tu.id = p.to_unit_id join commendation_form f on f.code = p.form_code`;
/** A proposal is seen by the proposing side (the registration is in their view) and by the receiving level. */
const SEEN = (p: string) => `(r.unit_path <@ ${p}::ltree or p.to_unit_path <@ ${p}::ltree)`;

export async function findProposal(q: Queryable, id: string, view: Scope, lock = false): Promise<ProposalRow | null> {
  const { rows } = await q.query<ProposalRow>(`select ${COLUMNS} ${FROM} where p.id = $1 and ${SEEN('$2')}${lock ? ' for update of p' : ''}`, [id, view]);
  return rows[0] ?? null;
}

export interface ProposalFilter {
  view: Scope;
  /** Only proposals sent to this subtree (the receiving level's queue); null = to nowhere. */
  incomingTo?: string | null;
  proposedBy?: string;
  /** A state, or 'decided' for any but pending. */
  state?: 'pending' | 'accepted' | 'declined' | 'decided';
}

/** The columns the proposal list sorts by (a small table: no index of their own). */
const PROPOSAL_ORDER = {
  title: 'r.title_key',
  unit: 'ru.name_key',
  date: 'p.proposed_at',
  state: positionSql('p.state', ['pending', 'accepted', 'declined']),
};

export async function listProposalRows(
  q: Queryable,
  f: ProposalFilter,
  limit: number,
  offset: number,
  sort: Sort<(typeof PROPOSAL_SORTS)[number]> = { key: 'date', desc: true },
) {
  const params: unknown[] = [f.view];
  const where = [SEEN('$1')];
  if (f.incomingTo !== undefined) {
    params.push(f.incomingTo ?? '__none__');
    where.push(`p.to_unit_path <@ $${params.length}::ltree`);
  }
  if (f.proposedBy) {
    params.push(f.proposedBy);
    where.push(`p.proposed_by = $${params.length}`);
  }
  if (f.state === 'decided') {
    where.push(`p.state <> 'pending'`);
  } else if (f.state) {
    params.push(f.state);
    where.push(`p.state = $${params.length}`);
  }
  const filter = where.join(' and ');
  const { rows } = await q.query<ProposalRow & { total: string }>(
    `select count(*) over () as total, ${COLUMNS} ${FROM} where ${filter}
      order by ${orderBySql(sort, PROPOSAL_ORDER, 'p.id')} limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, limit, offset]);
  // Past the last page the window count has no row to ride on: count on its own.
  const total = rows[0] ? Number(rows[0].total)
    : offset > 0 ? Number((await q.query<{ n: string }>(`select count(*) as n ${FROM} where ${filter}`, params)).rows[0]!.n) : 0;
  return { rows, total };
}

export async function insertProposal(q: Queryable, p: {
  id: string; registrationId: string; fromUnitId: string; toUnitId: string; toUnitPath: string; formCode: string; reason: string; proposedBy: string;
}) {
  await q.query(
    `insert into commendation_proposal (id, registration_id, from_unit_id, to_unit_id, to_unit_path, form_code, reason, proposed_by)
     values ($1, $2, $3, $4, $5::ltree, $6, $7, $8)`,
    [p.id, p.registrationId, p.fromUnitId, p.toUnitId, p.toUnitPath, p.formCode, p.reason, p.proposedBy],
  );
}

export async function recordProposalDecision(q: Queryable, id: string, d: { accepted: boolean; by: string; note: string | null; commendationId: string | null }) {
  await q.query(
    `update commendation_proposal set state = $2, decided_by = $3, decided_at = now(), decision_note = $4, commendation_id = $5, version = version + 1 where id = $1`,
    [id, d.accepted ? 'accepted' : 'declined', d.by, d.note, d.commendationId],
  );
}
