/**
 * The figures and dates the web app's fields take as officers type them: one money formatter and
 * parser for every amount, dates typed with or without slashes, and the district level that ended
 * with the 2025 reform.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney, moneyVnd, parseMoney } from '../../src/domain/money.js';
import { parseTypedDate, typedDateText } from '../../src/domain/typed-date.js';
import { levelsForDate, registrationRuleError } from '../../src/domain/registration-rules.js';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS } from '../../src/domain/unit-kinds.js';
import { errorMessage } from '../../src/domain/errors.js';

describe('money as it is typed and shown', () => {
  it('groups thousands with dots, from a number or from text as typed', () => {
    expect(formatMoney(98500000)).toBe('98.500.000');
    expect(formatMoney('98500000')).toBe('98.500.000');
    expect(formatMoney('98.5000')).toBe('985.000'); // a dot typed in the wrong place is regrouped
    expect(formatMoney('1500')).toBe('1.500');
    expect(formatMoney(999)).toBe('999');
    expect(formatMoney(0)).toBe('0');
    expect(formatMoney('007')).toBe('7');
    expect(formatMoney('')).toBe('');
    expect(formatMoney(null)).toBe('');
    expect(formatMoney('abc')).toBe('');
  });

  it('reads the amount back whatever the grouping', () => {
    expect(parseMoney('98.500.000')).toBe(98500000);
    expect(parseMoney('98 500 000')).toBe(98500000);
    expect(parseMoney('98500000')).toBe(98500000);
    expect(parseMoney('98.500.000 đồng')).toBe(98500000);
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('đồng')).toBeNull();
    for (const n of [0, 7, 1000, 98500000, 123456789012]) expect(parseMoney(formatMoney(n))).toBe(n);
  });

  it('shows an amount in đồng, and a missing one as a dash', () => {
    expect(moneyVnd(98500000)).toBe('98.500.000 đồng');
    expect(moneyVnd(null)).toBe('—');
  });
});

describe('dates typed on a phone or at a desk', () => {
  it('reads dd/mm/yyyy with or without separators', () => {
    expect(parseTypedDate('25/11/2026')).toEqual({ ok: true, iso: '2026-11-25' });
    expect(parseTypedDate('25112026')).toEqual({ ok: true, iso: '2026-11-25' });
    expect(parseTypedDate(' 5/3/2026 ')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseTypedDate('05-03-2026')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseTypedDate('05.03.2026')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseTypedDate('29/02/2028')).toEqual({ ok: true, iso: '2028-02-29' });
    expect(typedDateText('2026-11-25')).toBe('25/11/2026');
  });

  it('says in Vietnamese why a date cannot be read', () => {
    const reason = (t: string) => {
      const p = parseTypedDate(t);
      return p.ok ? null : p.reason;
    };
    expect(reason('31/02/2026')).toBe('Ngày 31/02/2026 không có: tháng 2 năm 2026 có 28 ngày.');
    expect(reason('29/02/2026')).toContain('có 28 ngày');
    expect(reason('12/13/2026')).toBe('Tháng 13 không có. Vui lòng gõ tháng từ 1 đến 12.');
    expect(reason('25/11/26')).toContain('ngày/tháng/năm');
    expect(reason('hôm qua')).toContain('Chưa đọc được ngày');
    expect(reason('01/01/1800')).toContain('Năm 1800');
    expect(reason('')).toBe('');
  });
});

describe('the district level after the 2025 reform', () => {
  it('is offered and accepted only for periods starting before 01/07/2025', () => {
    expect(levelsForDate('2025-06-30')).toContain('district');
    expect(levelsForDate('2025-07-01')).not.toContain('district');
    const base = { startDate: '2025-07-01', endDate: '2025-12-31', year: 2025 };
    const late = registrationRuleError({ ...base, level: 'district' });
    expect(late?.code).toBe('DISTRICT_LEVEL_ENDED');
    expect(errorMessage(late!.code, late!.params, 'vi')).toContain('Cấp huyện không còn từ ngày 01/07/2025');
    expect(registrationRuleError({ ...base, level: 'commune' })).toBeNull();
    expect(registrationRuleError({ ...base, startDate: '2025-06-30', level: 'district' })).toBeNull();
  });

  it('is named as the former level wherever levels and kinds are listed', () => {
    expect(UNIT_LEVEL_LABELS.district).toBe('Huyện (cũ)');
    expect(UNIT_KIND_LABELS.district).toContain('(cũ');
    expect(UNIT_LEVEL_LABELS.commune).toBe('Xã');
  });
});
