/**
 * The webhook job: POSTs each due call (claimed `for update skip locked` under a lease, so several
 * instances never make the same call), signed with HMAC-SHA256 of `<timestamp>.<body>`; any answer
 * but 2xx, or no answer, is retried with back-off (1, 2, 4 … minutes) up to `maxAttempts` times.
 * The body carries the event, the record's id and title and its link: what the unit's own officers
 * may see, never the reasons or any person's data.
 */
import type { Db } from '../data/db.js';
import { claimWebhookDelivery, markWebhookDone, markWebhookRetry, type WebhookDeliveryRow } from '../data/deliveries-repo.js';
import { notificationLink } from '../domain/notifications.js';
import type { NotifiedEntity } from '../domain/notifications.js';
import type { EventKind } from '../domain/audiences.js';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../services/webhooks/signature.js';
import { backoffMs } from './mail-delivery.js';

export interface WebhookJobOptions {
  db: Db;
  publicUrl: string;
  now?: (() => Date) | undefined;
  maxAttempts?: number;
  timeoutMs?: number;
}

export function webhookBody(d: WebhookDeliveryRow, publicUrl: string): string {
  return JSON.stringify({
    id: d.outbox_id,
    event: d.kind,
    occurredAt: d.created_at.toISOString(),
    entity: { type: d.entity_type, id: d.entity_id, title: d.label },
    url:
      publicUrl.replace(/\/$/, '') +
      notificationLink({ kind: d.kind as EventKind, entityType: d.entity_type as NotifiedEntity, entityId: d.entity_id, data: {} }),
  });
}

export class WebhookJob {
  private readonly now: () => Date;
  private running: Promise<{ sent: number; retried: number; failed: number }> | null = null;

  constructor(private readonly opts: WebhookJobOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  run() {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass() {
    const counts = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const d = await claimWebhookDelivery(this.opts.db.pool, this.now());
      if (!d) return counts;
      counts[await this.call(d)] += 1;
    }
  }

  private async call(d: WebhookDeliveryRow): Promise<'sent' | 'retried' | 'failed'> {
    const body = webhookBody(d, this.opts.publicUrl);
    const timestamp = Math.floor(this.now().getTime() / 1000);
    let status: number | null = null;
    let error: string;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, body),
          'x-dvk-delivery': String(d.id),
        },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        await markWebhookDone(this.opts.db.pool, d.id, status, this.now());
        return 'sent';
      }
      error = `HTTP ${status}`;
    } catch (e) {
      error = String((e as Error).message ?? e).slice(0, 500);
    }
    const last = d.attempts >= (this.opts.maxAttempts ?? 8);
    await markWebhookRetry(this.opts.db.pool, d.id, status, last ? null : new Date(this.now().getTime() + backoffMs(d.attempts)), error);
    return last ? 'failed' : 'retried';
  }
}
