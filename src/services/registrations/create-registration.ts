import { randomUUID } from 'node:crypto';
import { insertAudit } from '../../data/audit-repo.js';
import { findRegistrationInScope, insertEvent, insertRegistration, replaceCriteria } from '../../data/registrations-repo.js';
import { findUnitInScope } from '../../data/units-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { RegistrationInput } from '../../domain/movement-schemas.js';
import { can } from '../../domain/policy.js';
import type { Ctx } from '../context.js';
import { presentRegistration, registrationSnapshot } from './present.js';
import { criteriaWithIds, registrationValues } from './values.js';

/** Registers a model or an exemplar as a draft, with its criteria, in one transaction. */
export async function createRegistration(ctx: Ctx, input: RegistrationInput) {
  const row = await ctx.db.tx(async (q) => {
    const unit = await findUnitInScope(q, input.unitId, ctx.actor.viewPath);
    if (!unit) throw notFound('unit');
    if (!can(ctx.actor, 'registration.create', { path: unit.path })) throw new AppError('FORBIDDEN');
    if (!unit.active) throw new AppError('UNIT_INACTIVE_REGISTRATION', { name: unit.name });
    const values = await registrationValues(q, ctx, unit.path, input);
    const id = randomUUID();
    await insertRegistration(q, { id, kind: input.kind, unitId: unit.id, unitPath: unit.path, createdBy: ctx.actor.id }, values);
    await replaceCriteria(q, id, criteriaWithIds(input.criteria));
    await insertEvent(q, {
      registrationId: id,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      transition: 'create',
      fromState: null,
      toState: 'draft',
    });
    const row = (await findRegistrationInScope(q, id, ''))!;
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'registration.create',
      entityType: 'registration',
      entityId: id,
      entityLabel: row.title,
      unitPath: row.unit_path,
      after: registrationSnapshot(row),
      ip: ctx.ip,
    });
    return row;
  });
  // Read back after the commit: the statistics rows this insert touched are not held locked while
  // the answer is put together, so officers registering at once do not wait on each other as long.
  return presentRegistration(ctx.db.pool, ctx.actor, row);
}
