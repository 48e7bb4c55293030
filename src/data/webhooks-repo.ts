/** All SQL of webhook settings (the deliveries are in deliveries-repo.ts). */
import type { Queryable } from './db.js';
import type { Scope } from '../domain/scope.js';

export interface WebhookRow {
  id: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  url: string;
  active: boolean;
  created_at: Date;
  failed: number;
}

const SELECT = `select w.id, w.unit_id, u.name as unit_name, w.unit_path::text as unit_path, w.url, w.active, w.created_at,
    (select count(*) from webhook_delivery d where d.webhook_id = w.id and d.state = 'failed') as failed
  from webhook w join unit u on u.id = w.unit_id`;

export async function insertWebhook(
  q: Queryable,
  w: { id: string; unitId: string; unitPath: string; url: string; secret: string; createdBy: string },
): Promise<void> {
  await q.query(`insert into webhook (id, unit_id, unit_path, url, secret, created_by) values ($1, $2, $3::ltree, $4, $5, $6)`, [
    w.id,
    w.unitId,
    w.unitPath,
    w.url,
    w.secret,
    w.createdBy,
  ]);
}

export async function listWebhooks(q: Queryable, scope: Scope): Promise<WebhookRow[]> {
  const { rows } = await q.query<WebhookRow>(`${SELECT} where w.unit_path <@ $1::ltree order by w.created_at, w.id`, [scope]);
  return rows;
}

export async function findWebhook(q: Queryable, id: string, scope: Scope): Promise<WebhookRow | null> {
  const { rows } = await q.query<WebhookRow>(`${SELECT} where w.id = $1 and w.unit_path <@ $2::ltree`, [id, scope]);
  return rows[0] ?? null;
}

export async function setWebhookActive(q: Queryable, id: string, active: boolean): Promise<void> {
  await q.query('update webhook set active = $2 where id = $1', [id, active]);
}

export interface WebhookDeliveryListRow {
  id: string;
  kind: string;
  label: string;
  state: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  occurred_at: Date;
}

/** The webhook's latest deliveries, newest first. */
export async function listWebhookDeliveries(q: Queryable, webhookId: string, limit: number): Promise<WebhookDeliveryListRow[]> {
  const { rows } = await q.query<WebhookDeliveryListRow>(
    `select d.id::text as id, o.kind, o.label, d.state, d.attempts, d.last_status, d.last_error, d.delivered_at, o.created_at as occurred_at
       from webhook_delivery d join outbox o on o.id = d.outbox_id
      where d.webhook_id = $1 order by d.id desc limit $2`,
    [webhookId, limit],
  );
  return rows;
}
