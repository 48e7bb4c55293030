/** Who may be assigned to support a model: officers and committee members who can see it, among the accounts the caller can see. */
import { listSupporterCandidates } from '../../data/registrations-repo.js';
import { SUPPORTER_ROLES } from '../../domain/policy.js';
import { inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { getRegistration } from './list-registrations.js';

export async function supporterCandidates(ctx: Ctx, registrationId: string) {
  const reg = await getRegistration(ctx, registrationId);
  const rows = await listSupporterCandidates(ctx.db.pool, reg.id, inScope(ctx.actor.viewPath), SUPPORTER_ROLES);
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, position: r.position, unitName: r.unit_name }));
}
