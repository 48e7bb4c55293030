/**
 * Evidence files and attachments are images, PDF, Word (.docx) or Excel (.xlsx) documents,
 * recognised by their content, never by the name a user gave them: a renamed executable stays
 * refused, and so does any ZIP archive that is not a Word or Excel document (a .docx is a ZIP with
 * `[Content_Types].xml` and `word/document.xml`; an .xlsx one with `xl/workbook.xml`).
 */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SIGNATURES: { mime: string; ext: string; test: (b: Uint8Array) => boolean }[] = [
  { mime: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', ext: 'png', test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x) },
  { mime: 'image/gif', ext: 'gif', test: (b) => ascii(b, 0, 4) === 'GIF8' },
  { mime: 'image/webp', ext: 'webp', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { mime: 'application/pdf', ext: 'pdf', test: (b) => ascii(b, 0, 5) === '%PDF-' },
];

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/** Whether the first bytes are those of a ZIP archive (a local file header). */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** The file's real type from its first bytes, or null when it is not an accepted type (a ZIP needs `officeType`). */
export function sniffEvidenceType(head: Uint8Array): { mime: string; ext: string } | null {
  const hit = SIGNATURES.find((s) => s.test(head));
  return hit ? { mime: hit.mime, ext: hit.ext } : null;
}

/** A Word or Excel document from the names inside its ZIP archive, or null for any other archive. */
export function officeType(entries: readonly string[]): { mime: string; ext: string } | null {
  const has = new Set(entries);
  if (!has.has('[Content_Types].xml')) return null;
  if (has.has('word/document.xml')) return { mime: DOCX_MIME, ext: 'docx' };
  if (has.has('xl/workbook.xml')) return { mime: XLSX_MIME, ext: 'xlsx' };
  return null;
}

/**
 * The names of the entries of a ZIP archive, read from its central directory (found through the
 * end-of-central-directory record in the last 64 KB); an empty list when the archive is damaged.
 */
export function zipEntryNames(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return [];
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > zip.length) return [];
    names.push(decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
