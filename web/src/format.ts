import dayjs, { type Dayjs } from 'dayjs';

/**
 * Every date and time the app shows is Vietnam time (Asia/Ho_Chi_Minh), as the server's documents
 * and deadlines are, whatever time zone the browser is set to.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const vietnamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Vietnam wall clock of an instant: year, month, day, hour, minute as text. */
function inVietnam(instant: Date) {
  const parts = Object.fromEntries(vietnamParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/**
 * dd/mm/yyyy, as on every Vietnamese form. A calendar date (`2026-03-01`) is shown as it is; an
 * instant (`2026-02-28T18:30:00Z`) is shown as the date it was in Vietnam (01/03/2026).
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = DATE_ONLY.exec(iso);
  if (date) return `${date[3]}/${date[2]}/${date[1]}`;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const v = inVietnam(at);
  return `${v.day}/${v.month}/${v.year}`;
}

/** hh:mm dd/mm/yyyy in Vietnam time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const v = inVietnam(at);
  return `${v.hour}:${v.minute} ${v.day}/${v.month}/${v.year}`;
}

/** Today's date in Vietnam as a date picker's value (midnight of that calendar day). */
export function vietnamToday(): Dayjs {
  const v = inVietnam(new Date());
  return dayjs(`${v.year}-${v.month}-${v.day}`);
}

/** The current year in Vietnam. */
export const vietnamYear = (): number => Number(inVietnam(new Date()).year);

/** A calendar date (`YYYY-MM-DD`) as a date picker's value. */
export const dateValue = (iso: string): Dayjs => dayjs(iso);

/** 4.110: dot for thousands. */
export const formatNumber = (n: number) => n.toLocaleString('vi-VN');
export const collator = new Intl.Collator('vi');
