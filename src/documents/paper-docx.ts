/**
 * The one builder of DVK's documents: every paper (review report, registration form, minutes,
 * decision, proposal, certificate) is a `PaperSpec` of shared parts (header, number and date,
 * title, body, signer, appendix) laid out here in the Party format of Hướng dẫn 36-HD/VPTW:
 * A4, Times New Roman, body 14 pt; pages numbered at the top from the second page on.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import {
  FONT,
  MARGIN,
  PAGE,
  SIZE,
  TEXT_WIDTH,
  centred,
  headerPart,
  signerPart,
  spacer,
  type HeaderPart,
  type SignerPart,
} from './docx-parts.js';

export interface PaperSpec {
  /** The file's title (document properties). */
  title: string;
  subject?: string;
  header: HeaderPart;
  /** The document's kind in capitals above its title: "BÁO CÁO", "BIÊN BẢN", "QUYẾT ĐỊNH". */
  kind?: string;
  titleLines?: string[];
  /** An italic line under the title (the period of a report). */
  subtitle?: string | null;
  body: FileChild[];
  signer: SignerPart;
  /** `undefined`: no "Nơi nhận" column; a string (even empty): the recipients, with the office's copy. */
  recipients?: string | null;
  /** What stands left of the signer instead of the recipients (a second signature). */
  leftOfSigner?: Paragraph[];
  /** Parts after the signature, each on a new page: the attached list, the long tables. */
  appendices?: { heading: string[]; body: FileChild[] }[];
}

/** Landscape A4 with narrower margins: the certificate. */
export const LANDSCAPE = {
  width: PAGE.height,
  height: PAGE.width,
  margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 },
};
export const LANDSCAPE_TEXT_WIDTH = LANDSCAPE.width - LANDSCAPE.margin.left - LANDSCAPE.margin.right;

const FRAME = { style: BorderStyle.DOUBLE, size: 18, color: 'B71C1C', space: 20 } as const;

function titleBlock(spec: PaperSpec): Paragraph[] {
  if (!spec.kind) return [spacer(240)];
  return [
    centred(spec.kind, { bold: true, size: SIZE.kind }, { spacing: { before: 480, after: 0 } }),
    ...(spec.titleLines ?? []).map((l) => centred(l, { bold: true })),
    ...(spec.subtitle ? [centred(spec.subtitle, { italics: true })] : []),
    centred('-----', {}, { spacing: { before: 0, after: 240 } }),
  ];
}

function appendix(a: { heading: string[]; body: FileChild[] }): FileChild[] {
  return [
    ...a.heading.map((l, i) =>
      centred(l, { bold: i === 0 }, { pageBreakBefore: i === 0, spacing: { before: 0, after: i === a.heading.length - 1 ? 240 : 0 } }),
    ),
    ...a.body,
  ];
}

/** The sections' common settings; `landscape` for the certificate. */
function documentOf(spec: { title: string; subject?: string; description: string }, children: FileChild[], landscape: boolean) {
  return new Document({
    title: spec.title,
    subject: spec.subject,
    creator: 'DVK',
    lastModifiedBy: 'DVK',
    description: spec.description,
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
          page: landscape
            ? {
                // docx swaps width and height for a landscape page itself.
                size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
                margin: { ...LANDSCAPE.margin, header: 567, footer: 567 },
                // A certificate is framed: a double red line around the page.
                borders: { pageBorderTop: FRAME, pageBorderBottom: FRAME, pageBorderLeft: FRAME, pageBorderRight: FRAME },
              }
            : { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGIN, header: 567, footer: 567 } },
        },
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
        children,
      },
    ],
  });
}

export async function buildPaperDocx(spec: PaperSpec): Promise<Buffer> {
  const children: FileChild[] = [
    headerPart(spec.header),
    ...titleBlock(spec),
    ...spec.body,
    spacer(240),
    signerPart({ signer: spec.signer, recipients: spec.recipients, left: spec.leftOfSigner }),
    ...(spec.appendices ?? []).flatMap(appendix),
  ];
  return Packer.toBuffer(documentOf({ title: spec.title, subject: spec.subject, description: spec.header.issuingBody }, children, false));
}

/** A one-page landscape paper (the certificate): the same header and signer, laid out to the wider page. */
export async function buildLandscapePaperDocx(spec: { title: string; header: HeaderPart; body: FileChild[] }): Promise<Buffer> {
  const children: FileChild[] = [headerPart(spec.header, LANDSCAPE_TEXT_WIDTH), ...spec.body];
  return Packer.toBuffer(documentOf({ title: spec.title, description: spec.header.issuingBody }, children, true));
}

export { TEXT_WIDTH };
