/**
 * All SQL of the delivery jobs: e-mails (one per event, or a day's digest) and webhook calls. A
 * delivery is claimed by one statement that takes the next due row `for update skip locked` and
 * leases it for a few minutes, so two app instances never take the same one; a lease that runs
 * out (the instance died while sending) makes the row due again. Times come from the job's clock.
 */
import type { Queryable } from './db.js';
import type { NotificationRow } from './notifications-repo.js';

const LEASE = `interval '5 minutes'`;

export interface MailDeliveryRow {
  id: number;
  user_id: string;
  notification_id: number | null;
  digest_day: string | null;
  period_from: Date | null;
  period_to: Date | null;
  to_address: string;
  attempts: number;
}

export async function claimMailDelivery(q: Queryable, now: Date): Promise<MailDeliveryRow | null> {
  const { rows } = await q.query<MailDeliveryRow>(
    `update mail_delivery set state = 'sending', attempts = attempts + 1, lease_until = $1::timestamptz + ${LEASE}
      where id = (select id from mail_delivery
                   where (state = 'pending' and next_attempt_at <= $1::timestamptz)
                      or (state = 'sending' and lease_until < $1::timestamptz)
                   order by next_attempt_at, id limit 1 for update skip locked)
      returning id, user_id, notification_id, digest_day, period_from, period_to, to_address, attempts`,
    [now],
  );
  return rows[0] ?? null;
}

/** Sent: the address works again (a failure shown to administrators is cleared). */
export async function markMailSent(q: Queryable, d: MailDeliveryRow, now: Date): Promise<void> {
  await q.query(`update mail_delivery set state = 'sent', sent_at = $2, lease_until = null, last_error = null where id = $1`, [d.id, now]);
  await q.query(
    `update app_user set mail_failed_at = null, mail_failure = null where id = $1 and email = $2 and mail_failed_at is not null`,
    [d.user_id, d.to_address],
  );
}

export async function markMailRetry(q: Queryable, id: number, nextAt: Date, error: string): Promise<void> {
  await q.query(`update mail_delivery set state = 'pending', next_attempt_at = $2, lease_until = null, last_error = $3 where id = $1`, [
    id,
    nextAt,
    error,
  ]);
}

/** Given up: the address is shown to administrators until it works again or is changed. */
export async function markMailFailed(q: Queryable, d: MailDeliveryRow, now: Date, error: string): Promise<void> {
  await q.query(`update mail_delivery set state = 'failed', lease_until = null, last_error = $2 where id = $1`, [d.id, error]);
  await q.query(`update app_user set mail_failed_at = $3, mail_failure = $4 where id = $1 and email = $2`, [
    d.user_id,
    d.to_address,
    now,
    error,
  ]);
}

const NOTIFICATION_COLUMNS = `n.id, n.created_at, n.read_at, o.kind, o.entity_type, o.entity_id, o.label, o.reason, o.data`;

/** A digest leaves out what was already mailed on its own (before the user chose the digest). */
const NOT_MAILED = `not exists (select 1 from mail_delivery m where m.notification_id = n.id)`;

/** What one delivery carries: its notification, or the user's notifications of the digest's period. */
export async function mailContent(q: Queryable, d: MailDeliveryRow): Promise<NotificationRow[]> {
  if (d.notification_id !== null) {
    const { rows } = await q.query<NotificationRow>(
      `select ${NOTIFICATION_COLUMNS} from notification n join outbox o on o.id = n.outbox_id where n.id = $1`,
      [d.notification_id],
    );
    return rows;
  }
  const { rows } = await q.query<NotificationRow>(
    `select ${NOTIFICATION_COLUMNS} from notification n join outbox o on o.id = n.outbox_id
      where n.user_id = $1 and n.created_at >= $2 and n.created_at < $3 and ${NOT_MAILED} order by n.id`,
    [d.user_id, d.period_from, d.period_to],
  );
  return rows;
}

/** One digest per user and day for those who chose it and had news that day (the key makes it once). */
export async function queueDigests(q: Queryable, day: string, from: Date, to: Date, now: Date): Promise<number> {
  const r = await q.query(
    `insert into mail_delivery (user_id, digest_day, period_from, period_to, to_address, next_attempt_at)
     select a.id, $1::date, $2, $3, a.email, $4
       from app_user a
      where a.mail_mode = 'digest' and a.email is not null and a.active
        and exists (select 1 from notification n where n.user_id = a.id and n.created_at >= $2 and n.created_at < $3 and ${NOT_MAILED})
     on conflict (user_id, digest_day) do nothing`,
    [day, from, to, now],
  );
  return r.rowCount ?? 0;
}

// --- webhooks --------------------------------------------------------------------------------

export interface WebhookDeliveryRow {
  id: number;
  attempts: number;
  url: string;
  secret: string;
  outbox_id: number;
  kind: string;
  entity_type: string;
  entity_id: string;
  label: string;
  unit_path: string;
  created_at: Date;
}

export async function claimWebhookDelivery(q: Queryable, now: Date): Promise<WebhookDeliveryRow | null> {
  const { rows } = await q.query<WebhookDeliveryRow>(
    `with claimed as (
       update webhook_delivery set state = 'sending', attempts = attempts + 1, lease_until = $1::timestamptz + ${LEASE}
        where id = (select id from webhook_delivery
                     where (state = 'pending' and next_attempt_at <= $1::timestamptz)
                        or (state = 'sending' and lease_until < $1::timestamptz)
                     order by next_attempt_at, id limit 1 for update skip locked)
        returning id, attempts, webhook_id, outbox_id)
     select c.id, c.attempts, w.url, w.secret, c.outbox_id, o.kind, o.entity_type, o.entity_id, o.label,
            o.unit_path::text as unit_path, o.created_at
       from claimed c join webhook w on w.id = c.webhook_id join outbox o on o.id = c.outbox_id`,
    [now],
  );
  return rows[0] ?? null;
}

export async function markWebhookDone(q: Queryable, id: number, status: number, now: Date): Promise<void> {
  await q.query(
    `update webhook_delivery set state = 'sent', last_status = $2, delivered_at = $3, lease_until = null, last_error = null where id = $1`,
    [id, status, now],
  );
}

export async function markWebhookRetry(q: Queryable, id: number, status: number | null, nextAt: Date | null, error: string): Promise<void> {
  await q.query(
    `update webhook_delivery set state = case when $3::timestamptz is null then 'failed' else 'pending' end,
        next_attempt_at = coalesce($3, next_attempt_at), last_status = $2, last_error = $4, lease_until = null
      where id = $1`,
    [id, status, nextAt, error],
  );
}
