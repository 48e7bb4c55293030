/**
 * A review report (báo cáo sơ kết / tổng kết) as a Word document in the Party format of
 * Hướng dẫn 36-HD/VPTW, ready to be printed, signed and stamped.
 */
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, TextRun, UnderlineType, type FileChild } from 'docx';
import type { ReportFigures, ReviewReport } from '../domain/report-schemas.js';
import { datelineVi, formatNumberVi } from '../domain/statistics.js';
import {
  FONT,
  MARGIN,
  PAGE,
  SIZE,
  bodyParagraph,
  centred,
  figureTable,
  layoutTable,
  narrative,
  run,
  sectionHeading,
  spacer,
  tableCaption,
  widths,
} from './docx-parts.js';
import { figureTables, periodVi } from './figure-tables.js';

export { periodVi };

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

function header(report: ReviewReport): FileChild[] {
  const w = widths([44, 56]);
  const bodies: Paragraph[] = [];
  if (report.parentBody?.trim()) bodies.push(centred(upper(report.parentBody.trim())));
  bodies.push(centred(upper(report.issuingBody.trim()), { bold: true }));
  bodies.push(centred('*'));
  const party = [centred('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: SIZE.party, underline: { type: UnderlineType.SINGLE } })];
  // A second row keeps the number and the dateline on one level however the bodies wrap.
  // An unnumbered report keeps the gap, filled by hand when the office registers it.
  const number = [centred(report.number?.trim() || 'Số        -BC/BCĐ')];
  const dateline = [centred(datelineVi(report.place, report.reportDate), { italics: true })];
  return [
    layoutTable(w, [
      [bodies, party],
      [number, dateline],
    ]),
  ];
}

function title(report: ReviewReport): Paragraph[] {
  const lines = report.title
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return [
    centred('BÁO CÁO', { bold: true, size: SIZE.kind }, { spacing: { before: 480, after: 0 } }),
    ...lines.map((l) => centred(l, { bold: true })),
    centred(periodVi(report.yearFrom, report.yearTo), { italics: true }),
    centred('-----', {}, { spacing: { before: 0, after: 240 } }),
  ];
}

function statistics(f: ReportFigures): FileChild[] {
  const t = f.total;
  const out: FileChild[] = [
    bodyParagraph(
      `Tổng số mô hình, điển hình đã đăng ký: ${formatNumberVi(t.total)} (${formatNumberVi(t.models)} mô hình, ${formatNumberVi(t.exemplars)} điển hình).`,
    ),
  ];
  out.push(bodyParagraph(`${f.treeNote}.`));
  if (f.campaign) out.push(bodyParagraph(`Số liệu tính theo đợt phát động: ${f.campaign.title}.`));
  const resources: string[] = [];
  if (t.fundsVnd > 0) resources.push(`kinh phí dự kiến ${formatNumberVi(Math.round(t.fundsVnd))} đồng`);
  if (t.workdays > 0) resources.push(`${formatNumberVi(t.workdays)} ngày công`);
  if (resources.length) out.push(bodyParagraph(`Nguồn lực huy động theo đăng ký: ${resources.join(', ')}.`));
  if (f.proposalsUp > 0) out.push(bodyParagraph(`Số đề nghị cấp trên khen thưởng: ${formatNumberVi(f.proposalsUp)}.`));

  let n = 0;
  for (const table of figureTables(f)) {
    if (table.rows.length === 0) {
      out.push(bodyParagraph(table.empty));
      continue;
    }
    out.push(tableCaption(++n, table.caption), figureTable(table));
    if (table.note) out.push(bodyParagraph(table.note));
    out.push(spacer());
  }
  return out;
}

/** "Nơi nhận" lines: one a line, each "- …", ending with the office's copy unless one is written. */
export function recipientLines(recipients: string | null | undefined): string[] {
  const lines = (recipients ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s\-–+•*]+/, '').trim())
    .filter(Boolean);
  if (!lines.some((l) => /^lưu\b/i.test(l))) lines.push('Lưu văn phòng.');
  return lines.map((l) => `- ${l}`);
}

function signature(report: ReviewReport): FileChild[] {
  // Party format: "Nơi nhận:" underlined at 14 pt, the recipients at 12 pt.
  const recipients = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { underline: { type: UnderlineType.SINGLE } })] }),
    ...recipientLines(report.recipients).map(
      (l) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(l, { size: SIZE.small })] }),
    ),
  ];
  const titles = (report.signerTitle?.trim() || 'T/M BAN CHỈ ĐẠO')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const signer = [
    ...titles.map((l) => centred(upper(l), { bold: true })),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => centred('')),
    centred(report.signerName?.trim() ?? '', { bold: true }),
  ];
  return [spacer(240), layoutTable(widths([45, 55]), [[recipients, signer]])];
}

export async function buildReviewReportDocx(report: ReviewReport, figures: ReportFigures): Promise<Buffer> {
  const body: FileChild[] = [
    ...header(report),
    ...title(report),
    sectionHeading('I. KẾT QUẢ THỰC HIỆN'),
    ...statistics(figures),
    ...narrative(report.results),
    sectionHeading('II. HẠN CHẾ VÀ NGUYÊN NHÂN'),
    ...narrative(report.limitations),
    sectionHeading('III. BÀI HỌC KINH NGHIỆM'),
    ...narrative(report.lessons),
    sectionHeading('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'),
    ...narrative(report.directions),
    ...signature(report),
  ];
  const doc = new Document({
    title: report.title,
    subject: `Báo cáo ${periodVi(report.yearFrom, report.yearTo)}`,
    creator: 'DVK',
    lastModifiedBy: 'DVK',
    description: report.issuingBody,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: 567, footer: 567 },
          },
        },
        // Pages are numbered at the top centre from the second page on; the first carries none.
        headers: {
          first: new Header({ children: [new Paragraph({})] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: FONT, size: SIZE.body, children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
