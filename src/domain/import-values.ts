/**
 * What real spreadsheets hold, read into the values the API takes. Pure functions (no I/O), used by
 * the import job on every cell: catalogue names with their variants ("Văn hoá - Xã hội", "VH-XH"),
 * dates as Excel dates, "12/11/2019", "11/2019" or a year, amounts as "150.000.000" or 150000000,
 * units named by their path ("Tỉnh Vĩnh Long / Xã Càng Long / Hội Phụ nữ") or code, and CSV bytes in
 * UTF-8 or Windows-1258. Each answers a value or a Vietnamese reason the preview shows.
 */
import { foldVietnamese } from './text.js';

export type Parsed<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };
const ok = <T>(value: T, note?: string): Parsed<T> => (note ? { ok: true, value, note } : { ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** A cell as exceljs or the CSV reader gives it. */
export type CellValue = string | number | boolean | Date | null | undefined | { [k: string]: unknown };

/** The plain content of a cell: rich text joined, a formula's result, a link's text, trimmed. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if (Array.isArray(v.richText))
      return (v.richText as { text: string }[])
        .map((p) => p.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result as CellValue);
    if (typeof v.text === 'string') return v.text.trim();
    if ('error' in v) return '';
    return '';
  }
  return String(v)
    .replace(/\u00a0/g, ' ')
    .trim();
}

/** A key that ignores case, marks, punctuation and spacing: "Văn hoá - Xã hội" → "van hoa xa hoi". */
export function looseKey(s: string): string {
  return foldVietnamese(s.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The initials of a name's words: "Văn hóa – xã hội" → "vhxh". */
function initials(s: string): string {
  return looseKey(s)
    .split(' ')
    .map((w) => w[0])
    .join('');
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

export interface CatalogueEntry {
  code: string;
  name: string;
  /** Other ways files write it (any case and marks). */
  aliases?: readonly string[];
}

/** Variants of the field names met in district files; the names and codes themselves always match. */
export const FIELD_ALIASES: Record<string, readonly string[]> = {
  economic: ['KT', 'Kinh tế', 'Lĩnh vực kinh tế', 'Phát triển kinh tế'],
  cultural_social: ['VH-XH', 'VHXH', 'Văn hóa xã hội', 'Văn hóa, xã hội', 'Lĩnh vực văn hóa – xã hội', 'Văn hóa', 'Xã hội'],
  defence_security: ['QP-AN', 'QPAN', 'Quốc phòng, an ninh', 'An ninh quốc phòng', 'An ninh – quốc phòng', 'An ninh trật tự'],
  political_system: ['XDHTCT', 'HTCT', 'Hệ thống chính trị', 'Xây dựng HTCT', 'Xây dựng Đảng, chính quyền'],
  other: ['Lĩnh vực khác'],
};

/** Variants of the commendation forms' names. */
export const FORM_ALIASES: Record<string, readonly string[]> = {
  bieu_duong: ['Biểu dương', 'Tuyên dương'],
  giay_khen: ['GK', 'Giấy khen của UBND', 'Giấy khen UBND'],
  giay_khen_btv: ['Giấy khen BTV', 'Giấy khen Ban Thường vụ'],
  bang_khen_btv_tinh: ['Bằng khen BTV Tỉnh ủy', 'Bằng khen Tỉnh ủy'],
  bang_khen_ubnd_tinh: ['Bằng khen UBND tỉnh', 'Bằng khen Chủ tịch UBND tỉnh'],
  bang_khen_tw: ['Bằng khen Trung ương', 'Bằng khen TW'],
};

/**
 * Finds a catalogue entry by its name, code or a known variant, ignoring case, marks and
 * punctuation, or by its initials ("VH-XH"). Nothing found: the reason names the closest entry.
 */
const catalogueKeys = new WeakMap<readonly CatalogueEntry[], string[][]>();

export function matchCatalogue(input: string, entries: readonly CatalogueEntry[], what: string): Parsed<string> {
  const key = looseKey(input);
  if (!key) return bad(`chưa có ${what}`);
  let keyed = catalogueKeys.get(entries);
  if (!keyed) {
    keyed = entries.map((e) => [e.code, e.name, ...(e.aliases ?? [])].map(looseKey));
    catalogueKeys.set(entries, keyed);
  }
  for (const [i, e] of entries.entries()) {
    if (keyed[i]!.includes(key) || key.replace(/ /g, '_') === e.code) {
      return ok(e.code, keyed[i]![1] === key ? undefined : `'${input}' đọc là '${e.name}'`);
    }
  }
  const compact = key.replace(/ /g, '');
  for (const e of entries) if (initials(e.name) === compact && compact.length >= 3) return ok(e.code, `'${input}' đọc là '${e.name}'`);
  let best: CatalogueEntry | null = null;
  let bestD = Infinity;
  for (const e of entries) {
    for (const k of [e.name, ...(e.aliases ?? [])].map(looseKey)) {
      const d = distance(key, k);
      if (d < bestD) {
        bestD = d;
        best = e;
      }
    }
  }
  const hint = best && bestD <= Math.max(3, Math.floor(key.length / 3)) ? `; có phải '${best.name}'?` : '';
  return bad(`'${input}' không có trong danh mục ${what}${hint}`);
}

/** A value from a closed list with Vietnamese labels (state, kind, holder…), by label, code or variant. */
export function matchLabel<T extends string>(
  input: string,
  labels: Record<T, string>,
  what: string,
  aliases: Partial<Record<T, readonly string[]>> = {},
): Parsed<T> {
  const entries = (Object.keys(labels) as T[]).map((code) => ({ code, name: labels[code], aliases: aliases[code] }));
  return matchCatalogue(input, entries, what) as Parsed<T>;
}

// ---- dates -------------------------------------------------------------------------------------

export interface LooseDate {
  /** The first and the last day the text can mean: the same day, a month or a year. */
  from: string;
  to: string;
  precision: 'day' | 'month' | 'year';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoDay(y: number, m: number, d: number): string | null {
  if (y < 1945 || y > 2100 || m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * A date as files hold it: an Excel date (a Date or its serial number), "12/11/2019" (day first),
 * "12-11-2019", "12.11.2019", "2019-11-12", "ngày 12 tháng 11 năm 2019", "11/2019", "tháng 11/2019"
 * or a year alone.
 */
export function parseLooseDate(v: CellValue): Parsed<LooseDate> {
  if (v instanceof Date) {
    const iso = isoDay(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    return iso ? ok({ from: iso, to: iso, precision: 'day' }) : bad(`ngày '${cellText(v)}' không hợp lệ`);
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1945 && v <= 2100) return ok({ from: `${v}-01-01`, to: `${v}-12-31`, precision: 'year' });
    if (v > 16000 && v < 80000) return parseLooseDate(new Date(EXCEL_EPOCH + Math.floor(v) * 86_400_000));
    return bad(`'${v}' không phải là ngày`);
  }
  const text = foldVietnamese(cellText(v));
  if (!text) return bad('chưa có ngày');
  let m = /^(?:ngay\s*)?(\d{1,2})\s*(?:[/.-]|\s+thang\s+)\s*(\d{1,2})\s*(?:[/.-]|\s+nam\s+)\s*(\d{4})$/.exec(text);
  if (m) {
    const iso = isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
    return iso ? ok({ from: iso, to: iso, precision: 'day' }) : bad(`ngày '${cellText(v)}' không có thật`);
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(text);
  if (m) {
    const iso = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok({ from: iso, to: iso, precision: 'day' }) : bad(`ngày '${cellText(v)}' không có thật`);
  }
  m = /^(?:thang\s*)?(\d{1,2})\s*(?:[/.-]|\s+nam\s+)\s*(\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[2]);
    const mo = Number(m[1]);
    const from = isoDay(y, mo, 1);
    return from ? ok({ from, to: isoDay(y, mo, lastDay(y, mo))!, precision: 'month' }) : bad(`tháng '${cellText(v)}' không hợp lệ`);
  }
  m = /^(?:nam\s*)?(\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    if (y >= 1945 && y <= 2100) return ok({ from: `${y}-01-01`, to: `${y}-12-31`, precision: 'year' });
  }
  return bad(`'${cellText(v)}' không đọc được là ngày (viết như 12/11/2019, 11/2019 hoặc 2019)`);
}

// ---- numbers -----------------------------------------------------------------------------------

/**
 * A whole number as files write it: 150000000, "150.000.000", "150,000,000", "150 000 000 đồng",
 * "150 triệu", "1,5 tỷ". Vietnamese writes "." between thousands and "," before decimals.
 */
export function parseAmount(v: CellValue): Parsed<number> {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? ok(Math.round(v)) : bad(`'${v}' không phải là số không âm`);
  const raw = cellText(v);
  let text = foldVietnamese(raw)
    .replace(/(vnd|dong|d)\.?$/, '')
    .trim();
  let factor = 1;
  const unit = /\s*(nghin|ngan|trieu|ty)$/.exec(text);
  if (unit) {
    factor = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9 }[unit[1] as 'nghin']!;
    text = text.slice(0, unit.index).trim();
  }
  let n: number;
  if (/^\d{1,3}([. ]\d{3})+$/.test(text)) n = Number(text.replace(/[. ]/g, ''));
  else if (/^\d{1,3}(,\d{3}){2,}$/.test(text)) n = Number(text.replace(/,/g, ''));
  else if (/^\d+(,\d+)?$/.test(text)) n = Number(text.replace(',', '.'));
  else if (/^\d+\.\d{1,2}$/.test(text)) n = Number(text);
  else return bad(`'${raw}' không phải là số (viết như 150.000.000 hoặc 150000000)`);
  return ok(Math.round(n * factor));
}

// ---- units -------------------------------------------------------------------------------------

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

/** Word abbreviations of unit names: "TT Càng Long" is "Thị trấn Càng Long". */
const NAME_ABBREVIATIONS: [RegExp, string][] = [
  [/^tt /, 'thi tran '],
  [/^tp /, 'thanh pho '],
  [/^p /, 'phuong '],
  [/^x /, 'xa '],
  [/^h /, 'huyen '],
  [/^hpn /, 'hoi phu nu '],
  [/^hnd /, 'hoi nong dan '],
  [/^hpn$/, 'hoi phu nu'],
  [/^hnd$/, 'hoi nong dan'],
];

function nameKey(s: string): string {
  let k = looseKey(s);
  for (const [re, to] of NAME_ABBREVIATIONS) k = k.replace(re, to);
  return k;
}

/**
 * The units an import may name, looked up by code or by path of names: "Tỉnh Vĩnh Long / Xã Càng
 * Long / Hội Phụ nữ" (any tail of the path from the top; separators "/", ">", "»", "\" or "|").
 * A unit's own name need not repeat its parents' ("Hội Phụ nữ" under "Xã Càng Long" matches
 * "Hội Phụ nữ xã Càng Long" when that is the only such unit there).
 */
export class UnitDirectory {
  private readonly byId = new Map<string, UnitRef>();
  private readonly byCode = new Map<string, UnitRef>();
  private readonly byName = new Map<string, UnitRef[]>();
  private readonly children = new Map<string | null, UnitRef[]>();
  private readonly keys = new Map<string, string>();
  private readonly found = new Map<string, Parsed<UnitRef>>();

  constructor(units: Iterable<UnitRef>) {
    for (const u of units) this.add(u);
  }

  add(u: UnitRef): void {
    this.byId.set(u.id, u);
    this.byCode.set(u.code.trim().toUpperCase(), u);
    const k = nameKey(u.name);
    this.keys.set(u.id, k);
    this.found.clear();
    this.byName.set(k, [...(this.byName.get(k) ?? []), u]);
    this.children.set(u.parentId, [...(this.children.get(u.parentId) ?? []), u]);
  }

  get(id: string): UnitRef | undefined {
    return this.byId.get(id);
  }

  /** The path of names from the top of the directory down to the unit. */
  pathOf(u: UnitRef): string {
    const names: string[] = [];
    for (let x: UnitRef | undefined = u; x; x = x.parentId ? this.byId.get(x.parentId) : undefined) names.unshift(x.name);
    return names.join(' / ');
  }

  /** The same reference is written on many rows: each is looked up once. */
  find(ref: string): Parsed<UnitRef> {
    let hit = this.found.get(ref);
    if (!hit) {
      hit = this.lookup(ref);
      this.found.set(ref, hit);
    }
    return hit;
  }

  private lookup(ref: string): Parsed<UnitRef> {
    const text = ref.trim();
    if (!text) return bad('chưa có đơn vị');
    const byCode = this.byCode.get(text.toUpperCase());
    if (byCode) return ok(byCode);
    const parts = text
      .split(/\s*[/>»\\|]\s*/)
      .map((p) => p.trim())
      .filter(Boolean);
    const last = nameKey(parts[parts.length - 1]!);
    let candidates = this.byName.get(last) ?? [];
    if (parts.length > 1) {
      // Walk up: each earlier part must name an ancestor, in order.
      candidates = candidates.filter((u) => {
        let anc = u.parentId ? this.byId.get(u.parentId) : undefined;
        for (let i = parts.length - 2; i >= 0; i--) {
          const want = nameKey(parts[i]!);
          while (anc && this.keys.get(anc.id) !== want) anc = anc.parentId ? this.byId.get(anc.parentId) : undefined;
          if (!anc) return false;
          anc = anc.parentId ? this.byId.get(anc.parentId) : undefined;
        }
        return true;
      });
      if (candidates.length === 0) {
        // "Hội Phụ nữ" under its commune, when the unit's full name adds the commune's.
        const parent = this.find(parts.slice(0, -1).join(' / '));
        if (parent.ok) {
          const kids = (this.children.get(parent.value.id) ?? []).filter((c) => this.keys.get(c.id)!.startsWith(last + ' '));
          if (kids.length === 1) return ok(kids[0]!);
        }
      }
    }
    if (candidates.length === 1) return ok(candidates[0]!);
    if (candidates.length > 1) {
      return bad(
        `'${text}' trùng tên ${candidates.length} đơn vị (${candidates
          .slice(0, 3)
          .map((u) => this.pathOf(u))
          .join('; ')}); ghi mã đơn vị hoặc đường dẫn đầy đủ`,
      );
    }
    return bad(`không tìm thấy đơn vị '${text}' trong phạm vi của bạn (ghi mã đơn vị hoặc đường dẫn như 'Tỉnh … / Xã … / Hội …')`);
  }
}

// ---- headers -----------------------------------------------------------------------------------

export interface ImportColumn<K extends string = string> {
  key: K;
  header: string;
  aliases?: readonly string[];
  required?: boolean;
}

/**
 * Which column of a header row holds which field: the header's text against each column's header
 * and variants, ignoring case, marks, punctuation, "(*)" marks and line breaks. Answers null when
 * fewer than two columns are recognised (a title row, a blank row).
 */
const headerIndexes = new WeakMap<readonly ImportColumn[], Map<string, string[]>>();

function headerIndex(columns: readonly ImportColumn[]): Map<string, string[]> {
  let index = headerIndexes.get(columns);
  if (!index) {
    index = new Map();
    // Headers first, then variants: "Đơn vị" is a unit sheet's variant but another sheet's header.
    for (const pass of [0, 1])
      for (const c of columns)
        for (const h of pass === 0 ? [c.header] : (c.aliases ?? [])) {
          const k = looseKey(h);
          index.set(k, [...(index.get(k) ?? []), c.key]);
        }
    headerIndexes.set(columns, index);
  }
  return index;
}

export function matchHeaderRow<K extends string>(cells: readonly string[], columns: readonly ImportColumn<K>[]): Map<number, K> | null {
  const index = headerIndex(columns);
  const found = new Map<number, K>();
  const used = new Set<string>();
  cells.forEach((c, i) => {
    if (!c || c.length > 80) return;
    const key = looseKey(c.replace(/\(\s*\*\s*\)|\*/g, ''));
    const col = (index.get(key) ?? []).find((k) => !used.has(k));
    if (col) {
      found.set(i, col as K);
      used.add(col);
    }
  });
  return found.size >= 2 ? found : null;
}

/** "Dòng 17, cột Lĩnh vực: …" as the preview and the error sheet say it. */
export function rowReason(sheet: string | null, line: number, column: string | null, reason: string): string {
  return `${sheet ? `Trang '${sheet}', d` : 'D'}òng ${line}${column ? `, cột ${column}` : ''}: ${reason}`;
}

// ---- CSV bytes ---------------------------------------------------------------------------------

/**
 * The text of a CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise
 * Windows-1258 (Vietnamese Windows), whose tone marks are combining characters, composed here.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1258' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '').normalize('NFC'), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'windows-1258' };
  }
}
