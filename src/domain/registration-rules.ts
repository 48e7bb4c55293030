/**
 * Rules a registration's level, period and year obey together. Pure functions: the services call
 * `registrationRuleError` with the values a registration will have after a create or an edit, and
 * the web form calls `levelsForDate` to offer only the levels that exist at the period's start.
 */
import { AppError } from './errors.js';
import { formatDateVi } from './statistics.js';
import { UNIT_LEVELS, type UnitLevel } from './unit-kinds.js';

/** The district level (cấp huyện) ended on this day with the 2025 reorganisation of local government. */
export const DISTRICT_LEVEL_ENDS = '2025-07-01';
/** A registration's period of work stays within this many years (a campaign runs five). */
export const MAX_PERIOD_YEARS = 10;

/**
 * The levels a registration whose period starts on `date` (YYYY-MM-DD) may take: the same closed
 * list the statistics filter by, without the district level from 1 July 2025.
 */
export function levelsForDate(date: string): UnitLevel[] {
  return UNIT_LEVELS.filter((l) => l !== 'district' || date < DISTRICT_LEVEL_ENDS);
}

/** The levels a registration of `year` may take when its period starts on 1 January of that year. */
export function levelsForYear(year: number): UnitLevel[] {
  return levelsForDate(`${String(year).padStart(4, '0')}-01-01`);
}

export interface RegistrationPeriod {
  level: string;
  startDate: string;
  endDate: string;
  year: number;
  /** The campaign the registration answers, if any. */
  campaign?: { title: string; yearFrom: number; yearTo: number } | null;
}

/** True when the period has at least one day in `year`. */
export function periodOverlapsYear(startDate: string, endDate: string, year: number): boolean {
  return startDate <= `${year}-12-31` && endDate >= `${year}-01-01`;
}

/**
 * The year a registration has when its dates are set without a year: the start's year for a new
 * one; on an edit, the year it had while the new period still overlaps it, else the start's year.
 */
export function yearForPeriod(startDate: string, endDate: string, currentYear?: number): number {
  if (currentYear !== undefined && periodOverlapsYear(startDate, endDate, currentYear)) return currentYear;
  return Number(startDate.slice(0, 4));
}

function addYears(iso: string, years: number): string {
  return `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;
}

/** The first rule the values break, as the error the user will read; null when they hold. */
export function registrationRuleError(r: RegistrationPeriod): AppError | null {
  if (r.endDate < r.startDate) return new AppError('DATES_INVALID');
  if (addYears(r.startDate, MAX_PERIOD_YEARS) < r.endDate) {
    return new AppError('PERIOD_TOO_LONG', { years: MAX_PERIOD_YEARS });
  }
  if (!periodOverlapsYear(r.startDate, r.endDate, r.year)) {
    return new AppError('PERIOD_OUTSIDE_YEAR', { start: formatDateVi(r.startDate), end: formatDateVi(r.endDate), year: r.year });
  }
  if (!(levelsForDate(r.startDate) as string[]).includes(r.level)) {
    return r.level === 'district'
      ? new AppError('DISTRICT_LEVEL_ENDED', { start: formatDateVi(r.startDate) })
      : new AppError('VALIDATION_FAILED', { detail: 'cấp đăng ký không nằm trong danh sách cho phép' });
  }
  const c = r.campaign;
  if (c && (r.year < c.yearFrom || r.year > c.yearTo)) {
    return new AppError('YEAR_OUTSIDE_CAMPAIGN', { year: r.year, title: c.title, from: c.yearFrom, to: c.yearTo });
  }
  return null;
}
