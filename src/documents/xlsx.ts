/**
 * Excel workbooks: the tables of a report, and long lists written as a stream. Every sheet has the
 * same layout: row 1 the title, row 2 the filters applied, row 3 the header, data from row 4.
 */
import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { ReportFigures } from '../domain/report-schemas.js';
import { formatDateVi } from '../domain/statistics.js';
import { figureTables, periodVi, type FigureKind } from './figure-tables.js';

export type XlsxKind = 'text' | 'number' | 'date' | 'percent';
export type XlsxValue = string | number | null;
export interface XlsxColumn {
  header: string;
  key: string;
  width?: number;
  kind?: XlsxKind;
  /** Excel number format; counts default to "#,##0", so the reader's locale writes "4.110". */
  numFmt?: string;
  /** Written but not shown (a record's key the reader need not see). */
  hidden?: boolean;
  /** The allowed values: the cells below the header get a drop-down list of them. */
  list?: string[];
}
export interface XlsxSheet {
  name: string;
  title: string;
  subtitle?: string;
  columns: XlsxColumn[];
}
export interface XlsxTableSheet extends XlsxSheet {
  rows: Record<string, XlsxValue>[];
  totalRow?: Record<string, XlsxValue>;
}

export const HEADER_ROW = 3;
/** The hidden sheet holding the drop-down lists (an inline list is limited to 255 characters and breaks on commas). */
export const LISTS_SHEET = 'Danh mục';
/**
 * How many rows below the data still get the drop-down lists. A reader (exceljs, the import) expands
 * a validated range into one entry per cell, so the range stops a little below the data.
 */
export const LIST_SPARE_ROWS = 1000;
/** Above this many rows a streamed list gets no drop-down lists (the file stays quick to read back). */
export const LIST_MAX_ROWS = 20_000;
const FONT = { name: 'Times New Roman', size: 12 } as const;
const THIN = { style: 'thin', color: { argb: 'FF808080' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A name Excel accepts: no []:*?/\, not starting or ending with an apostrophe, at most 31
 * characters, and not one already taken in the workbook (Excel compares names case-blind).
 */
export function sanitiseSheetName(name: string, taken: Iterable<string> = []): string {
  let base = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base) base = 'Trang tính';
  base = [...base].slice(0, 31).join('').trim();
  const used = new Set([...taken].map((n) => n.toLocaleLowerCase('vi-VN')));
  let out = base;
  for (let i = 2; used.has(out.toLocaleLowerCase('vi-VN')); i++) {
    const suffix = ` (${i})`;
    out =
      [...base]
        .slice(0, 31 - suffix.length)
        .join('')
        .trimEnd() + suffix;
  }
  return out;
}

/** An ordinal or a year printed with grouping reads as "2.025"; such columns keep plain digits. */
function numFmtOf(c: XlsxColumn): string | undefined {
  if (c.numFmt) return c.numFmt;
  if (c.kind === 'percent') return '0.0%';
  if (c.kind !== 'number') return undefined;
  const plain = /^(stt|năm)$/i.test(c.header.trim()) || c.key === 'no' || c.key === 'year';
  return plain ? '0' : '#,##0';
}

function cellValue(v: XlsxValue | undefined, c: XlsxColumn): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  // Dates stay text: a date cell shows in the reader's locale, often as 11/23/2026.
  if (c.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return formatDateVi(v);
  return v;
}

export function worksheetOptions(sheet: XlsxSheet): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: sheet.columns.length > 7 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  };
}

/** Title, subtitle and header; the data rows follow from row 4. */
export function writeHead(ws: ExcelJS.Worksheet, sheet: XlsxSheet, commit: boolean): void {
  const n = sheet.columns.length;
  ws.columns = sheet.columns.map((c) => ({
    key: c.key,
    width: c.width ?? (c.kind === 'number' || c.kind === 'percent' ? 12 : c.kind === 'date' ? 12 : 24),
    hidden: c.hidden ?? false,
  }));
  const title = ws.getRow(1);
  title.getCell(1).value = sheet.title;
  title.getCell(1).font = { ...FONT, size: 14, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  title.height = 24;
  const sub = ws.getRow(2);
  sub.getCell(1).value = sheet.subtitle ?? '';
  sub.getCell(1).font = { ...FONT, italic: true };
  sub.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (n > 1) {
    ws.mergeCells(1, 1, 1, n);
    ws.mergeCells(2, 1, 2, n);
  }
  const head = ws.getRow(HEADER_ROW);
  sheet.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  head.height = 32;
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: n } };
  if (commit) {
    title.commit();
    sub.commit();
    head.commit();
  }
}

export function fillRow(row: ExcelJS.Row, columns: XlsxColumn[], values: Record<string, XlsxValue>, bold = false): void {
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = cellValue(values[c.key], c);
    cell.font = bold ? { ...FONT, bold: true } : FONT;
    cell.border = BORDER;
    const fmt = numFmtOf(c);
    if (fmt && typeof cell.value === 'number') cell.numFmt = fmt;
    cell.alignment = {
      vertical: 'top',
      wrapText: c.kind !== 'number' && c.kind !== 'percent',
      horizontal: typeof cell.value === 'number' ? 'right' : c.kind === 'date' ? 'center' : 'left',
    };
  });
}

/** exceljs has range validations on every worksheet (also the streamed one), missing from its types. */
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

