/**
 * Reads an uploaded sheet row by row without holding it: an .xlsx through exceljs's streaming
 * WorkbookReader (every sheet of the workbook, in order), a .csv decoded from UTF-8 or
 * Windows-1258. Title rows, merged title cells and blank separator rows are skipped: a sheet's
 * rows count from the first row whose cells name at least two known columns, and a later row that
 * names columns again starts a new table.
 */
import fs from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { cellText, decodeCsvBytes, matchHeaderRow, type CellValue, type ImportColumn } from '../domain/import-values.js';
import { toUnicodeText, type LegacyCharset } from '../domain/legacy-encodings.js';
import { isExampleRow, type SheetKind } from '../domain/sheet-columns.js';

/**
 * The template's guide sheet and its hidden lists (`GUIDE_SHEET` of documents/import-template.ts and
 * `LISTS_SHEET` of documents/xlsx.ts, named here so the server does not load exceljs at start-up;
 * tests/domain/import-values.test.ts checks they agree).
 */
export const TEMPLATE_SHEETS: readonly string[] = ['Hướng dẫn', 'Danh mục'];

export interface SheetRow {
  sheet: string;
  line: number;
  /** Cells by column key, legacy text converted to Unicode. */
  cells: Record<string, CellValue>;
  conversions: { column: string; from: LegacyCharset; before: string; after: string }[];
  /** The headers as this sheet writes them, by column key (reasons name the column the reader sees). */
  headers: Record<string, string>;
}

export interface ReadNotes {
  notes: string[];
}

interface RawRow {
  sheet: string;
  line: number;
  values: CellValue[];
  fonts: (string | undefined)[];
}

/** Decodes UTF-8 across chunk boundaries: a character split between two chunks stays whole. */
async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    const text = typeof c === 'string' ? c : decoder.write(c);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

let readerFixed = false;

/**
 * exceljs 4.4's streaming reader decodes every chunk of a zip entry on its own, so a Vietnamese
 * letter (2–3 bytes in UTF-8) split between two chunks comes out as "��" ("Đã hoàn thành" read as
 * "Đ�� hoàn thành", a few cells in a 50,000-row file). The worksheets and the shared strings are
 * handed to it already decoded, across chunk boundaries.
 */
function fixStreamingDecode(WorkbookReader: unknown): void {
  if (readerFixed) return;
  readerFixed = true;
  const proto = (WorkbookReader as { prototype: Record<string, (...a: unknown[]) => unknown> }).prototype;
  const parseWorksheet = proto._parseWorksheet!;
  proto._parseWorksheet = function (this: unknown, iterator: unknown, sheetNo: unknown) {
    return parseWorksheet.call(this, utf8Chunks(iterator as AsyncIterable<Buffer>), sheetNo);
  };
  const parseSharedStrings = proto._parseSharedStrings!;
  proto._parseSharedStrings = function (this: unknown, entry: unknown) {
    (entry as NodeJS.ReadableStream).setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
}

async function* xlsxRows(file: string, notes: ReadNotes): AsyncGenerator<RawRow> {
  const { default: ExcelJS } = await import('exceljs');
  fixStreamingDecode(ExcelJS.stream.xlsx.WorkbookReader);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let index = 0;
  for await (const ws of reader) {
    index += 1;
    const info = ws as unknown as { name?: string; state?: string };
    const sheet = info.name ?? `Trang ${index}`;
    // A hidden sheet (the template's lists, an office's scratch sheet) is not data.
    if (info.state === 'hidden' || info.state === 'veryHidden') {
      for await (const row of ws) void row;
      continue;
    }
    if (!TEMPLATE_SHEETS.includes(sheet)) notes.notes.push(`Đã đọc trang '${sheet}'`);
    for await (const row of ws) {
      const values: CellValue[] = [];
      const fonts: (string | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        values[col - 1] = cell.value as CellValue;
        fonts[col - 1] = cell.font?.name;
      });
      yield { sheet, line: row.number, values, fonts };
    }
  }
}

async function* csvRows(file: string, name: string, notes: ReadNotes): AsyncGenerator<RawRow> {
  const { parse } = await import('csv-parse/sync');
  const { text, encoding } = decodeCsvBytes(await fs.readFile(file));
  notes.notes.push(encoding === 'utf-8' ? 'Tệp CSV mã UTF-8' : 'Tệp CSV mã Windows-1258 (tiếng Việt của Windows), đã chuyển sang Unicode');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = [';', '\t', ','].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  let line = 0;
  for (const values of records) {
    line += 1;
    yield { sheet: name, line, values, fonts: [] };
  }
}

/** The rows of the file under the kind's columns, header rows and blank rows left out. */
export async function* readSheetRows(
  file: string,
  type: 'xlsx' | 'csv',
  fileName: string,
  kind: SheetKind,
  columns: readonly ImportColumn[],
  notes: ReadNotes,
): AsyncGenerator<SheetRow> {
  const source = type === 'xlsx' ? xlsxRows(file, notes) : csvRows(file, fileName, notes);
  const headers = columns.map((c) => c.header);
  let sheet: string | null = null;
  let map: Map<number, string> | null = null;
  let fileHeaders: Record<string, string> = {};
  const converted: Record<string, number> = {};
  for await (const raw of source) {
    if (raw.sheet !== sheet) {
      sheet = raw.sheet;
      map = null;
    }
    // The template's guide and its hidden lists are not data.
    if (TEMPLATE_SHEETS.includes(raw.sheet)) continue;
    const texts = Array.from({ length: raw.values.length }, (_, i) => cellText(raw.values[i]));
    if (texts.every((t) => !t)) continue;
    // A header row (its text may itself be in a legacy font).
    const unicode = texts.map((t, i) => toUnicodeText(t, raw.fonts[i]).text);
    const header = matchHeaderRow(unicode, columns);
    if (header) {
      map = header;
      fileHeaders = Object.fromEntries([...header].map(([i, key]) => [key, unicode[i]!.replace(/\s+/g, ' ').trim()]));
      continue;
    }
    if (!map) continue;
    // The template's example row, left in by mistake.
    if (isExampleRow(kind, texts)) continue;
    const cells: Record<string, CellValue> = {};
    const conversions: SheetRow['conversions'] = [];
    for (const [i, key] of map) {
      let v = raw.values[i];
      if (typeof v === 'string' || (v && typeof v === 'object' && !(v instanceof Date))) {
        const t = cellText(v);
        const u = toUnicodeText(t, raw.fonts[i]);
        if (u.from) {
          conversions.push({
            column: fileHeaders[key] ?? headers[columns.findIndex((c) => c.key === key)] ?? key,
            from: u.from,
            before: t,
            after: u.text,
          });
          converted[u.from] = (converted[u.from] ?? 0) + 1;
        }
        v = u.text;
      }
      cells[key] = v;
    }
    // A row with none of the kind's own columns filled (a total, a signature line) is not a record.
    const filled = Object.values(cells).filter((v) => cellText(v) !== '').length;
    if (filled === 0) continue;
    yield { sheet: raw.sheet, line: raw.line, cells, conversions, headers: fileHeaders };
  }
  for (const [cs, n] of Object.entries(converted)) {
    notes.notes.push(
      `${n} ô chữ gõ bằng bảng mã ${cs === 'tcvn3' ? 'TCVN3 (ABC, phông .VnTime)' : 'VNI (phông VNI-Times)'} đã được chuyển sang Unicode`,
    );
  }
}
