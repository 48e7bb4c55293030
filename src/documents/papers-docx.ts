/**
 * The papers of the movement, built from the records through the one builder (`paper-docx.ts`):
 * the registration form, the minutes of a recognition round, the recognition decision with its
 * attached list, the proposal to the level above and the certificate with its QR code.
 */
import { AlignmentType, ImageRun, Paragraph, type FileChild } from 'docx';
import { achievedLabel } from '../domain/achievement.js';
import type { Registration } from '../domain/movement-schemas.js';
import { blankNumber, formatCode, type PaperKind } from '../domain/paper-schemas.js';
import type { Round } from '../domain/recognition-schemas.js';
import { formatDateVi, formatNumberVi, HOLDER_LABELS, KIND_LABELS } from '../domain/statistics.js';
import { UNIT_LEVEL_LABELS, type UnitLevel } from '../domain/unit-kinds.js';
import {
  SIZE,
  bodyParagraph,
  centred,
  layoutTable,
  listTable,
  narrative,
  run,
  sectionHeading,
  signerParagraphs,
  spacer,
  widths,
  type HeaderPart,
  type SignerPart,
} from './docx-parts.js';
import { LANDSCAPE_TEXT_WIDTH, buildLandscapePaperDocx, buildPaperDocx } from './paper-docx.js';
import { qrPng } from './qr.js';

/** What the officer set for a paper: its number and date, the issuer and the signer. */
export interface PaperHead {
  kind: PaperKind;
  number: string | null;
  issuedOn: string | null;
  place: string;
  parentBody: string | null;
  issuingBody: string;
  signer: SignerPart;
  recipients: string | null;
  extra: Record<string, string | null | undefined>;
}

const header = (h: PaperHead): HeaderPart => ({
  parentBody: h.parentBody,
  issuingBody: h.issuingBody,
  number: h.number,
  numberBlank: blankNumber(h.kind),
  place: h.place,
  date: h.issuedOn,
});

