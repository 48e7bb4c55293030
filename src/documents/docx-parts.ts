/**
 * Building blocks of a Party-format document (Hướng dẫn 36-HD/VPTW): A4, Times New Roman, body
 * 14 pt, justified paragraphs with a 1 cm first-line indent, tables with thin borders.
 */
import {
  AlignmentType,
  BorderStyle,
  LeaderType,
  LineRuleType,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { formatNumberVi, formatPercentVi } from '../domain/statistics.js';
import type { FigureTable, FigureValue } from './figure-tables.js';

export const FONT = 'Times New Roman';
export const PAGE = { width: 11906, height: 16838 };
/** Rounded, not truncated: Word shows 1133 twips as 1,99 cm, and 2 cm is 1134. */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
/** The width between the margins, in twips: every full-width table is laid out to it. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const INDENT = mm(10);
/** Half-points. */
export const SIZE = { body: 28, table: 26, small: 24, party: 30, kind: 32 };

type RunStyle = Omit<IRunOptions, 'text' | 'children'>;

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: SIZE.body, ...style });
}

/** A centred line of the header, the title or the signature. */
export function centred(text: string, style: RunStyle = {}, options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    ...options,
    children: text ? [run(text, style)] : [],
  });
}

/** A paragraph of body text: justified, indented 1 cm, 1.2 lines, 6 pt after. */
export function bodyParagraph(children: TextRun[] | string, options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO },
    ...options,
    children: typeof children === 'string' ? [run(children)] : children,
  });
}

export function sectionHeading(text: string): Paragraph {
  return bodyParagraph([run(text, { bold: true })], {
    keepNext: true,
    spacing: { before: 120, after: 120, line: 288, lineRule: LineRuleType.AUTO },
  });
}

/**
 * The officer's text, one paragraph a line. A part left empty prints as dotted lines, so the
 * gap shows on paper and can be filled by hand.
 */
export function narrative(text: string | null | undefined): Paragraph[] {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 0) return lines.map((l) => bodyParagraph(l));
  const dots = () =>
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
      spacing: { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ font: FONT, size: SIZE.body, children: [new Tab()] })],
    });
  return [dots(), dots()];
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

/** Splits `total` twips in proportion to `weights`, the last column taking the rounding. */
export function widths(weights: number[], total = TEXT_WIDTH): number[] {
  const all = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w / all) * total));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/** A table without borders that places blocks side by side: the header and the signature. */
export function layoutTable(widthsTwips: number[], rows: Paragraph[][][], totalWidth = TEXT_WIDTH): Table {
  return new Table({
    width: { size: totalWidth, type: WidthType.DXA },
    columnWidths: widthsTwips,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widthsTwips[i]!, type: WidthType.DXA },
                borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
                margins: { left: 0, right: 0 },
                children: children.length ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}

function cellText(value: FigureValue | undefined, kind: FigureTable['columns'][number]['kind']): string {
  if (value === null || value === undefined) return kind === 'percent' ? '–' : '';
  if (typeof value === 'string') return value;
  if (kind === 'percent') return formatPercentVi(value, 1);
  if (kind === 'code') return String(value);
  return formatNumberVi(value);
}

function cell(
  text: string,
  width: number,
  o: { bold?: boolean; align?: 'left' | 'center' | 'right'; size: number; span?: number },
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: o.span,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: o.align === 'right' ? AlignmentType.RIGHT : o.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [run(text, { bold: o.bold, size: o.size })],
      }),
    ],
  });
}

/** A full-width table with a bold header row, repeated on each page, and a bold total row. */
export function figureTable(t: FigureTable): Table {
  const size = t.columns.length > 6 ? SIZE.small : SIZE.table;
  const w = widths(t.columns.map((c) => c.width));
  const align = (kind: string) => (kind === 'text' ? 'left' : kind === 'code' ? 'center' : 'right') as 'left' | 'center' | 'right';
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell(c.header, w[i]!, { bold: true, align: 'center', size })),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map((c, i) => cell(cellText(r[c.key], c.kind), w[i]!, { align: align(c.kind), size })),
      }),
  );
  if (t.total) {
    const total = t.total;
    // "Tổng cộng" takes the STT column and the label column, as totals are written by hand.
    const merge = t.columns[0]?.key === 'no' && t.columns[1]?.kind === 'text';
    const cells: TableCell[] = [];
    t.columns.forEach((c, i) => {
      if (merge && i === 0) return;
      if (merge && i === 1) {
        cells.push(cell(String(total[c.key] ?? ''), w[0]! + w[1]!, { bold: true, align: 'center', size, span: 2 }));
        return;
      }
      cells.push(cell(cellText(total[c.key], c.kind), w[i]!, { bold: true, align: align(c.kind), size }));
    });
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: THIN_BORDERS,
    rows: [header, ...rows],
  });
}

/** A caption line above a table: "Bảng 1. …". */
export function tableCaption(n: number, caption: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 60 },
    children: [run(`Bảng ${n}. ${caption}`, { bold: true, size: SIZE.table })],
  });
}

