/**
 * The import template of a sheet kind (.xlsx): the first sheet has the title, an instruction, the
 * Vietnamese header (frozen, required columns marked, each header's note the column's explanation),
 * one filled example row and a drop-down list on every enum column; the second sheet, "Hướng dẫn",
 * explains each column with its allowed values; a hidden sheet holds the lists. The columns are
 * those of `domain/sheet-columns.ts`, the same as the list exports.
 */
import ExcelJS from 'exceljs';
import {
  SHEET_KIND_LABELS,
  SHEET_NAMES,
  SHEET_TITLES,
  type SheetColumn,
  type SheetColumnType,
  type SheetKind,
} from '../domain/sheet-columns.js';
import { xlsxColumns } from './sheet-layout.js';
import { addListValidations, HEADER_ROW, LISTS_SHEET, worksheetOptions, writeHead, writeListsSheet, type XlsxSheet } from './xlsx.js';

export const GUIDE_SHEET = 'Hướng dẫn';

const TYPE_LABELS: Record<SheetColumnType, string> = {
  text: 'Chữ',
  date: 'Ngày (ngày/tháng/năm)',
  number: 'Số',
  money: 'Số tiền (đồng)',
  enum: 'Chọn trong danh sách',
};

const FONT = { name: 'Times New Roman', size: 12 } as const;
const THIN = { style: 'thin', color: { argb: 'FF808080' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const letter = (n: number): string => (n > 26 ? letter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

/** The rules every sheet of this kind follows, shown at the top of the guide. */
function rules(kind: SheetKind, columns: readonly SheetColumn[]): string[] {
  const key = columns[columns.length - 1]!;
  return [
    `Điền dữ liệu ở trang "${SHEET_NAMES[kind]}" từ dòng ${HEADER_ROW + 1}, mỗi dòng một bản ghi; không đổi tên, thứ tự các cột ở dòng ${HEADER_ROW}.`,
    `Dòng ${HEADER_ROW + 1} là dòng ví dụ: hãy ghi đè hoặc xóa trước khi nhập.`,
    'Cột bắt buộc có tiêu đề nền cam; các cột chọn trong danh sách có ô chọn sẵn giá trị.',
    'Ngày ghi dạng ngày/tháng/năm, ví dụ 05/03/2024; số và số tiền chỉ gồm chữ số.',
    `Cột cuối "${key.header}" là khóa của bản ghi: ${key.explanation}`,
    'Bảng Excel tải từ danh sách trên hệ thống có đúng các cột này: có thể sửa rồi nhập lại.',
  ];
}

function guideSheet(wb: ExcelJS.Workbook, kind: SheetKind, columns: readonly SheetColumn[]): void {
  const ws = wb.addWorksheet(GUIDE_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 7 }, { width: 30 }, { width: 10 }, { width: 22 }, { width: 60 }, { width: 60 }, { width: 28 }];
  const title = ws.getCell('A1');
  title.value = `HƯỚNG DẪN NHẬP ${SHEET_KIND_LABELS[kind].toLocaleUpperCase('vi-VN')}`;
  title.font = { ...FONT, size: 14, bold: true };
  ws.mergeCells(1, 1, 1, 7);
  let r = 2;
  for (const line of rules(kind, columns)) {
    const cell = ws.getCell(r, 1);
    cell.value = `• ${line}`;
    cell.font = FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(r, 1, r, 7);
    ws.getRow(r).height = 30;
    r += 1;
  }
  r += 1;
  const head = ws.getRow(r);
  ['Cột', 'Tên cột', 'Bắt buộc', 'Kiểu dữ liệu', 'Giải thích', 'Giá trị được phép', 'Ví dụ'].forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { ...FONT, bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  columns.forEach((c, i) => {
    const row = ws.getRow(r + 1 + i);
    const values = [
      letter(i + 1),
      c.header,
      c.required ? 'Có' : 'Không',
      TYPE_LABELS[c.type],
      c.explanation + (c.hidden ? ' (Cột này được ẩn trong bảng.)' : ''),
      c.type === 'enum' ? (c.values ?? []).map((v) => v.label).join('; ') : '',
      c.example === '' ? '' : String(c.example),
    ];
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: j === 0 || j === 2 ? 'center' : 'left' };
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: r }];
}

/** The template workbook of a kind, its enum columns' values filled in (`withCatalogues`). */
export async function buildImportTemplate(kind: SheetKind, columns: readonly SheetColumn[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DVK';
  wb.created = new Date();
  const sheet: XlsxSheet = {
    name: SHEET_NAMES[kind],
    title: SHEET_TITLES[kind],
    subtitle: `Mẫu nhập dữ liệu: điền từ dòng ${HEADER_ROW + 1}, mỗi dòng một bản ghi; xem trang "${GUIDE_SHEET}". Dòng ${HEADER_ROW + 1} là ví dụ, hãy ghi đè hoặc xóa.`,
    columns: xlsxColumns(columns),
  };
  const ws = wb.addWorksheet(sheet.name, worksheetOptions(sheet));
  writeHead(ws, sheet, false);
  columns.forEach((c, i) => {
    const cell = ws.getRow(HEADER_ROW).getCell(i + 1);
    cell.note = `${c.required ? 'Bắt buộc. ' : ''}${c.explanation}`;
    if (c.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCD9B6' } };
    // Typed text stays text: Excel would read 05/03/2024 as a date in the reader's locale and 0123 as 123.
    if (c.type === 'text' || c.type === 'date' || c.type === 'enum') ws.getColumn(i + 1).numFmt = '@';
  });
  const example = ws.getRow(HEADER_ROW + 1);
  columns.forEach((c, i) => {
    const cell = example.getCell(i + 1);
    cell.value = c.example === '' ? null : c.example;
    cell.font = { ...FONT, italic: true, color: { argb: 'FF555555' } };
    cell.border = BORDER;
    cell.alignment = { vertical: 'top', wrapText: c.type === 'text' };
    if (c.type === 'money' || c.type === 'number') cell.numFmt = c.key === 'year' ? '0' : '#,##0';
  });
  const lists = addListValidations(ws, sheet, 1);
  guideSheet(wb, kind, columns);
  if (lists.length) {
    const headers = sheet.columns.filter((c) => c.list?.length).map((c) => c.header);
    writeListsSheet(wb.addWorksheet(LISTS_SHEET, { state: 'hidden' }), headers, lists, false);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
