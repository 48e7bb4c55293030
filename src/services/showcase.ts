/** Publishing recognised models to the public showcase, and reading what is published. */
import { insertAudit } from '../data/audit-repo.js';
import { findRegistrationInScope } from '../data/registrations-repo.js';
import { deletePublication, upsertPublication } from '../data/showcase-repo.js';
import { AppError, notFound } from '../domain/errors.js';
import { can } from '../domain/policy.js';
import type { Ctx } from './context.js';

export async function publish(ctx: Ctx, id: string, summary: string) {
  return ctx.db.tx(async (q) => {
    const r = await findRegistrationInScope(q, id, ctx.actor.viewPath, true);
    if (!r) throw notFound('registration');
    if (!can(ctx.actor, 'registration.publish', { path: r.unit_path })) throw new AppError('FORBIDDEN');
    if (!r.recognised || !['recognised', 'completed'].includes(r.state)) throw new AppError('PUBLISH_NOT_RECOGNISED');
    const slug = await upsertPublication(q, r, summary, ctx.actor.id);
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'registration.publish', entityType: 'registration', entityId: id, entityLabel: r.title, unitPath: r.unit_path, ip: ctx.ip });
    return { slug, url: `/cong-khai/mo-hinh/${slug}` };
  });
}

export async function unpublish(ctx: Ctx, id: string) {
  await ctx.db.tx(async (q) => {
    const r = await findRegistrationInScope(q, id, ctx.actor.viewPath, true);
    if (!r) throw notFound('registration');
    if (!can(ctx.actor, 'registration.publish', { path: r.unit_path })) throw new AppError('FORBIDDEN');
    await deletePublication(q, id);
    await insertAudit(q, { actorId: ctx.actor.id, actorName: ctx.actor.name, action: 'registration.unpublish', entityType: 'registration', entityId: id, entityLabel: r.title, unitPath: r.unit_path, ip: ctx.ip });
  });
}
