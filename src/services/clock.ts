/**
 * Today's date as DVK sees it: the calendar day in Vietnam (UTC+7), or `DVK_TODAY` (YYYY-MM-DD)
 * when set, so that a test or a rehearsal can move the clock without waiting. Tests in the same
 * process may also set it with `setToday`.
 */
let fixed: string | null = null;

export function setToday(date: string | null): void {
  fixed = date;
}

export function today(): string {
  if (fixed) return fixed;
  const env = process.env.DVK_TODAY;
  if (env && /^\d{4}-\d{2}-\d{2}$/.test(env)) return env;
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
