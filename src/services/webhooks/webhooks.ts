/**
 * Webhooks: an outbound channel for integrations. A province's or a unit's movement officers (or
 * an administrator) register an address; every event of that unit's subtree is then POSTed to it,
 * signed (./signature.ts). The secret is shown once, when the webhook is made.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { insertAudit } from '../../data/audit-repo.js';
import { findUnitInScope } from '../../data/units-repo.js';
import {
  findWebhook,
  insertWebhook,
  listWebhookDeliveries,
  listWebhooks,
  setWebhookActive,
  type WebhookRow,
} from '../../data/webhooks-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { can } from '../../domain/policy.js';
import { inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';

const present = (w: WebhookRow) => ({
  id: w.id,
  unit: { id: w.unit_id, name: w.unit_name },
  url: w.url,
  active: w.active,
  createdAt: w.created_at.toISOString(),
  failedDeliveries: w.failed,
});

export async function createWebhook(ctx: Ctx, input: { unitId: string; url: string }) {
  return ctx.db.tx(async (q) => {
    const unit = await findUnitInScope(q, input.unitId, ctx.actor.viewPath);
    if (!unit) throw notFound('unit');
    if (!can(ctx.actor, 'webhook.manage', { path: unit.path })) throw new AppError('FORBIDDEN');
    const id = randomUUID();
    const secret = randomBytes(32).toString('hex');
    await insertWebhook(q, { id, unitId: unit.id, unitPath: unit.path, url: input.url, secret, createdBy: ctx.actor.id });
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: id,
      entityLabel: input.url,
      unitPath: unit.path,
      after: { url: input.url },
      ip: ctx.ip,
    });
    return { ...present((await findWebhook(q, id, inScope(unit.path)))!), secret };
  });
}

export async function listOwnScopeWebhooks(ctx: Ctx) {
  const entry = ctx.actor.entryPath;
  if (!entry || !can(ctx.actor, 'webhook.manage', { path: entry })) throw new AppError('FORBIDDEN');
  return { items: (await listWebhooks(ctx.db.pool, inScope(entry))).map(present) };
}

export async function setWebhook(ctx: Ctx, id: string, active: boolean) {
  return ctx.db.tx(async (q) => {
    const w = await findWebhook(q, id, inScope(ctx.actor.viewPath));
    if (!w) throw notFound('webhook');
    if (!can(ctx.actor, 'webhook.manage', { path: w.unit_path })) throw new AppError('FORBIDDEN');
    await setWebhookActive(q, id, active);
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: active ? 'webhook.enable' : 'webhook.disable',
      entityType: 'webhook',
      entityId: id,
      entityLabel: w.url,
      unitPath: w.unit_path,
      ip: ctx.ip,
    });
    return present((await findWebhook(q, id, inScope(ctx.actor.viewPath)))!);
  });
}

/** The webhook's last 20 deliveries, for those who manage it. */
export async function webhookDeliveries(ctx: Ctx, id: string) {
  const w = await findWebhook(ctx.db.pool, id, inScope(ctx.actor.viewPath));
  if (!w) throw notFound('webhook');
  if (!can(ctx.actor, 'webhook.manage', { path: w.unit_path })) throw new AppError('FORBIDDEN');
  const rows = await listWebhookDeliveries(ctx.db.pool, id, 20);
  return {
    items: rows.map((d) => ({
      id: d.id,
      event: d.kind,
      title: d.label,
      state: d.state as 'pending' | 'sending' | 'sent' | 'failed',
      attempts: d.attempts,
      lastStatus: d.last_status,
      lastError: d.last_error,
      occurredAt: d.occurred_at.toISOString(),
      deliveredAt: d.delivered_at?.toISOString() ?? null,
    })),
  };
}
