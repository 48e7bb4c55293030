import { insertAudit } from '../../data/audit-repo.js';
import { findRegistrationInScope, replaceCriteria, updateRegistrationRow } from '../../data/registrations-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { UpdateRegistration } from '../../domain/movement-schemas.js';
import { can } from '../../domain/policy.js';
import { REGISTRATION_STATE_LABELS } from '../../domain/workflow.js';
import type { Ctx } from '../context.js';
import { EDITABLE_STATES, presentRegistration, registrationSnapshot } from './present.js';
import { criteriaWithIds, registrationValues } from './values.js';

/** Edits a draft or a returned registration, based on the version the editor read. */
export async function updateRegistration(ctx: Ctx, id: string, input: UpdateRegistration) {
  return ctx.db.tx(async (q) => {
    const before = await findRegistrationInScope(q, id, ctx.actor.viewPath, true);
    if (!before) throw notFound('registration');
    if (!can(ctx.actor, 'registration.update', { path: before.unit_path })) throw new AppError('FORBIDDEN');
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    if (!EDITABLE_STATES.includes(before.state)) {
      throw new AppError('REGISTRATION_LOCKED', { state: REGISTRATION_STATE_LABELS[before.state] });
    }
    const { version: _v, criteria, ...fields } = input;
    const values = await registrationValues(q, ctx, before.unit_path, fields, before as unknown as Record<string, unknown>);
    await updateRegistrationRow(q, id, input.version, values);
    if (criteria !== undefined) await replaceCriteria(q, id, criteriaWithIds(criteria));
    const after = (await findRegistrationInScope(q, id, ''))!;
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'registration.update',
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