const columnLetter = (n: number): string =>
  (n > 26 ? columnLetter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

/**
 * Drop-down lists on the cells below the header of each column with a `list`; the values live in
 * the hidden lists sheet, column `first` onwards. Returns the columns of values to write there.
 */
export function addListValidations(ws: ExcelJS.Worksheet, sheet: XlsxSheet, dataRows: number, first = 1): string[][] {
  const last = HEADER_ROW + dataRows + LIST_SPARE_ROWS;
  const lists: string[][] = [];
  sheet.columns.forEach((c, i) => {
    if (!c.list?.length) return;
    const at = columnLetter(first + lists.length);
    lists.push(c.list);
    const col = columnLetter(i + 1);
    validations(ws).add(`${col}${HEADER_ROW + 1}:${col}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${at}$2:$${at}$${lists.at(-1)!.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Giá trị không có trong danh sách',
      error: `Cột "${c.header}" chỉ nhận một giá trị trong danh sách.`,
    });
  });
  return lists;
}

/** Writes the hidden lists sheet: row 1 the column's header, the values below. */
export function writeListsSheet(ws: ExcelJS.Worksheet, headers: string[], lists: string[][], commit: boolean): void {
  const height = Math.max(0, ...lists.map((l) => l.length));
  for (let r = 0; r <= height; r++) {
    const row = ws.getRow(r + 1);
    lists.forEach((l, i) => {
      const v = r === 0 ? headers[i] : l[r - 1];
      if (v !== undefined) row.getCell(i + 1).value = v;
    });
    if (commit) row.commit();
  }
}

const listHeaders = (sheet: XlsxSheet) => sheet.columns.filter((c) => c.list?.length).map((c) => c.header);

export async function buildTableWorkbook(sheets: XlsxTableSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DVK';
  wb.created = new Date();
  const names: string[] = [];
  const lists: string[][] = [];
  const headers: string[] = [];
  for (const sheet of sheets) {
    const name = sanitiseSheetName(sheet.name, names);
    names.push(name);
    const ws = wb.addWorksheet(name, worksheetOptions(sheet));
    writeHead(ws, sheet, false);
    let r = HEADER_ROW + 1;
    for (const values of sheet.rows) fillRow(ws.getRow(r++), sheet.columns, values);
    if (sheet.totalRow) fillRow(ws.getRow(r), sheet.columns, sheet.totalRow, true);
    lists.push(...addListValidations(ws, sheet, sheet.rows.length, lists.length + 1));
    headers.push(...listHeaders(sheet));
  }
  if (lists.length) writeListsSheet(wb.addWorksheet(LISTS_SHEET, { state: 'hidden' }), headers, lists, false);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const KIND: Record<FigureKind, XlsxKind> = { text: 'text', number: 'number', code: 'number', percent: 'percent' };

/** The statistics tables of a report, one sheet each, the same tables as the Word report. */
export function reportFigureSheets(figures: ReportFigures): Parameters<typeof buildTableWorkbook>[0] {
  const scope = [figures.unit.name, periodVi(figures.yearFrom, figures.yearTo).slice(1, -1)];
  if (figures.campaign) scope.push(`Đợt phát động: ${figures.campaign.title}`);
  return figureTables(figures).map((t) => {
    const columns: XlsxColumn[] = t.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      kind: KIND[c.kind],
      ...(c.kind === 'code' ? { numFmt: '0' } : {}),
    }));
    const label = t.columns.find((c) => c.kind === 'text')?.key ?? t.columns[0]!.key;
    const empty = t.rows.length === 0;
    return {
      name: t.sheet,
      title: t.caption.toLocaleUpperCase('vi-VN'),
      subtitle: scope.join(' – '),
      columns,
      // An empty table says so in words, as the report does, rather than a bare header.
      rows: empty ? [{ [label]: t.empty }] : t.rows,
      ...(t.total && !empty ? { totalRow: t.total } : {}),
    };
  });
}

/**
 * Writes a list too long to hold in memory: each row goes to the file as it arrives. Returns the
 * number of rows written; `onProgress` hears the count every 1,000 rows and once at the end. A
 * source that fails leaves no file behind.
 */
export async function writeRowsWorkbook(
  filePath: string,
  sheet: XlsxSheet,
  rows: AsyncIterable<Record<string, XlsxValue>>,
  onProgress?: (n: number) => void | Promise<void>,
  /** The rows expected (the list's count), for the drop-down lists' range. */
  expectedRows = 0,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true, useSharedStrings: false });
  wb.creator = 'DVK';
  wb.created = new Date();
  const ws = wb.addWorksheet(sanitiseSheetName(sheet.name), worksheetOptions(sheet));
  writeHead(ws, sheet, true);
  const lists = expectedRows <= LIST_MAX_ROWS ? addListValidations(ws, sheet, expectedRows) : [];
  let n = 0;
  try {
    for await (const values of rows) {
      const row = ws.getRow(HEADER_ROW + 1 + n);
      fillRow(row, sheet.columns, values);
      row.commit();
      n += 1;
      if (onProgress && n % 1000 === 0) await onProgress(n);
    }
  } catch (err) {
    // Close the file before removing it, so a failed export leaves no handle and no half file.
    await wb.commit().catch(() => undefined);
    await fs.rm(filePath, { force: true });
    throw err;
  }
  ws.commit();
  // The lists sheet follows the data: a streamed sheet is written whole before the next begins.
  if (lists.length) writeListsSheet(wb.addWorksheet(LISTS_SHEET, { state: 'hidden' }), listHeaders(sheet), lists, true);
  await wb.commit();
  if (onProgress && (n === 0 || n % 1000 !== 0)) await onProgress(n);
  return n;
}
