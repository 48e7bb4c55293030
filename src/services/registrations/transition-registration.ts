import { insertAudit } from '../../data/audit-repo.js';
import {
  findEarlierSameTitle,
  findRegistrationInScope,
  insertEvent,
  listCriteria,
  updateRegistrationRow,
} from '../../data/registrations-repo.js';
import { findUserInScope } from '../../data/users-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can, refuseTransition, SUPPORTER_ROLES } from '../../domain/policy.js';
import { anyScope, inScope, inSubtree } from '../../domain/scope.js';
import { REGISTRATION_STATE_LABELS, TRANSITIONS, type TransitionName } from '../../domain/workflow.js';
import type { Queryable } from '../../data/db.js';
import type { RegistrationRow } from '../../data/registrations-repo.js';
import type { Ctx } from '../context.js';
import { presentRegistration, registrationSnapshot } from './present.js';
import { notify } from '../notifications/notify.js';
import type { EventKind } from '../../domain/audiences.js';

/** The notification each transition sends (to whom: `EVENT_AUDIENCES` in domain/policy.ts). */
const TRANSITION_EVENTS: Partial<Record<TransitionName, EventKind>> = {
  submit: 'registration.submitted',
  return: 'registration.returned',
  reject: 'registration.rejected',
  accept: 'registration.accepted',
  recognise: 'registration.recognised',
  not_recognise: 'registration.not_recognised',
};

export interface TransitionInput {
  version: number;
  reason?: string | null | undefined;
  supporterId?: string | null | undefined;
}

/** Rules that hang on the record's content rather than on its state and the actor. */
async function checkContent(q: Queryable, name: TransitionName, r: RegistrationRow) {
  if (name !== 'submit') return;
  if ((await listCriteria(q, r.id)).length === 0) throw new AppError('CRITERIA_REQUIRED');
  if (r.origin === 'new') {
    const finished = (await findEarlierSameTitle(q, r.unit_id, r.title_key, r.year, r.id)).find((e) => e.state === 'completed');
    if (finished) throw new AppError('FINISHED_CANNOT_BE_NEW', { title: finished.title, year: finished.year });
  }
}

async function checkSupporter(q: Queryable, supporterId: string, unitPath: string) {
  const s = await findUserInScope(q, supporterId, anyScope);
  // Supporters are officers or committee members: a supporter inspects, a read-only or unit account may not.
  if (!s || !s.active || !SUPPORTER_ROLES.includes(s.role) || !inSubtree(unitPath, s.view_path)) throw new AppError('SUPPORTER_INVALID');
}

/**
 * Takes one transition of the workflow: lock the record inside the actor's scope, let the
 * workflow table and the policy decide, check the version, change the state, write the timeline and the audit
 * row — one transaction.
 */
export async function transitionRegistration(ctx: Ctx, id: string, name: TransitionName, input: TransitionInput) {
  return ctx.db.tx(async (q) => presentRegistration(q, ctx.actor, await transitionIn(q, ctx, id, name, input)));
}

/** The transition inside a caller's transaction (a recognition decision takes one too). */
export async function transitionIn(
  q: Queryable,
  ctx: Ctx,
  id: string,
  name: TransitionName,
  input: TransitionInput,
  extra: Record<string, unknown> = {},
): Promise<RegistrationRow> {
  const before = await findRegistrationInScope(q, id, inScope(ctx.actor.viewPath), true);
  if (!before) throw notFound('registration');
  const refusal = refuseTransition(
    ctx.actor,
    name,
    { state: before.state, unitPath: before.unit_path, registrantId: before.created_by },
    input.reason,
  );
  if (refusal === 'illegal_state') {
    throw new AppError('ILLEGAL_TRANSITION', { transition: TRANSITIONS[name].label, state: REGISTRATION_STATE_LABELS[before.state] });
  }
  if (refusal === 'forbidden') throw new AppError('FORBIDDEN');
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  if (refusal === 'reason_required') throw new AppError('REASON_REQUIRED');
  await checkContent(q, name, before);
  const to = TRANSITIONS[name].to;
  const changes: Record<string, unknown> = { state: to, ...extra };
  if (name === 'submit') changes.submitted_at = new Date();
  // Withdrawn, it is a draft again: never sent, until it is submitted anew.
  if (name === 'withdraw') changes.submitted_at = null;
  if (['accept', 'reject', 'recognise', 'not_recognise'].includes(name)) changes.decided_at = new Date();
  if (name === 'accept' && input.supporterId) {
    await checkSupporter(q, input.supporterId, before.unit_path);
    changes.supporter_id = input.supporterId;
  }
  await updateRegistrationRow(q, id, input.version, changes);
  await insertEvent(q, {
    registrationId: id,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    transition: name,
    fromState: before.state,
    toState: to,
    reason: input.reason?.trim() || null,
    data: input.supporterId ? { supporterId: input.supporterId } : undefined,
  });
  const after = (await findRegistrationInScope(q, id, anyScope))!;
  const kind = TRANSITION_EVENTS[name];
  if (kind) {
    await notify(q, {
      kind,
      entityType: 'registration',
      entityId: id,
      path: after.unit_path,
      label: after.title,
      reason: input.reason ?? null,
      actorId: ctx.actor.id,
      persons: { registrant: after.created_by, supporter: after.supporter_id },
    });
  }
  await insertAudit(q, {
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action: `registration.${name}`,
    entityType: 'registration',
    entityId: id,
    entityLabel: after.title,
    unitPath: after.unit_path,
    before: registrationSnapshot(before),
    after: { ...registrationSnapshot(after), reason: input.reason ?? null },
    ip: ctx.ip,
  });
  return after;
}

/** Assigns (or changes) the supporting officer of an accepted registration. */
export async function assignSupporter(ctx: Ctx, id: string, version: number, supporterId: string) {
  return ctx.db.tx(async (q) => {
    const before = await findRegistrationInScope(q, id, inScope(ctx.actor.viewPath), true);
    if (!before) throw notFound('registration');
    if (!can(ctx.actor, 'registration.assign_supporter', { path: before.unit_path })) throw new AppError('FORBIDDEN');
    if (before.version !== version) throw new AppError('STALE_VERSION');
    await checkSupporter(q, supporterId, before.unit_path);
    await updateRegistrationRow(q, id, version, { supporter_id: supporterId });
    const after = (await findRegistrationInScope(q, id, anyScope))!;
    await notify(q, {
      kind: 'registration.supporter_assigned',
      entityType: 'registration',
      entityId: id,
      path: after.unit_path,
      label: after.title,
      actorId: ctx.actor.id,
      persons: { registrant: after.created_by, supporter: after.supporter_id },
    });
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'registration.assign_supporter',
      entityType: 'registration',
      entityId: id,
      entityLabel: after.title,
      unitPath: after.unit_path,
      before: registrationSnapshot(before),
      after: registrationSnapshot(after),
      ip: ctx.ip,
    });
    return presentRegistration(q, ctx.actor, after);
  });
}
