/** The shared text helper and the rules of a registration's level, period and year. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { levelsForDate, levelsForYear, registrationRuleError, yearForPeriod } from '../../src/domain/registration-rules.js';
import { longText, requiredText } from '../../src/domain/text-input.js';

const base = { level: 'commune', startDate: '2026-01-01', endDate: '2026-12-31', year: 2026 };
const code = (e: AppError | null) => e?.code ?? null;

describe('registration levels', () => {
  it('offers the district level only for periods starting before 1 July 2025', () => {
    expect(levelsForDate('2025-06-30')).toContain('district');
    expect(levelsForDate('2025-07-01')).not.toContain('district');
    expect(levelsForDate('2025-07-01')).toEqual(['central', 'province', 'block', 'commune', 'grassroots']);
    expect(levelsForYear(2024)).toContain('district');
    expect(levelsForYear(2026)).not.toContain('district');
  });

  it('refuses a level off the list, the district level after it ended, a period outside the year or the campaign', () => {
    expect(code(registrationRuleError(base))).toBeNull();
    expect(code(registrationRuleError({ ...base, level: 'galaxy' }))).toBe('VALIDATION_FAILED');
    expect(code(registrationRuleError({ ...base, level: 'district' }))).toBe('DISTRICT_LEVEL_ENDED');
    expect(code(registrationRuleError({ ...base, level: 'district', startDate: '2025-06-30', year: 2025 }))).toBeNull();
    expect(code(registrationRuleError({ ...base, startDate: '1900-01-01', endDate: '1900-12-31' }))).toBe('PERIOD_OUTSIDE_YEAR');
    expect(code(registrationRuleError({ ...base, startDate: '2015-12-31' }))).toBe('PERIOD_TOO_LONG');
    expect(code(registrationRuleError({ ...base, endDate: '2025-12-31' }))).toBe('DATES_INVALID');
    expect(code(registrationRuleError({ ...base, startDate: '2025-12-31', year: 2025 }))).toBeNull();
    const campaign = { title: 'Đợt 2021–2025', yearFrom: 2021, yearTo: 2025 };
    expect(code(registrationRuleError({ ...base, campaign }))).toBe('YEAR_OUTSIDE_CAMPAIGN');
    expect(code(registrationRuleError({ ...base, startDate: '2025-02-01', year: 2025, campaign }))).toBeNull();
  });

  it("dates set without a year keep the year while the period overlaps it, else take the start's year", () => {
    expect(yearForPeriod('2025-10-01', '2026-09-30')).toBe(2025);
    expect(yearForPeriod('2025-10-01', '2026-09-30', 2026)).toBe(2026);
    expect(yearForPeriod('2027-01-05', '2027-12-20', 2026)).toBe(2027);
  });
});

describe('text input', () => {
  const title = requiredText(300);
  const long = longText(2000);
  it('refuses text that shows nothing and control characters; keeps what a person typed', () => {
    for (const v of ['', '   ', '\u200B', '\u0301\u0309', '\u200D\u200C', '\u3164\u2800'])
      expect(title.safeParse(v).success, JSON.stringify(v)).toBe(false);
    for (const v of ['a\u0000b', 'a\u0007', 'a\u007F', 'a\u0085', 'a\u202Eb', 'a\uDC00'])
      expect(title.safeParse(v).success, JSON.stringify(v)).toBe(false);
    expect(title.parse('  Ấp\u00A03\u200B ')).toBe('Ấp\u00A03');
    expect(title.parse('Mô\thình\nmới')).toBe('Mô hình mới');
    expect(title.parse('Chu\u0309 tịch')).toBe('Chủ tịch');
    expect(title.parse('👨\u200D👩\u200D👧 gia đình')).toBe('👨\u200D👩\u200D👧 gia đình');
    expect(long.parse('Một\r\nHai\rBa\tbốn')).toBe('Một\nHai\nBa\tbốn');
    expect(long.parse('')).toBe('');
    expect(long.safeParse('\u0301').success).toBe(false);
  });
});
