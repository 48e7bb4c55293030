import { insertAudit } from '../../data/audit-repo.js';
import type { Queryable } from '../../data/db.js';
import type { UserRow } from '../../data/users-repo.js';
import type { Ctx } from '../context.js';
import { userAuditSnapshot } from '../user-presenter.js';

/**
 * The audit entry of a change to an account, in the change's transaction: who did what to which
 * user, filed under the user's unit, with the account as it was and as it is (never a password).
 */
export async function auditUser(
  q: Queryable,
  ctx: Ctx,
  action: 'user.create' | 'user.update' | 'user.reset_password',
  user: UserRow,
  states: { before?: UserRow; after?: UserRow } = {},
): Promise<void> {
  await insertAudit(q, {
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action,
    entityType: 'user',
    entityId: user.id,
    entityLabel: user.username,
    unitPath: user.unit_path,
    before: states.before && userAuditSnapshot(states.before),
    after: states.after && userAuditSnapshot(states.after),
    ip: ctx.ip,
  });
}
