import { describe, expect, it } from 'vitest';
import {
  enumLabelOf,
  enumValueOf,
  isHeaderRow,
  keyColumn,
  parseSheetDate,
  parseSheetNumber,
  SHEET_COLUMNS,
  SHEET_KINDS,
  withCatalogues,
} from '../../src/domain/sheet-columns.js';
import { foldVietnamese } from '../../src/domain/text.js';

const catalogues = {
  fields: [
    { code: 'economic', name: 'Kinh tế' },
    { code: 'other', name: 'Khác' },
  ],
  commendationForms: [{ code: 'giay_khen', name: 'Giấy khen' }],
};

describe('sheet columns', () => {
  it.each(SHEET_KINDS)('%s: one key column, last, and headers told apart without diacritics', (kind) => {
    const cols = SHEET_COLUMNS[kind];
    expect(cols.filter((c) => c.isKey)).toHaveLength(1);
    expect(cols[cols.length - 1]!.isKey).toBe(true);
    expect(keyColumn(kind)).toBe(cols[cols.length - 1]);
    expect(new Set(cols.map((c) => foldVietnamese(c.header))).size).toBe(cols.length);
    expect(new Set(cols.map((c) => c.key)).size).toBe(cols.length);
  });

  it.each(SHEET_KINDS)('%s: every enum has Vietnamese labels once catalogues are filled, and examples are allowed', (kind) => {
    for (const c of withCatalogues(kind, catalogues)) {
      if (c.type !== 'enum') continue;
      expect(c.values?.length, c.header).toBeGreaterThan(0);
      expect(new Set(c.values!.map((v) => foldVietnamese(v.label))).size).toBe(c.values!.length);
      if (c.example !== '') expect(enumValueOf(c, c.example), `${c.header}: ${c.example}`).not.toBeNull();
    }
  });

  it('the keys are the unit code, the username and the registration id', () => {
    expect(keyColumn('units').key).toBe('code');
    expect(keyColumn('users').key).toBe('username');
    expect(keyColumn('registrations').key).toBe('id');
  });

  it('finds the header row among title rows, with extra cells after it', () => {
    const headers = SHEET_COLUMNS.units.map((c) => c.header);
    expect(isHeaderRow('units', ['DANH SÁCH ĐƠN VỊ'])).toBe(false);
    expect(isHeaderRow('units', [...headers, 'Ghi chú riêng'])).toBe(true);
    expect(
      isHeaderRow(
        'units',
        headers.map((h) => foldVietnamese(h).toUpperCase()),
      ),
    ).toBe(true);
    expect(isHeaderRow('units', headers.slice(1))).toBe(false);
  });

  it('reads labels, values, dates and numbers as users type them', () => {
    const level = SHEET_COLUMNS.units.find((c) => c.key === 'level')!;
    expect(enumValueOf(level, 'xa')).toBe('commune');
    expect(enumValueOf(level, 'commune')).toBe('commune');
    expect(enumValueOf(level, 'Thôn')).toBeNull();
    expect(enumLabelOf(level, 'grassroots')).toBe('Cơ sở');
    expect(parseSheetDate('05/03/2024')).toBe('2024-03-05');
    expect(parseSheetDate('2024-03-05')).toBe('2024-03-05');
    expect(parseSheetDate('31/02/2024')).toBeNull();
    expect(parseSheetDate(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(parseSheetNumber('1.500.000')).toBe(1500000);
    expect(parseSheetNumber(120)).toBe(120);
    expect(parseSheetNumber('12,5')).toBeNull();
  });
});
