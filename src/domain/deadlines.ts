/**
 * Deadlines of a campaign's calendar: which reminder step is due on a day, and what is overdue.
 * Dates are `YYYY-MM-DD` in Vietnam's time (UTC+7 all year). No I/O.
 */
export type ReminderStep = 'before' | 'on' | 'after';
export const REMINDER_STEPS: readonly ReminderStep[] = ['before', 'on', 'after'];

const VN_OFFSET_MS = 7 * 3600_000;
/** The day in Vietnam at this instant. */
export function localDay(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The step due on `today` for a deadline: `before` from N days ahead (none when N is 0), `on` from
 * the day itself, `after` from M days past it; null before the first. Only the latest step due is
 * sent: a job that did not run for a while does not send the missed ones late.
 */
export function reminderStep(today: string, due: string, daysBefore: number, daysAfter: number): ReminderStep | null {
  if (today >= addDays(due, daysAfter)) return 'after';
  if (today >= due) return 'on';
  if (daysBefore > 0 && today >= addDays(due, -daysBefore)) return 'before';
  return null;
}

/** Past the day: what is still not done is "quá hạn". */
export const isOverdue = (today: string, due: string | null | undefined) => !!due && today > due;
export const OVERDUE_LABEL = 'Quá hạn';

/** A model past its campaign's inspection due date without an inspection is "quá hạn". */
export const inspectionOverdue = (today: string, r: { awaiting_inspection: boolean; inspection_due_date: string | null }) =>
  r.awaiting_inspection && isOverdue(today, r.inspection_due_date);
