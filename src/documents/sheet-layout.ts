/**
 * The sheets that go both ways (templates and list exports) written from the one column list of
 * `domain/sheet-columns.ts`: the same headers, order, widths, drop-down lists and hidden key column.
 */
import { enumLabelOf, type SheetColumn } from '../domain/sheet-columns.js';
import type { XlsxColumn, XlsxValue } from './xlsx.js';

/** The Excel columns of a column list; enum columns get the drop-down list of their labels. */
export function xlsxColumns(columns: readonly SheetColumn[]): XlsxColumn[] {
  return columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    kind: c.type === 'date' ? 'date' : c.type === 'number' || c.type === 'money' ? 'number' : 'text',
    ...(c.type === 'money' ? { numFmt: '#,##0' } : {}),
    ...(c.hidden ? { hidden: true } : {}),
    ...(c.type === 'enum' && c.values?.length ? { list: c.values.map((v) => v.label) } : {}),
  }));
}

/**
 * One record's cells: enum values become their Vietnamese labels, dates stay `YYYY-MM-DD` (the
 * writer prints them `dd/mm/yyyy`), numbers stay numbers, missing values stay empty.
 */
export function sheetRow(
  columns: readonly SheetColumn[],
  raw: Record<string, string | number | null | undefined>,
): Record<string, XlsxValue> {
  const out: Record<string, XlsxValue> = {};
  for (const c of columns) {
    const v = raw[c.key];
    out[c.key] = v === undefined || v === null ? null : c.type === 'enum' ? enumLabelOf(c, String(v)) : v;
  }
  return out;
}
