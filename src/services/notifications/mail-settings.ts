/** Each user's e-mail address and how they want mail (one per event, a daily digest, none). */
import { findMailSettings, listMailFailures, updateMailSettings } from '../../data/notifications-repo.js';
import { AppError } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import type { Ctx } from '../context.js';

const present = (r: { email: string | null; mail_mode: 'immediate' | 'digest' | 'off' }) => ({ email: r.email, mailMode: r.mail_mode });

export async function getMailSettings(ctx: Ctx) {
  return present(await findMailSettings(ctx.db.pool, ctx.actor.id));
}

export async function setMailSettings(ctx: Ctx, input: { email: string | null; mailMode: 'immediate' | 'digest' | 'off' }) {
  return ctx.db.tx(async (q) => {
    await updateMailSettings(q, ctx.actor.id, { email: input.email?.trim() || null, mailMode: input.mailMode });
    return present(await findMailSettings(q, ctx.actor.id));
  });
}

/** Addresses that refused mail for good, for the administrators of the accounts' units. */
export async function mailFailures(ctx: Ctx) {
  if (!can(ctx.actor, 'user.view', { path: ctx.actor.viewPath })) throw new AppError('FORBIDDEN');
  const rows = await listMailFailures(ctx.db.pool, ctx.actor.viewPath);
  return {
    items: rows.map((r) => ({
      userId: r.id,
      username: r.username,
      fullName: r.full_name,
      email: r.email,
      failedAt: r.mail_failed_at.toISOString(),
      error: r.mail_failure,
    })),
  };
}
