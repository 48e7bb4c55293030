/**
 * Import templates: one .xlsx per sheet kind with the Vietnamese header (frozen), a filled example
 * row, drop-down lists on the enum columns, and a "Hướng dẫn" sheet explaining every column.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isExampleRow, isHeaderRow, SHEET_COLUMNS, SHEET_KINDS } from '../../src/domain/sheet-columns.js';
import { Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;

useDemo((demo) => {
  ({ srv, u } = demo);
});

async function template(c: Client, kind: string) {
  const r = await c.bytes(`/api/v1/imports/templates/${kind}`);
  const book = new ExcelJS.Workbook();
  if (r.status === 200) await book.xlsx.load(r.body as never);
  return { ...r, book };
}

const cells = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

/** The values of a drop-down list: its range on the hidden lists sheet, read back. */
function listValues(book: ExcelJS.Workbook, formula: string): string[] {
  const m = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula)!;
  const ws = book.getWorksheet(m[1]!)!;
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(String(ws.getCell(`${m[2]}${r}`).value));
  return out;
}

describe('import templates', () => {
  it.each(SHEET_KINDS)('%s: header in row 3, frozen, an example row, the guide and the key column last', async (kind) => {
    const t = await template(u.unit, kind);
    expect(t.status).toBe(200);
    expect(t.headers.get('content-type')).toContain('spreadsheetml');
    expect(t.headers.get('content-disposition')).toContain('.xlsx');
    const ws = t.book.worksheets[0]!;
    const cols = SHEET_COLUMNS[kind];
    expect(cells(ws, 3)).toEqual(cols.map((c) => c.header));
    expect(isHeaderRow(kind, cells(ws, 3))).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    // the example row is filled, and the import recognises it as the example
    const example = cells(ws, 4);
    expect(example.filter((v) => v !== undefined && v !== null && v !== '').length).toBeGreaterThan(cols.length / 2);
    expect(isExampleRow(kind, example)).toBe(true);
    // the guide explains every column, whether it is required, and lists the allowed values
    const guide = t.book.getWorksheet('Hướng dẫn')!;
    const rows: unknown[][] = [];
    guide.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    for (const c of cols) {
      const line = rows.find((r) => r[1] === c.header);
      expect(line, c.header).toBeDefined();
      expect(line![2]).toBe(c.required ? 'Có' : 'Không');
      expect(String(line![4])).toContain(c.explanation);
    }
    expect(ws.getColumn(cols.length).hidden).toBe(cols.at(-1)!.hidden === true);
  });

  it('enum cells offer their Vietnamese labels in a drop-down list, catalogues included', async () => {
    const t = await template(u.unit, 'registrations');
    const ws = t.book.worksheets[0]!;
    const header = cells(ws, 3);
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations
      .model;
    const listOf = (h: string) => {
      const col = header.indexOf(h) + 1;
      const letter = ws.getColumn(col).letter;
      // exceljs reads a validated range back as one entry per cell
      const v = dv[`${letter}4`]!;
      expect(dv[`${letter}1003`]).toEqual(v);
      expect(v.type).toBe('list');
      return listValues(t.book, v.formulae[0]!);
    };
    expect(listOf('Lĩnh vực')).toEqual(['Kinh tế', 'Văn hóa – xã hội', 'Quốc phòng – an ninh', 'Xây dựng hệ thống chính trị', 'Khác']);
    expect(listOf('Trạng thái')).toContain('Đã công nhận');
    expect(listOf('Hình thức khen thưởng')).toContain('Bằng khen của Ủy ban nhân dân tỉnh');
    expect(listOf('Tập thể / cá nhân')).toEqual(['Tập thể', 'Cá nhân']);
    // a text column has no list
    const titleLetter = ws.getColumn(header.indexOf('Tên mô hình, điển hình') + 1).letter;
    expect(dv[`${titleLetter}4`]).toBeUndefined();

    const units = await template(u.unit, 'units');
    const kinds = units.book.worksheets[0]!;
    const kdv = (kinds as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    const kindCol = kinds.getColumn(cells(kinds, 3).indexOf('Loại hình') + 1).letter;
    const k = kdv[`${kindCol}4`]!;
    // labels with commas ("Tỉnh, thành phố") survive: the list is a range, not an inline text
    expect(listValues(units.book, k.formulae[0]!)).toContain('Tỉnh, thành phố');
  });

  it('needs a signed-in user and a known kind', async () => {
    expect((await new Client(srv.baseUrl).bytes('/api/v1/imports/templates/units')).status).toBe(401);
    const bad = await u.unit.get('/api/v1/imports/templates/people');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});
