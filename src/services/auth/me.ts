/** "Who am I": the signed-in user, what they may do, and when their session ends. */
import { findUserInScope, type UserRow } from '../../data/users-repo.js';
import { capabilities, createCapabilities, hasTodo, registrationQueues } from '../../domain/policy.js';
import type { Me } from '../../domain/schemas.js';
import { anyScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { actorOf, presentUser } from '../user-presenter.js';

export function presentMe(user: UserRow, expiresAt: Date): Me {
  const actor = actorOf(user);
  return {
    user: presentUser(actor, user),
    capabilities: capabilities(actor),
    canCreate: createCapabilities(actor),
    queues: registrationQueues(actor),
    todo: hasTodo(actor),
    sessionExpiresAt: expiresAt.toISOString(),
  };
}

/** The caller's own account, read again (the session resolved it a moment ago, so it exists). */
export async function getMe(ctx: Ctx, sessionExpiresAt: Date): Promise<Me> {
  const user = (await findUserInScope(ctx.db.pool, ctx.actor.id, anyScope))!;
  return presentMe(user, sessionExpiresAt);
}
