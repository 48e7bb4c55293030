/**
 * The import's reader on real files: a large workbook written without shared strings (as some
 * programs write them) reads back letter for letter, with every Vietnamese letter that a chunk of
 * the zip may split; the template's guide and hidden lists are not read as data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRATION_COLUMNS } from '../../src/domain/import-sheets.js';
import { readSheetRows } from '../../src/jobs/import-read.js';

describe('reading an .xlsx as a stream', () => {
  it('keeps every Vietnamese letter whole across chunk boundaries', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-read-'));
    const file = path.join(dir, 'lon.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = writer.addWorksheet('Mô hình');
    ws.addRow(['Mã đơn vị thực hiện', 'Tên mô hình, điển hình', 'Lĩnh vực', 'Trạng thái']).commit();
    const title = (i: number) => `Mô hình “Dân vận khéo” ấp Đông Hưng số ${i} – xây dựng đường hoa, nhà văn hóa`;
    const N = 6000;
    for (let i = 0; i < N; i++) ws.addRow([`X${i % 20}`, title(i), 'Văn hoá - Xã hội', 'Đã hoàn thành']).commit();
    ws.commit();
    await writer.commit();

    const notes = { notes: [] as string[] };
    let n = 0;
    const wrong: string[] = [];
    for await (const row of readSheetRows(file, 'xlsx', 'lon.xlsx', 'registrations', REGISTRATION_COLUMNS, notes)) {
      if (row.cells.title !== title(n) || row.cells.state !== 'Đã hoàn thành' || row.cells.field !== 'Văn hoá - Xã hội')
        wrong.push(JSON.stringify(row.cells));
      n += 1;
    }
    expect(n).toBe(N);
    expect(wrong).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
