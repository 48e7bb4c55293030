/**
 * The e-mail job: queues each day's digests, then sends every due delivery through the SMTP server
 * of `DVK_SMTP_URL`. A delivery is claimed by one statement (`for update skip locked`, with a lease),
 * so several app instances share the queue and none sends a message another has taken. A refusal is
 * retried with back-off (1, 2, 4 … minutes, at most `maxAttempts` tries); an address the server
 * refuses outright (5xx to RCPT TO), or one that fails every try, is recorded on the account and
 * shown to administrators. The clock is injected: every time the job writes or compares is `now()`.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../data/db.js';
import {
  claimMailDelivery,
  mailContent,
  markMailFailed,
  markMailRetry,
  markMailSent,
  queueDigests,
  type MailDeliveryRow,
} from '../data/deliveries-repo.js';
import { describeEvent, eventFacts, renderMail } from '../domain/notifications.js';

export interface MailJobOptions {
  db: Db;
  /** smtp://user:pass@host:port or smtps://…; no URL, no mail (the queue waits). */
  smtpUrl: string | null;
  /** The address links point to (DVK_PUBLIC_URL). */
  publicUrl: string;
  from?: string;
  now?: () => Date;
  maxAttempts?: number;
}

/** Vietnam keeps UTC+7 all year: a digest covers one local day. */
const VN_OFFSET_MS = 7 * 3600_000;
export function previousLocalDay(now: Date): { day: string; from: Date; to: Date } {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  const todayStartUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - VN_OFFSET_MS;
  const from = new Date(todayStartUtc - 24 * 3600_000);
  const day = new Date(from.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
  return { day, from, to: new Date(todayStartUtc) };
}

export const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3600_000);

function refusedAddress(err: unknown): boolean {
  const e = err as { responseCode?: number; command?: string };
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && /RCPT/i.test(e.command ?? '');
}

export class MailJob {
  private readonly now: () => Date;
  private readonly maxAttempts: number;
  private transport: Transporter | null = null;
  private running: Promise<{ sent: number; retried: number; failed: number }> | null = null;

  constructor(private readonly opts: MailJobOptions) {
    this.now = opts.now ?? (() => new Date());
    this.maxAttempts = opts.maxAttempts ?? 6;
  }

  private smtp(): Transporter | null {
    if (!this.opts.smtpUrl) return null;
    this.transport ??= nodemailer.createTransport(this.opts.smtpUrl);
    return this.transport;
  }

  /** One pass: digests queued, then every due delivery sent or rescheduled. Concurrent calls share the pass. */
  run(): Promise<{ sent: number; retried: number; failed: number }> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass() {
    const counts = { sent: 0, retried: 0, failed: 0 };
    const smtp = this.smtp();
    if (!smtp) return counts;
    const { day, from, to } = previousLocalDay(this.now());
    await queueDigests(this.opts.db.pool, day, from, to, this.now());
    for (;;) {
      const d = await claimMailDelivery(this.opts.db.pool, this.now());
      if (!d) return counts;
      counts[await this.deliver(smtp, d)] += 1;
    }
  }

  private async deliver(smtp: Transporter, d: MailDeliveryRow): Promise<'sent' | 'retried' | 'failed'> {
    const db = this.opts.db.pool;
    const rows = await mailContent(db, d);
    if (rows.length === 0) {
      await markMailSent(db, d, this.now()); // nothing left to say (a digest of an empty day)
      return 'sent';
    }
    const items = rows.map((r) => ({ ...describeEvent(eventFacts(r)), at: r.created_at }));
    const msg = renderMail(items, this.opts.publicUrl, d.digest_day ?? undefined);
    try {
      await smtp.sendMail({
        from: this.opts.from ?? process.env.DVK_MAIL_FROM ?? '"DVK – Dân vận khéo" <no-reply@dvk.local>',
        to: d.to_address,
        subject: msg.subject,
        text: msg.text,
        html: msg.html,
        headers: { 'X-DVK-Delivery': String(d.id) },
      });
    } catch (err) {
      const error = String((err as Error).message ?? err).slice(0, 500);
      if (refusedAddress(err) || d.attempts >= this.maxAttempts) {
        await markMailFailed(db, d, this.now(), error);
        return 'failed';
      }
      await markMailRetry(db, d.id, new Date(this.now().getTime() + backoffMs(d.attempts)), error);
      return 'retried';
    }
    await markMailSent(db, d, this.now());
    return 'sent';
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}
