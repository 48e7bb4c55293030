/**
 * The one zod helper for text a person types. Every text field of the API goes through it, so a
 * title, a name or a report's paragraph obey the same rules:
 * - Unicode is composed (NFC): Vietnamese typed on a system that decomposes letters compares and
 *   searches like the rest.
 * - Invisible characters that carry no meaning in Vietnamese (zero-width space, word joiner, byte
 *   order mark) are removed.
 * - Control characters are refused with a message, not stripped: they come from pasting out of
 *   another program, and silently changing what was pasted would hide that. Text that reorders what
 *   is displayed (bidirectional overrides) is refused the same way, and so are broken surrogates.
 *   On one line, tab and line breaks are white space; in long text they are kept (CR LF → LF).
 * - White space around is trimmed, and text that still shows nothing (only combining marks,
 *   zero-width joiners, filler letters) is refused: a title must have something to read.
 */
import { z } from 'zod';

// Removed outright: they never mean anything in Vietnamese text.
const DROPPED = /[\u200B\u2060\uFEFF\u180E]/g;
// Bidirectional embeddings, overrides and isolates: they change the order in which text is shown.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
// C0 and C1 controls except tab, LF and CR (allowed or turned into spaces before this test runs).
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Letters that render as nothing (Hangul fillers, braille blank) do not count as something to read.
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/g;
// Half of a UTF-16 pair without the other half: no character at all, and the database refuses it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export const TEXT_MESSAGES = {
  control: 'có ký tự điều khiển không in được (thường do sao chép từ phần mềm khác); vui lòng xóa hoặc gõ lại đoạn đó',
  invisible: 'chỉ gồm ký tự không nhìn thấy được; vui lòng nhập chữ hoặc số',
} as const;

/** True when the text shows at least one letter, digit, punctuation mark or symbol. */
export function hasVisibleText(value: string): boolean {
  return VISIBLE.test(value.replace(BLANK_LETTERS, ''));
}

/** True when the text holds a character a person cannot have meant to type (see the file's comment). */
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value) || BIDI.test(value) || LONE_SURROGATE.test(value);
}

/** What the helper does to the text before checking it: composed, meaningless invisibles removed, line ends unified. */
export function normaliseText(value: string, multiline: boolean): string {
  const v = value.normalize('NFC').replace(DROPPED, '');
  return multiline ? v.replace(/\r\n?/g, '\n') : v.replace(/[\t\n\r]/g, ' ');
}

export interface TextOptions {
  /** Shortest accepted length after trimming; 1 makes the field required (an empty string is refused). */
  min?: number;
  /** Long text (descriptions, reasons, report sections): keeps line breaks and tabs. */
  multiline?: boolean;
}

/**
 * A text field of at most `max` characters. Chain `.nullish()` / `.optional()` as usual; the result
 * stays a zod string, so the OpenAPI document still says `type: string` with its lengths.
 */
export function plainText(max: number, { min = 0, multiline = false }: TextOptions = {}) {
  let s = z
    .string()
    .overwrite((v) => normaliseText(v, multiline))
    .trim();
  if (min > 0) s = s.min(min);
  return s
    .max(max)
    .refine((v) => !hasControlCharacters(v), TEXT_MESSAGES.control)
    .refine((v) => v === '' || hasVisibleText(v), TEXT_MESSAGES.invisible);
}

/** A required line of text: a title, a name. */
export const requiredText = (max: number) => plainText(max, { min: 1 });
/** Optional long text that keeps its paragraphs. */
export const longText = (max: number) => plainText(max, { multiline: true });
