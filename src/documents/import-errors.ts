/**
 * The error sheet of an import: every row of the file as it was read, under the sheet's headers,
 * with the cells that were refused filled red and carrying the reason as a note, and a last column
 * "Lỗi cần sửa" with the row's reasons. The officer fixes the red cells and imports the sheet again
 * (the last column is not one the import reads).
 */
import type ExcelJS from 'exceljs';

export interface ErrorSheetRow {
  line: number;
  sheet: string;
  rejected: boolean;
  cells: Record<string, string>;
  problems: { key: string | null; column: string | null; message: string; text: string }[];
}

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const PINK_ROW: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9EC' } };

export async function buildErrorSheet(columns: { key: string; header: string }[], rows: AsyncIterable<ErrorSheetRow>): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  const ws = book.addWorksheet('Bảng lỗi');
  ws.columns = [
    ...columns.map((c) => ({ header: c.header, key: c.key, width: Math.min(40, Math.max(12, c.header.length + 4)) })),
    { header: 'Lỗi cần sửa', key: '__errors', width: 60 },
    { header: 'Dòng trong tệp gốc', key: '__line', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for await (const r of rows) {
    const row = ws.addRow({ ...r.cells, __errors: r.problems.map((p) => p.text).join('\n'), __line: `${r.sheet} – ${r.line}` });
    if (!r.rejected) continue;
    row.getCell('__errors').fill = RED;
    row.getCell('__errors').alignment = { wrapText: true, vertical: 'top' };
    const byKey = new Map<string, string[]>();
    for (const p of r.problems) if (p.key) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p.message]);
    columns.forEach((c) => {
      const cell = row.getCell(c.key);
      const reasons = byKey.get(c.key);
      if (reasons) {
        cell.fill = RED;
        cell.note = reasons.join('\n');
      } else cell.fill = PINK_ROW;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
