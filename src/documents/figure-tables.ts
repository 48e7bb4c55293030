/**
 * The statistics tables of a review report as plain data. The Word report and the Excel workbook
 * both render this list, so the tables printed and the sheets downloaded cannot disagree.
 */
import type { FigureLine, ReportFigures } from '../domain/report-schemas.js';
import { APPORTIONED_MARK, APPORTIONED_NOTE } from '../domain/statistics.js';

/** A line whose figure holds apportioned records carries the mark the table's note explains. */
const marked = (l: FigureLine) => (l.apportioned ? `${l.label} (${APPORTIONED_MARK})` : l.label);

/**
 * `number`: a count, grouped as "4.110"; `code`: a number printed as it is (STT, a year), which
 * grouping would turn into "2.018"; `percent`: a fraction of 1, or null when the base is zero.
 */
export type FigureKind = 'text' | 'number' | 'code' | 'percent';
export type FigureValue = string | number | null;

export interface FigureColumn {
  header: string;
  key: string;
  kind: FigureKind;
  /** Share of the table's width in the document; characters of an Excel column. */
  width: number;
}

export interface FigureTable {
  sheet: string;
  caption: string;
  columns: FigureColumn[];
  rows: Record<string, FigureValue>[];
  total?: Record<string, FigureValue>;
  /** Printed instead of a table without rows. */
  empty: string;
  /** Printed under the table: what its marks mean. */
  note?: string;
}

/** The period of a report: "(Giai đoạn 2016 – 2020)", or "(Năm 2024)" for a single year. */
export function periodVi(yearFrom: number, yearTo: number): string {
  return yearFrom === yearTo ? `(Năm ${yearFrom})` : `(Giai đoạn ${yearFrom} – ${yearTo})`;
}

const share = (part: number, whole: number): number | null => (whole ? part / whole : null);
const sum = <T>(items: T[], f: (x: T) => number) => items.reduce((t, x) => t + f(x), 0);

const STT: FigureColumn = { header: 'STT', key: 'no', kind: 'code', width: 8 };
const COUNTS: FigureColumn[] = [
  { header: 'Mô hình', key: 'models', kind: 'number', width: 12 },
  { header: 'Điển hình', key: 'exemplars', kind: 'number', width: 12 },
  { header: 'Tổng số', key: 'total', kind: 'number', width: 12 },
];

function lineTable(sheet: string, caption: string, labelHeader: string, lines: FigureLine[]): FigureTable {
  const whole = sum(lines, (l) => l.total);
  return {
    sheet,
    caption,
    columns: [
      STT,
      { header: labelHeader, key: 'label', kind: 'text', width: 34 },
      ...COUNTS,
      { header: 'Tỷ lệ', key: 'share', kind: 'percent', width: 11 },
    ],
    rows: lines.map((l, i) => ({
      no: i + 1,
      label: marked(l),
      models: l.models,
      exemplars: l.exemplars,
      total: l.total,
      share: share(l.total, whole),
    })),
    total: {
      no: null,
      label: 'Tổng cộng',
      models: sum(lines, (l) => l.models),
      exemplars: sum(lines, (l) => l.exemplars),
      total: whole,
      share: share(whole, whole),
    },
    empty: `Chưa có số liệu ${caption.charAt(0).toLowerCase()}${caption.slice(1)}.`,
    ...(lines.some((l) => l.apportioned) ? { note: APPORTIONED_NOTE } : {}),
  };
}

/**
 * Planned and achieved resources side by side: what the registrations planned, and what the latest
 * inspection of each inspected one recorded (people reached is only ever recorded, never planned).
 */
function resourcesTable(f: ReportFigures): FigureTable {
  const t = f.total;
  const lines = [
    { label: 'Kinh phí (đồng)', planned: Math.round(t.fundsVnd), achieved: Math.round(t.achievedFundsVnd) },
    { label: 'Ngày công', planned: t.workdays, achieved: t.achievedWorkdays },
    { label: 'Lượt người được tác động', planned: null, achieved: t.peopleReached },
  ];
  const any = t.inspected > 0 || lines.some((l) => (l.planned ?? 0) > 0 || l.achieved > 0);
  return {
    sheet: 'Nguồn lực',
    caption: `Nguồn lực huy động theo đăng ký và thực tế đạt được (${t.inspected} mô hình, điển hình đã kiểm tra)`,
    columns: [
      STT,
      { header: 'Nội dung', key: 'label', kind: 'text', width: 34 },
      { header: 'Theo đăng ký', key: 'planned', kind: 'number', width: 18 },
      { header: 'Thực tế đạt được', key: 'achieved', kind: 'number', width: 18 },
    ],
    rows: any ? lines.map((l, i) => ({ no: i + 1, ...l })) : [],
    empty: 'Chưa có số liệu nguồn lực huy động.',
  };
}

