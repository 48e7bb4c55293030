/**
 * A review report (báo cáo sơ kết / tổng kết) as a Word document in the Party format of
 * Hướng dẫn 36-HD/VPTW, ready to be printed, signed and stamped.
 */
import type { FileChild } from 'docx';
import type { ReportFigures, ReviewReport } from '../domain/report-schemas.js';
import { formatDateVi, formatNumberVi } from '../domain/statistics.js';
import { bodyParagraph, figureTable, narrative, recipientLines, sectionHeading, spacer, tableCaption } from './docx-parts.js';
import { figureTables, periodVi } from './figure-tables.js';
import { buildPaperDocx } from './paper-docx.js';

export { periodVi, recipientLines };

/** Long tables (every unit below, the notable models) go to the appendix after the signature. */
const APPENDIX_TABLES = new Set(['Theo đơn vị', 'Tiêu biểu']);

function appendixTables(f: ReportFigures): FileChild[] {
  const out: FileChild[] = [];
  let n = 0;
  for (const table of figureTables(f)) {
    if (!APPENDIX_TABLES.has(table.sheet) || table.rows.length === 0) continue;
    out.push(tableCaption(++n, table.caption), figureTable(table));
    if (table.note) out.push(bodyParagraph(table.note));
    out.push(spacer());
  }
  return out;
}

/** The period under the title, unless the title already names it ("… năm 2026", "… 2016 – 2020"). */
function subtitle(report: ReviewReport): string | null {
  const years = [report.yearFrom, report.yearTo].map(String);
  return years.every((y) => report.title.includes(y)) ? null : periodVi(report.yearFrom, report.yearTo);
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
  // Planned and achieved resources are printed side by side in their table ("Nguồn lực").
  const resources: string[] = [];
  if (t.fundsVnd > 0 || t.achievedFundsVnd > 0)
    resources.push(
      `kinh phí ${formatNumberVi(Math.round(t.fundsVnd))} đồng theo đăng ký, thực tế ${formatNumberVi(Math.round(t.achievedFundsVnd))} đồng`,
    );
  if (t.workdays > 0 || t.achievedWorkdays > 0)
    resources.push(`${formatNumberVi(t.workdays)} ngày công theo đăng ký, thực tế ${formatNumberVi(t.achievedWorkdays)} ngày công`);
  if (t.peopleReached > 0) resources.push(`${formatNumberVi(t.peopleReached)} lượt người được tác động`);
  if (resources.length)
    out.push(
      bodyParagraph(
        `Nguồn lực huy động: ${resources.join('; ')} (thực tế theo lần kiểm tra gần nhất của ${formatNumberVi(t.inspected)} mô hình, điển hình).`,
      ),
    );
  if (f.proposalsUp > 0) out.push(bodyParagraph(`Số đề nghị cấp trên khen thưởng: ${formatNumberVi(f.proposalsUp)}.`));

  const levels = (f.byLevelHolder ?? []).filter((l) => l.collectives + l.individuals > 0);
  if (levels.length)
    out.push(
      bodyParagraph(
        `Theo cấp: ${levels
          .map(
            (l) =>
              `${formatNumberVi(l.collectives)} tập thể và ${formatNumberVi(l.individuals)} cá nhân ở cấp ${l.label.toLocaleLowerCase('vi-VN')}`,
          )
          .join('; ')}.`,
      ),
    );

  let n = 0;
  for (const table of figureTables(f)) {
    if (table.rows.length === 0) {
      out.push(bodyParagraph(table.empty));
      continue;
    }
    if (APPENDIX_TABLES.has(table.sheet)) {
      out.push(bodyParagraph(`${table.caption}: xem Phụ lục kèm theo.`));
      continue;
    }
    out.push(tableCaption(++n, table.caption), figureTable(table));
    if (table.note) out.push(bodyParagraph(table.note));
    out.push(spacer());
  }
  return out;
}

export async function buildReviewReportDocx(report: ReviewReport, figures: ReportFigures): Promise<Buffer> {
  const appendix = appendixTables(figures);
  return buildPaperDocx({
    title: report.title,
    subject: `Báo cáo ${periodVi(report.yearFrom, report.yearTo)}`,
    header: {
      parentBody: report.parentBody,
      issuingBody: report.issuingBody,
      number: report.number,
      // An unnumbered report keeps the gap, filled by hand when the office registers it.
      numberBlank: 'Số        -BC/BCĐ',
      place: report.place,
      date: report.reportDate,
    },
    kind: 'BÁO CÁO',
    titleLines: report.title
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    subtitle: subtitle(report),
    body: [
      sectionHeading('ĐẶC ĐIỂM TÌNH HÌNH'),
      ...narrative(report.situation),
      sectionHeading('I. KẾT QUẢ THỰC HIỆN'),
      sectionHeading('1. Công tác lãnh đạo, chỉ đạo'),
      ...narrative(report.leadership),
      sectionHeading('2. Kết quả xây dựng mô hình, điển hình “Dân vận khéo”'),
      ...statistics(figures),
      ...narrative(report.results),
      sectionHeading('II. HẠN CHẾ VÀ NGUYÊN NHÂN'),
      ...narrative(report.limitations),
      sectionHeading('III. BÀI HỌC KINH NGHIỆM'),
      ...narrative(report.lessons),
      sectionHeading('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'),
      ...narrative(report.directions),
      sectionHeading('V. KIẾN NGHỊ, ĐỀ XUẤT'),
      ...narrative(report.recommendations),
    ],
    // The signer's capacity and title as the officer wrote them, one a line.
    signer: { capacity: report.signerTitle?.trim() || 'T/M BAN CHỈ ĐẠO', name: report.signerName },
    recipients: report.recipients ?? '',
    appendices: appendix.length
      ? [
          {
            heading: [
              'PHỤ LỤC',
              'Số liệu chi tiết',
              `(Kèm theo Báo cáo ${report.number?.trim() ? `số ${report.number.trim().replace(/^số\s*/iu, '')}` : ''}${report.reportDate ? ` ngày ${formatDateVi(report.reportDate)}` : ''} của ${report.issuingBody.trim()})`.replace(
                /\s+/g,
                ' ',
              ),
            ],
            body: appendix,
          },
        ]
      : undefined,
  });
}
