/**
 * A calendar date as an officer types it on a phone or at a desk: "25/11/2026", "25112026",
 * "25-11-2026", "25.11.2026" or "5/3/2026". Pure functions: the web app's date field parses with
 * them and shows the Vietnamese reason when a date cannot be read.
 */

export type TypedDate = { ok: true; iso: string } | { ok: false; reason: string };

/** The earliest and latest years a date field takes. */
export const TYPED_YEAR_MIN = 1945;
export const TYPED_YEAR_MAX = 2100;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "2026-11-25" → "25/11/2026". */
export function typedDateText(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Reads a typed date (day first, as in Vietnam). Empty text is `{ ok: false, reason: '' }`; the
 * caller decides whether an empty field is allowed.
 */
export function parseTypedDate(text: string): TypedDate {
  const t = text.trim();
  if (!t) return { ok: false, reason: '' };
  let parts: RegExpExecArray | null = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  parts ??= /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(t);
  if (!parts) return { ok: false, reason: `Chưa đọc được ngày "${t}". Vui lòng gõ theo dạng ngày/tháng/năm, ví dụ 25/11/2026.` };
  const day = Number(parts[1]);
  const month = Number(parts[2]);
  const year = Number(parts[3]);
  if (month < 1 || month > 12) return { ok: false, reason: `Tháng ${month} không có. Vui lòng gõ tháng từ 1 đến 12.` };
  if (year < TYPED_YEAR_MIN || year > TYPED_YEAR_MAX) {
    return { ok: false, reason: `Năm ${year} nằm ngoài khoảng ${TYPED_YEAR_MIN}–${TYPED_YEAR_MAX}. Vui lòng kiểm tra lại năm.` };
  }
  const last = daysIn(year, month);
  if (day < 1 || day > last) {
    return { ok: false, reason: `Ngày ${pad(day)}/${pad(month)}/${year} không có: tháng ${month} năm ${year} có ${last} ngày.` };
  }
  return { ok: true, iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}