export function figureTables(f: ReportFigures): FigureTable[] {
  const tables: FigureTable[] = [
    lineTable('Theo lĩnh vực', 'Mô hình, điển hình theo lĩnh vực', 'Lĩnh vực', f.byField),
    lineTable('Tập thể, cá nhân', 'Mô hình, điển hình của tập thể, cá nhân', 'Đối tượng', f.byHolder),
    lineTable('Mới, củng cố, nhân rộng', 'Mô hình, điển hình xây dựng mới, củng cố, nhân rộng', 'Hình thức', f.byOrigin),
    lineTable('Theo cấp', 'Mô hình, điển hình theo cấp', 'Cấp', f.byLevel),
  ];
  if (f.yearTo > f.yearFrom) tables.push(lineTable('Theo năm', 'Mô hình, điển hình theo năm', 'Năm', f.byYear));

  tables.push(resourcesTable(f));

  if (f.byChild.length > 0) {
    const c = f.byChild;
    tables.push({
      sheet: 'Theo đơn vị',
      caption: 'Mô hình, điển hình theo đơn vị trực thuộc',
      columns: [
        STT,
        { header: 'Đơn vị', key: 'label', kind: 'text', width: 30 },
        ...COUNTS,
        { header: 'Được công nhận', key: 'recognised', kind: 'number', width: 12 },
        { header: 'Được khen thưởng', key: 'commended', kind: 'number', width: 12 },
      ],
      rows: c.map((l, i) => ({
        no: i + 1,
        label: marked(l),
        models: l.models,
        exemplars: l.exemplars,
        total: l.total,
        recognised: l.recognised,
        commended: l.commended,
      })),
      total: {
        no: null,
        label: 'Tổng cộng',
        models: sum(c, (l) => l.models),
        exemplars: sum(c, (l) => l.exemplars),
        total: sum(c, (l) => l.total),
        recognised: sum(c, (l) => l.recognised),
        commended: sum(c, (l) => l.commended),
      },
      empty: '',
      ...(c.some((l) => l.apportioned) ? { note: APPORTIONED_NOTE } : {}),
    });
  }

  const r = f.recognition;
  // Registrations neither recognised nor refused are still waiting for the appraisal.
  const pending = Math.max(0, r.counted - r.recognised - r.notRecognised);
  tables.push({
    sheet: 'Công nhận',
    caption: 'Kết quả công nhận mô hình, điển hình',
    columns: [
      STT,
      { header: 'Nội dung', key: 'label', kind: 'text', width: 40 },
      { header: 'Số lượng', key: 'count', kind: 'number', width: 14 },
      { header: 'Tỷ lệ', key: 'share', kind: 'percent', width: 11 },
    ],
    rows: [
      { no: 1, label: 'Được công nhận', count: r.recognised, share: share(r.recognised, r.counted) },
      { no: 2, label: 'Không được công nhận', count: r.notRecognised, share: share(r.notRecognised, r.counted) },
      { no: 3, label: 'Chưa xét, đang xét công nhận', count: pending, share: share(pending, r.counted) },
    ],
    total: { no: null, label: 'Tổng số đã đăng ký', count: r.counted, share: share(r.counted, r.counted) },
    empty: '',
  });

  const k = f.commendations;
  tables.push({
    sheet: 'Khen thưởng',
    caption: 'Khen thưởng theo hình thức',
    columns: [
      STT,
      { header: 'Hình thức khen thưởng', key: 'form', kind: 'text', width: 40 },
      { header: 'Tập thể', key: 'collectives', kind: 'number', width: 12 },
      { header: 'Cá nhân', key: 'individuals', kind: 'number', width: 12 },
      { header: 'Tổng số', key: 'total', kind: 'number', width: 12 },
    ],
    rows: k.map((c, i) => ({ no: i + 1, form: c.form, collectives: c.collectives, individuals: c.individuals, total: c.total })),
    total: {
      no: null,
      form: 'Tổng cộng',
      collectives: sum(k, (c) => c.collectives),
      individuals: sum(k, (c) => c.individuals),
      total: sum(k, (c) => c.total),
    },
    empty: 'Trong kỳ báo cáo chưa có mô hình, điển hình được khen thưởng.',
  });

  tables.push({
    sheet: 'Tiêu biểu',
    caption: 'Một số mô hình, điển hình tiêu biểu',
    columns: [
      STT,
      { header: 'Tên mô hình, điển hình', key: 'title', kind: 'text', width: 44 },
      { header: 'Đơn vị', key: 'unit', kind: 'text', width: 24 },
      { header: 'Lĩnh vực', key: 'field', kind: 'text', width: 18 },
      { header: 'Năm', key: 'year', kind: 'code', width: 8 },
    ],
    rows: f.notable.slice(0, 10).map((n, i) => ({ no: i + 1, title: n.title, unit: n.unitName, field: n.fieldName, year: n.year })),
    empty: 'Trong kỳ báo cáo chưa có mô hình, điển hình được công nhận hoặc khen thưởng.',
  });
  return tables;
}