/** A small gap after a table, which Word would otherwise glue to the next paragraph. */
export function spacer(after = 120): Paragraph {
  return new Paragraph({ spacing: { before: 0, after, line: 120, lineRule: LineRuleType.EXACT }, children: [] });
}

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
const lines = (s: string | null | undefined) =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** What the header of every document shows: who issues it, its number and its dateline. */
export interface HeaderPart {
  /** The body above the issuer ("TỈNH ỦY VĨNH LONG"), if any. */
  parentBody?: string | null;
  issuingBody: string;
  /** The number as registered ("12-QĐ/BCĐ"); empty leaves the gap to be filled by hand. */
  number?: string | null;
  /** Printed when there is no number: "Số        -QĐ/BCĐ". */
  numberBlank: string;
  place: string;
  /** YYYY-MM-DD; empty prints "ngày … tháng … năm …" to be filled by hand. */
  date?: string | null;
}

/** "Số 12-QĐ/BCĐ", or the blank to be filled by hand. */
export function numberLine(number: string | null | undefined, blank: string): string {
  const n = number?.trim();
  if (!n) return blank;
  return /^số\b/i.test(n) ? n : `Số ${n}`;
}

/** "Vĩnh Long, ngày 23 tháng 11 năm 2026", or with dots where the date is left to be written. */
export function datelinePart(place: string, date: string | null | undefined): string {
  if (date) {
    const [y, m, d] = date.slice(0, 10).split('-');
    return `${place}, ngày ${d} tháng ${m} năm ${y}`;
  }
  return `${place}, ngày     tháng     năm 20   `;
}

/**
 * The header of a Party document: the issuing body and its number top left, the national Party
 * heading and the dateline top right. A second row keeps the number and the dateline on one level
 * however the bodies wrap.
 */
export function headerPart(h: HeaderPart, totalWidth = TEXT_WIDTH): Table {
  const w = widths([44, 56], totalWidth);
  const bodies: Paragraph[] = [];
  if (h.parentBody?.trim()) bodies.push(centred(upper(h.parentBody.trim())));
  bodies.push(centred(upper(h.issuingBody.trim()), { bold: true }));
  bodies.push(centred('*'));
  const party = [centred('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: SIZE.party, underline: { type: UnderlineType.SINGLE } })];
  const number = [centred(numberLine(h.number, h.numberBlank))];
  const dateline = [centred(datelinePart(h.place, h.date), { italics: true })];
  return layoutTable(
    w,
    [
      [bodies, party],
      [number, dateline],
    ],
    totalWidth,
  );
}

/** The signer: capacity ("T/M BAN CHỈ ĐẠO"), title ("TRƯỞNG BAN"), room for the signature and seal, name. */
export interface SignerPart {
  /** One or more lines: "T/M BAN CHỈ ĐẠO", "K/T TRƯỞNG BAN". */
  capacity?: string | null;
  /** One or more lines: "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN". */
  title?: string | null;
  name?: string | null;
}

/** The signer's lines, each in capitals and bold, the name below the room for signature and seal. */
export function signerParagraphs(s: SignerPart, room = 4): Paragraph[] {
  const heads = [...lines(s.capacity), ...lines(s.title)];
  return [
    ...heads.map((l) => centred(upper(l), { bold: true })),
    ...Array.from({ length: room }, () => centred('')),
    centred(s.name?.trim() ?? '', { bold: true }),
  ];
}

/** "Nơi nhận" lines: one a line, each "- …", ending with the office's copy unless one is written. */
export function recipientLines(recipients: string | null | undefined): string[] {
  const out = lines(recipients)
    .map((l) => l.replace(/^[\s\-–+•*]+/, '').trim())
    .filter(Boolean);
  if (!out.some((l) => /^lưu\b/i.test(l))) out.push('Lưu văn phòng.');
  return out.map((l) => `- ${l}`);
}

/**
 * The foot of a document: "Nơi nhận" on the left (underlined at 14 pt, the recipients at 12 pt) and
 * the signer on the right; or, for papers without recipients, the signer alone on the right, and
 * a second signer (the registering unit, the secretary of a meeting) on the left when given.
 */
export function signerPart(o: { signer: SignerPart; recipients?: string | null; left?: Paragraph[]; totalWidth?: number }): Table {
  const total = o.totalWidth ?? TEXT_WIDTH;
  const left =
    o.left ??
    (o.recipients === undefined
      ? []
      : [
          new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { underline: { type: UnderlineType.SINGLE } })] }),
          ...recipientLines(o.recipients).map(
            (l) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(l, { size: SIZE.small })] }),
          ),
        ]);
  return layoutTable(widths([45, 55], total), [[left, signerParagraphs(o.signer)]], total);
}

/** A plain bordered table from header texts, weights and rows of strings (lists attached to a document). */
export function listTable(
  columns: { header: string; width: number; align?: 'left' | 'center' | 'right' }[],
  rows: string[][],
  total = TEXT_WIDTH,
): Table {
  const w = widths(
    columns.map((c) => c.width),
    total,
  );
  const size = SIZE.table;
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: THIN_BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.header, w[i]!, { bold: true, align: 'center', size })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) => cell(r[i] ?? '', w[i]!, { align: c.align ?? 'left', size })),
          }),
      ),
    ],
  });
}