const dateVi = (d: string | null | undefined) => (d ? formatDateVi(d) : '… /… /……');
const levelVi = (l: string | null) => (l ? (UNIT_LEVEL_LABELS[l as UnitLevel] ?? l) : '');
/** A title in quotes, unless the officer already quoted it (“Mô hình “Xóm đạo bình yên”” reads badly). */
const quoted = (s: string) => (/[“”"]/.test(s) ? s : `“${s}”`);
/** A title that already says what it is ("Mô hình …", "Điển hình …") needs no word before it. */
const namesItsKind = (s: string) => /^(mô hình|điển hình)\s/iu.test(s.trim());
const labelled = (label: string, value: string | null | undefined) =>
  bodyParagraph([run(`${label}: `, { bold: true }), run(value?.trim() || '………………………………………………')]);

const MARKS: Record<string, string> = { met: 'Đạt', not_met: 'Không đạt', na: 'Không áp dụng' };
const VOTES = { for: 'tán thành', against: 'không tán thành', abstain: 'không biểu quyết' } as const;

/** "Mô hình “…” của Chi hội Phụ nữ ấp 1" or "Điển hình Nguyễn Văn A, …". */
function candidateName(r: { title: string; unitName: string; kind: string; holder: string; personName: string | null }) {
  const who = r.holder === 'individual' && r.personName ? `${r.personName} (${r.unitName})` : r.unitName;
  return `${namesItsKind(r.title) ? '' : `${KIND_LABELS[r.kind as 'model'] ?? ''} `}${quoted(r.title)} – ${who}`.trim();
}

// ---------- registration form ----------
export async function registrationFormDocx(head: PaperHead, r: Registration, fieldName: string): Promise<Buffer> {
  const year = r.year;
  const criteria = r.criteria.map((c, i) => [
    String(i + 1),
    c.name,
    c.target === null || c.target === undefined ? '' : formatNumberVi(c.target),
    c.unitOfMeasure ?? '',
  ]);
  const resources = [
    r.plannedFundsVnd ? `kinh phí ${formatNumberVi(r.plannedFundsVnd)} đồng` : null,
    r.plannedWorkdays ? `${formatNumberVi(r.plannedWorkdays)} ngày công` : null,
    r.plannedOther,
  ].filter(Boolean);
  const body: FileChild[] = [
    sectionHeading('I. THÔNG TIN CHUNG'),
    labelled(`Tên ${r.kind === 'exemplar' ? 'điển hình' : 'mô hình'}`, quoted(r.title)),
    labelled('Đơn vị đăng ký', r.unit.name),
    ...(r.holder === 'individual' ? [labelled('Cá nhân', [r.personName, r.personPosition].filter(Boolean).join(', '))] : []),
    labelled('Đối tượng', HOLDER_LABELS[r.holder]),
    labelled('Lĩnh vực', fieldName),
    labelled('Thời gian thực hiện', `từ ${formatDateVi(r.startDate)} đến ${formatDateVi(r.endDate)}`),
    labelled('Địa bàn thực hiện', [r.placeAddress, r.placeUnit?.name].filter(Boolean).join(', ')),
    labelled('Cấp đăng ký', levelVi(r.level)),
    ...(r.campaign ? [labelled('Theo đợt phát động', r.campaign.title)] : []),
    sectionHeading('II. NỘI DUNG'),
    bodyParagraph([run('1. Thực trạng, vấn đề cần giải quyết', { italics: true })]),
    ...narrative(r.problem),
    bodyParagraph([run('2. Mục đích, yêu cầu', { italics: true })]),
    ...narrative(r.purpose),
    bodyParagraph([run('3. Lực lượng tham gia', { italics: true })]),
    ...narrative(r.forces),
    bodyParagraph([run('4. Đối tượng tác động', { italics: true })]),
    ...narrative(r.targets),
    bodyParagraph([run('5. Giải pháp thực hiện', { italics: true })]),
    ...narrative(r.solutions),
    bodyParagraph([run('6. Chỉ tiêu đăng ký', { italics: true })]),
    criteria.length
      ? listTable(
          [
            { header: 'STT', width: 8, align: 'center' },
            { header: 'Tiêu chí', width: 56 },
            { header: 'Chỉ tiêu', width: 16, align: 'right' },
            { header: 'Đơn vị tính', width: 20, align: 'center' },
          ],
          criteria,
        )
      : bodyParagraph('Chưa đăng ký chỉ tiêu.'),
    spacer(),
    bodyParagraph([run('7. Nguồn lực dự kiến: ', { italics: true }), run(resources.length ? resources.join('; ') + '.' : '………………')]),
  ];
  return buildPaperDocx({
    title: `Phiếu đăng ký ${r.title}`,
    header: header(head),
    kind: 'PHIẾU ĐĂNG KÝ',
    titleLines: [`Xây dựng ${r.kind === 'exemplar' ? 'điển hình' : 'mô hình'} “Dân vận khéo” năm ${year}`],
    body,
    // The registering unit signs and stamps on the right; the committee confirms on the left.
    signer: { capacity: head.signer.capacity || `T/M ${r.unit.name}`, title: head.signer.title, name: head.signer.name },
    leftOfSigner: [centred('XÁC NHẬN CỦA CẤP ỦY, BAN CHỈ ĐẠO', { bold: true }), centred('(Ký tên, đóng dấu)', { italics: true })],
  });
}

// ---------- minutes ----------
export interface RoundPaperData {
  round: Round;
  /** A recognised candidate's achievements: criteria with target, the latest achieved value and completion (proposal). */
  achievements?: Map<
    string,
    { name: string; target: number | null; unit: string | null; achieved?: number | null; completion: number | null }[]
  >;
}

function voteLine(c: Round['candidates'][number]): FileChild[] {
  const t = c.tally;
  const cast = t.for + t.against + t.abstain;
  const names = (v: 'for' | 'against' | 'abstain') => c.votes.filter((x) => x.vote === v).map((x) => x.voterName);
  const out: FileChild[] = [
    bodyParagraph(
      `Biểu quyết công khai: ${cast} thành viên biểu quyết, ${t.for} ${VOTES.for}, ${t.against} ${VOTES.against}, ${t.abstain} ${VOTES.abstain}.`,
    ),
  ];
  for (const v of ['for', 'against', 'abstain'] as const) {
    const n = names(v);
    if (n.length) out.push(bodyParagraph(`- ${VOTES[v].charAt(0).toUpperCase()}${VOTES[v].slice(1)}: ${n.join(', ')}.`));
  }
  return out;
}

function resultLine(c: Round['candidates'][number]): string {
  if (c.result === 'recognised')
    return `Kết quả: công nhận${c.level ? ` cấp ${levelVi(c.level).toLowerCase()}` : ''}${c.decisionNo ? ` theo Quyết định số ${c.decisionNo}` : ''}${c.decisionDate ? ` ngày ${formatDateVi(c.decisionDate)}` : ''}${c.issuer ? ` của ${c.issuer}` : ''}.`;
  if (c.result === 'not_recognised') return `Kết quả: không công nhận. Lý do: ${c.reasons ?? ''}`;
  return 'Kết quả: chưa quyết định.';
}

export async function minutesDocx(head: PaperHead, d: RoundPaperData): Promise<Buffer> {
  const { round } = d;
  const voters = [...new Set(round.candidates.flatMap((c) => c.votes.map((v) => v.voterName)))];
  const attendees = (head.extra.attendees ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const present = attendees.length ? attendees : voters;
  const recognised = round.candidates.filter((c) => c.result === 'recognised');
  const notRecognised = round.candidates.filter((c) => c.result === 'not_recognised');
  const body: FileChild[] = [
    sectionHeading('I. THỜI GIAN, ĐỊA ĐIỂM'),
    bodyParagraph(
      `Vào ngày ${dateVi(head.issuedOn)}, tại ${head.place}, ${head.issuingBody} họp xét công nhận mô hình, điển hình “Dân vận khéo”${round.campaign ? ` theo đợt phát động ${quoted(round.campaign.title)}` : ''}.`,
    ),
    sectionHeading('II. THÀNH PHẦN'),
    bodyParagraph(`Thành viên có mặt: ${present.length} đồng chí.`),
    ...present.map((n, i) => bodyParagraph(`${i + 1}. Đồng chí ${n}.`)),
    ...(head.extra.secretary ? [bodyParagraph(`Thư ký cuộc họp: đồng chí ${head.extra.secretary}.`)] : []),
    sectionHeading('III. NỘI DUNG'),
    bodyParagraph(`Hội nghị xem xét ${round.candidates.length} hồ sơ đề nghị công nhận, kết quả từng hồ sơ như sau:`),
  ];
  round.candidates.forEach((c, i) => {
    body.push(bodyParagraph([run(`${i + 1}. ${candidateName(c.registration)}`, { bold: true })], { keepNext: true }));
    if (c.checklist.length)
      body.push(
        listTable(
          [
            { header: 'STT', width: 8, align: 'center' },
            { header: 'Tiêu chí', width: 66 },
            { header: 'Đánh giá', width: 26, align: 'center' },
          ],
          c.checklist.map((k, j) => [String(j + 1), k.name, k.mark ? MARKS[k.mark]! : 'Chưa đánh giá']),
        ),
        spacer(),
      );
    body.push(
      bodyParagraph(
        c.acknowledged
          ? `Tập thể nơi thực hiện đã xác nhận${c.acknowledgementNote ? `: ${c.acknowledgementNote}` : '.'}`
          : 'Tập thể nơi thực hiện chưa xác nhận.',
      ),
      ...voteLine(c),
      bodyParagraph([run(resultLine(c), { bold: true })]),
    );
  });
  body.push(
    sectionHeading('IV. KẾT QUẢ'),
    bodyParagraph(
      `Hội nghị thống nhất công nhận ${recognised.length}/${round.candidates.length} mô hình, điển hình; không công nhận ${notRecognised.length}.`,
    ),
    bodyParagraph('Biên bản kết thúc cùng ngày, đã được thông qua trước hội nghị và các thành viên dự họp thống nhất.'),
  );
  return buildPaperDocx({
    title: `Biên bản ${round.title}`,
    header: header(head),
    kind: 'BIÊN BẢN',
    titleLines: ['Họp xét công nhận mô hình, điển hình “Dân vận khéo”', round.title],
    body,
    signer: { capacity: head.signer.capacity || 'CHỦ TRÌ', title: head.signer.title, name: head.signer.name },
    leftOfSigner: signerParagraphs({ title: 'THƯ KÝ', name: head.extra.secretary }),
  });
}

// ---------- decision with its list ----------
export async function decisionDocx(head: PaperHead, d: RoundPaperData): Promise<Buffer> {
  const { round } = d;
  const recognised = round.candidates.filter((c) => c.result === 'recognised');
  const numberDate = `${head.number ? `số ${head.number}` : 'số …'}, ngày ${dateVi(head.issuedOn)}`;
  const body: FileChild[] = [
    centred(head.issuingBody.toLocaleUpperCase('vi-VN'), { bold: true }, { spacing: { before: 0, after: 240 } }),
    bodyParagraph('- Căn cứ Quy chế làm việc của Ban Chỉ đạo;'),
    ...(round.campaign ? [bodyParagraph(`- Căn cứ Kế hoạch phát động ${quoted(round.campaign.title)};`)] : []),
    bodyParagraph(`- Căn cứ kết quả họp xét công nhận (${round.title});`),
    bodyParagraph('- Xét đề nghị của cơ quan thường trực Ban Chỉ đạo,'),
    centred('QUYẾT ĐỊNH:', { bold: true }, { spacing: { before: 240, after: 240 } }),
    bodyParagraph([
      run('Điều 1. ', { bold: true }),
      run(
        `Công nhận ${recognised.length} mô hình, điển hình đạt danh hiệu “Dân vận khéo” (có danh sách kèm theo Quyết định ${numberDate}).`,
      ),
    ]),
    bodyParagraph([run('Điều 2. ', { bold: true }), run('Quyết định có hiệu lực kể từ ngày ký.')]),
    bodyParagraph([
      run('Điều 3. ', { bold: true }),
      run('Cơ quan thường trực Ban Chỉ đạo, các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.'),
    ]),
  ];
  const list = recognised.map((c, i) => [
    String(i + 1),
    c.registration.title,
    c.registration.holder === 'individual' && c.registration.personName
      ? `${c.registration.personName} (${c.registration.unitName})`
      : c.registration.unitName,
    KIND_LABELS[c.registration.kind as 'model'] ?? '',
    levelVi(c.level),
  ]);
  return buildPaperDocx({
    title: `Quyết định công nhận – ${round.title}`,
    header: header(head),
    kind: 'QUYẾT ĐỊNH',
    titleLines: ['Về việc công nhận mô hình, điển hình “Dân vận khéo”'],
    body,
    signer: { capacity: head.signer.capacity || 'T/M BAN CHỈ ĐẠO', title: head.signer.title, name: head.signer.name },
    recipients: head.recipients ?? 'Như Điều 3,',
    appendices: [
      {
        heading: [
          'DANH SÁCH',
          'mô hình, điển hình “Dân vận khéo” được công nhận',
          `(Kèm theo Quyết định ${numberDate} của ${head.issuingBody})`,
        ],
        body: [
          list.length
            ? listTable(
                [
                  { header: 'STT', width: 7, align: 'center' },
                  { header: 'Tên mô hình, điển hình', width: 41 },
                  { header: 'Tập thể, cá nhân', width: 28 },
                  { header: 'Loại', width: 12, align: 'center' },
                  { header: 'Cấp', width: 12, align: 'center' },
                ],
                list,
              )
            : bodyParagraph('Chưa có mô hình, điển hình nào được công nhận trong đợt xét.'),
        ],
      },
    ],
  });
}

// ---------- proposal to the level above ----------
export async function proposalDocx(head: PaperHead, d: RoundPaperData): Promise<Buffer> {
  const { round } = d;
  const proposed = round.candidates.filter((c) => c.result === 'recognised');
  const asked = head.extra.commendationAsked || 'khen thưởng';
  const body: FileChild[] = [
    centred(`Kính gửi: ${head.extra.sentTo || '…………………………'}`, {}, { spacing: { before: 0, after: 240 } }),
    bodyParagraph(
      `Căn cứ kết quả xét công nhận (${round.title}), ${head.issuingBody} kính đề nghị ${asked} đối với ${proposed.length} mô hình, điển hình “Dân vận khéo” có thành tích tiêu biểu sau:`,
    ),
  ];
  proposed.forEach((c, i) => {
    body.push(
      bodyParagraph([run(`${i + 1}. ${candidateName(c.registration)}`, { bold: true })], { keepNext: true }),
      bodyParagraph(
        `Được công nhận${c.decisionNo ? ` theo Quyết định số ${c.decisionNo}` : ''}${c.decisionDate ? ` ngày ${formatDateVi(c.decisionDate)}` : ''}${c.issuer ? ` của ${c.issuer}` : ''}.`,
      ),
    );
    const done = d.achievements?.get(c.registration.id) ?? [];
    if (done.length) {
      body.push(bodyParagraph('Tóm tắt thành tích:'));
      for (const k of done)
        body.push(
          bodyParagraph(
            k.achieved !== null && k.achieved !== undefined
              ? `- ${k.name}: đạt ${achievedLabel(k.achieved, k.target, k.unit)}.`
              : `- ${k.name}: chỉ tiêu ${k.target === null ? '–' : `${formatNumberVi(k.target)}${k.unit ? ` ${k.unit}` : ''}`}, ${k.completion === null ? 'chưa có kết quả kiểm tra' : `hoàn thành ${k.completion}%`}.`,
          ),
        );
    }
  });
  body.push(bodyParagraph(`Kính đề nghị ${head.extra.sentTo || 'cấp trên'} xem xét, quyết định.`));
  return buildPaperDocx({
    title: `Tờ trình đề nghị khen thưởng – ${round.title}`,
    header: header(head),
    kind: 'TỜ TRÌNH',
    titleLines: [`Về việc đề nghị ${asked} mô hình, điển hình “Dân vận khéo”`],
    body,
    signer: { capacity: head.signer.capacity || 'T/M BAN CHỈ ĐẠO', title: head.signer.title, name: head.signer.name },
    recipients: head.recipients ?? `Như trên,`,
  });
}

// ---------- nominees of a public notice ----------
export interface NomineesData {
  roundTitle: string;
  nominees: { title: string; unitName: string; kind: string; personName: string | null }[];
  opensAt: Date;
  closesAt: Date;
  /** The public page where citizens comment. */
  url: string;
}

/** A moment as the day it falls on in Vietnam, "dd/mm/yyyy". */
const dayVi = (d: Date) => formatDateVi(d.toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }));

/** The list of nominees a round published for the people's opinion, to post at the office and print in the news. */
export async function nomineesDocx(head: PaperHead, d: NomineesData): Promise<Buffer> {
  const period = `từ ngày ${dayVi(d.opensAt)} đến ngày ${dayVi(d.closesAt)}`;
  const rows = d.nominees.map((n, i) => [
    String(i + 1),
    n.title,
    n.personName ? `${n.personName} (${n.unitName})` : n.unitName,
    KIND_LABELS[n.kind as 'model'] ?? '',
  ]);
  const body: FileChild[] = [
    bodyParagraph(
      `Thực hiện việc xét công nhận (${d.roundTitle}), ${head.issuingBody} thông báo danh sách ${d.nominees.length} mô hình, điển hình đề nghị công nhận “Dân vận khéo” để lấy ý kiến Nhân dân ${period}, cụ thể như sau:`,
    ),
    rows.length
      ? listTable(
          [
            { header: 'STT', width: 8, align: 'center' },
            { header: 'Tên mô hình, điển hình', width: 46 },
            { header: 'Tập thể, cá nhân', width: 32 },
            { header: 'Loại', width: 14, align: 'center' },
          ],
          rows,
        )
      : bodyParagraph('Không có mô hình, điển hình nào trong danh sách.'),
    spacer(),
    bodyParagraph(`Mọi ý kiến góp ý xin gửi về ${head.issuingBody} ${period}, hoặc gửi trực tuyến tại địa chỉ: ${d.url}`),
    bodyParagraph('Người góp ý ghi rõ họ tên, địa chỉ liên hệ; ý kiến được giữ kín và chỉ Ban Chỉ đạo xem xét.'),
  ];
  return buildPaperDocx({
    title: `Danh sách lấy ý kiến Nhân dân – ${d.roundTitle}`,
    header: header(head),
    kind: 'THÔNG BÁO',
    titleLines: ['Danh sách mô hình, điển hình đề nghị công nhận “Dân vận khéo”', `(Lấy ý kiến Nhân dân ${period})`],
    body,
    signer: { capacity: head.signer.capacity || 'T/M BAN CHỈ ĐẠO', title: head.signer.title, name: head.signer.name },
    recipients: head.recipients ?? 'Niêm yết tại trụ sở,',
  });
}

// ---------- certificate ----------
export interface CertificateData {
  title: string;
  kind: string;
  holder: string;
  personName: string | null;
  unitName: string;
  decisionNo: string | null;
  decisionDate: string | null;
  issuer: string | null;
  code: string;
  url: string;
}

export async function certificateDocx(head: PaperHead, c: CertificateData): Promise<Buffer> {
  const qr = await qrPng(c.url);
  const big = { size: 40, bold: true } as const;
  const who = c.holder === 'individual' && c.personName ? `${c.personName} – ${c.unitName}` : c.unitName;
  const left = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 120, height: 120 } })],
    }),
    centred('Mã xác minh:', { size: SIZE.small }),
    centred(formatCode(c.code), { size: SIZE.small, bold: true }),
    centred(c.url, { size: 18 }),
  ];
  const right = [
    ...signerParagraphs({ capacity: head.signer.capacity || 'T/M BAN CHỈ ĐẠO', title: head.signer.title, name: head.signer.name }, 3),
  ];
  const body: FileChild[] = [
    centred('GIẤY CHỨNG NHẬN', { ...big, color: 'B71C1C' }, { spacing: { before: 480, after: 0 } }),
    centred(
      `${c.kind === 'exemplar' ? 'Điển hình' : 'Mô hình'} “Dân vận khéo”`,
      { bold: true, size: 32 },
      { spacing: { before: 0, after: 240 } },
    ),
    centred(`${head.issuingBody}`, { bold: true }),
    centred('chứng nhận', { italics: true }, { spacing: { before: 0, after: 120 } }),
    centred(quoted(c.title), { bold: true, size: 34 }, { spacing: { before: 0, after: 120 } }),
    centred(`của ${who}`, { bold: true }),
    centred(
      `đã được công nhận ${c.kind === 'exemplar' ? 'điển hình' : 'mô hình'} “Dân vận khéo” theo Quyết định số ${c.decisionNo ?? '…'} ngày ${dateVi(c.decisionDate)}${c.issuer ? ` của ${c.issuer}` : ''}.`,
      { italics: true },
      { spacing: { before: 120, after: 480 } },
    ),
    layoutTable(widths([35, 65], LANDSCAPE_TEXT_WIDTH), [[left, right]], LANDSCAPE_TEXT_WIDTH),
  ];
  return buildLandscapePaperDocx({ title: `Giấy chứng nhận ${c.title}`, header: header(head), body });
}
