/**
 * The deadline job: for every launched campaign with a calendar, finds what is still not done at
 * each deadline and reminds those who must do it — N days before, on the day and once after (the
 * campaign's settings). Each reminder is keyed by (kind, target, step) in `reminder_sent`, taken in
 * the transaction that writes its notification, so a restart, a second run or a second instance
 * sends nothing twice. The clock is injected.
 */
import type { Db } from '../data/db.js';
import {
  campaignsWithCalendar,
  claimReminder,
  linkReminderOutbox,
  modelsNotInspected,
  pendingCandidates,
  unitsNotRegistered,
  type CalendarCampaignRow,
} from '../data/reminders-repo.js';
import { localDay, reminderStep, type ReminderStep } from '../domain/deadlines.js';
import type { EventKind } from '../domain/audiences.js';
import { notify, type NotifyEvent } from '../services/notifications/notify.js';

export class ReminderJob {
  private readonly now: () => Date;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    now?: () => Date,
  ) {
    this.now = now ?? (() => new Date());
  }

  /** One pass; answers how many reminders it sent. Concurrent calls share the pass. */
  run(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    const at = this.now();
    const today = localDay(at);
    let sent = 0;
    for (const c of await campaignsWithCalendar(this.db.pool)) {
      const step = (due: string | null) => (due ? reminderStep(today, due, c.remind_days_before, c.remind_days_after) : null);
      const reg = step(c.registration_deadline);
      if (reg) {
        for (const u of await unitsNotRegistered(this.db.pool, c)) {
          sent += await this.remind(c, reg, at, u.id, {
            kind: 'reminder.registration',
            entityType: 'campaign',
            entityId: c.id,
            path: u.path,
            label: c.title,
            data: { unitName: u.name, dueDate: c.registration_deadline },
          });
        }
      }
      const ins = step(c.inspection_due_date);
      if (ins) {
        for (const m of await modelsNotInspected(this.db.pool, c.id)) {
          sent += await this.remind(c, ins, at, m.id, {
            kind: m.supporter_id ? 'reminder.inspection' : 'reminder.inspection_unassigned',
            entityType: 'registration',
            entityId: m.id,
            path: m.unit_path,
            label: m.title,
            persons: { supporter: m.supporter_id },
            data: { dueDate: c.inspection_due_date },
          });
        }
      }
      const rec = step(c.recognition_date);
      if (rec) {
        for (const k of await pendingCandidates(this.db.pool, c.id)) {
          const common = {
            entityType: 'round' as const,
            entityId: k.round_id,
            path: k.unit_path,
            round: { path: k.round_path, id: k.round_id, registrationId: k.registration_id },
            label: k.title,
            data: { dueDate: c.recognition_date },
          };
          const target = `${k.round_id}:${k.registration_id}`;
          if (!k.acknowledged) sent += await this.remind(c, rec, at, target, { ...common, kind: 'reminder.acknowledge' });
          sent += await this.remind(c, rec, at, target, { ...common, kind: 'reminder.vote' });
        }
      }
    }
    return sent;
  }

  /** One reminder, once: its key and its notification in one transaction. */
  private async remind(
    c: CalendarCampaignRow,
    step: ReminderStep,
    at: Date,
    targetId: string,
    e: Omit<NotifyEvent, 'actorId' | 'at'> & { kind: EventKind },
  ): Promise<number> {
    const key = { kind: e.kind, targetId, step, campaignId: c.id };
    return this.db.tx(async (q) => {
      if (!(await claimReminder(q, key, at))) return 0;
      const { outboxId } = await notify(q, { ...e, data: { ...e.data, step }, actorId: null, at });
      await linkReminderOutbox(q, key, outboxId);
      return 1;
    });
  }
}
