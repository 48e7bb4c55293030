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
export function layoutTable(widthsTwips: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
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
