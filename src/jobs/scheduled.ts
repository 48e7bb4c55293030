/**
 * The scheduled jobs of one app instance: deadline reminders, e-mails, webhook calls. Each is safe
 * with several instances (claims with `for update skip locked`, unique keys), so every instance
 * runs them on its timer; a pass already running is shared, not doubled.
 */
import type { Db } from '../data/db.js';
import { MailJob } from './mail-delivery.js';
import { ReminderJob } from './reminders.js';
import { WebhookJob } from './webhook-delivery.js';

export interface JobOptions {
  db: Db;
  smtpUrl: string | null;
  publicUrl: string;
  now?: (() => Date) | undefined;
}

export function createJobs(opts: JobOptions) {
  const mail = new MailJob({ db: opts.db, smtpUrl: opts.smtpUrl, publicUrl: opts.publicUrl, now: opts.now });
  const reminders = new ReminderJob(opts.db, opts.now);
  const webhooks = new WebhookJob({ db: opts.db, publicUrl: opts.publicUrl, now: opts.now });
  return {
    reminders,
    mail,
    webhooks,
    /** One pass of every job, in order: reminders are written before the mail that carries them. */
    async runAll() {
      await reminders.run();
      await mail.run();
      await webhooks.run();
    },
    async close() {
      mail.close();
    },
  };
}
export type Jobs = ReturnType<typeof createJobs>;
