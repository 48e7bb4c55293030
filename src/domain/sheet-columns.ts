/**
 * The columns of the sheets that go both ways: one ordered list per sheet kind (`units`, `users`,
 * `registrations`), the single truth for the import template (`GET /imports/templates/:kind`), the
 * list exports (`/units/xlsx`, `/users/xlsx`, the registrations export job) and the import that
 * reads an edited sheet back. A sheet exported, edited and imported again updates its records.
 *
 * Layout agreed between export, template and import:
 * - A sheet may open with title and subtitle rows (the exports and the templates write two: row 1 the
 *   title, row 2 the filters or the instruction). The HEADER ROW is the FIRST row whose cells match
 *   the kind's headers (`isHeaderRow`: every header of the list, in order, compared after
 *   `foldVietnamese`; cells after the last column are ignored). The data rows follow it; a row whose
 *   cells are all empty is skipped, and so is the template's example row (row 4 of a template,
 *   `isExampleRow`). Sheets other than the first (the template's "Hướng dẫn", the hidden "Danh
 *   mục" holding the drop-down lists) are not data.
 * - Columns are matched by their header, so the import finds each column by `header` (not by its
 *   position) and reports a missing required header by name.
 * - The KEY column (`key: true`) is the last one: a unit's code, an account's username, a
 *   registration's id. A row whose key names an existing record (inside the importer's scope)
 *   updates it; an empty key (registrations) or an unknown code/username (units, accounts) creates
 *   a record. The registrations' key column is hidden in the sheets (`hidden`), not removed.
 * - Cell values are written as the screen shows them: enum cells hold the Vietnamese LABEL (read
 *   back with `enumValueOf`, which also accepts the stored value), dates are text `dd/mm/yyyy`
 *   (read back with `parseSheetDate`, which also accepts `yyyy-mm-dd` and Excel date cells), money
 *   and numbers are plain numbers (a text "1.500.000" is read with `parseSheetNumber`).
 * - Enum columns whose values come from a catalogue (fields, commendation forms) carry
 *   `catalogue` instead of `values`; `withCatalogues` fills them in from the catalogue rows.
 * - Units are referred to by their code (`ref: 'unit'`), never by name or id.
 */
import { HOLDER_LABELS, KIND_LABELS, ORIGIN_LABELS } from './statistics.js';
import { ROLE_LABELS, ROLES } from './roles.js';
import { foldVietnamese } from './text.js';
import { UNIT_KIND_LABELS, UNIT_KINDS, UNIT_LEVEL_LABELS, UNIT_LEVELS } from './unit-kinds.js';
import { REGISTRATION_STATE_LABELS, REGISTRATION_STATES } from './workflow.js';

export const SHEET_KINDS = ['units', 'users', 'registrations'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export const SHEET_KIND_LABELS: Record<SheetKind, string> = {
  units: 'Đơn vị',
  users: 'Tài khoản người dùng',
  registrations: 'Mô hình, điển hình',
};

export type SheetColumnType = 'text' | 'date' | 'number' | 'money' | 'enum';
export type SheetCatalogue = 'fields' | 'commendationForms';

export interface SheetEnumValue {
  /** What is stored (and what the API speaks). */
  value: string;
  /** What the sheet shows and the user types. */
  label: string;
}

export interface SheetColumn {
  /** The API/record field this column carries (e.g. `fieldCode`, `personName`). */
  key: string;
  /** Vietnamese header, exactly as written in row 3 of every sheet. */
  header: string;
  type: SheetColumnType;
  /** Allowed values of an enum column (absent while a catalogue has not been filled in). */
  values?: SheetEnumValue[];
  /** An enum read from a catalogue table: fill it with `withCatalogues`. */
  catalogue?: SheetCatalogue;
  /** The cell holds a unit's code. */
  ref?: 'unit';
  required: boolean;
  /** One line for the "Hướng dẫn" sheet. */
  explanation: string;
  /** What the template's example row holds (an enum's label). */
  example: string | number;
  /** The stable key of the record; always the last column. */
  isKey?: boolean;
  /** Not shown in the sheet (still written, still read). */
  hidden?: boolean;
  /** Column width in characters. */
  width?: number;
}

const enumOf = <T extends string>(values: readonly T[], labels: Record<T, string>): SheetEnumValue[] =>
  values.map((value) => ({ value, label: labels[value] }));

const UNIT_STATE_VALUES: SheetEnumValue[] = [
  { value: 'active', label: 'Đang hoạt động' },
  { value: 'inactive', label: 'Ngừng hoạt động' },
];
const ACCOUNT_STATE_VALUES: SheetEnumValue[] = [
  { value: 'active', label: 'Đang dùng' },
  { value: 'locked', label: 'Đã khóa' },
];

const UNITS: SheetColumn[] = [
  {
    key: 'name',
    header: 'Tên đơn vị',
    type: 'text',
    required: true,
    explanation: 'Tên đầy đủ của đơn vị, tối đa 200 ký tự.',
    example: 'Ấp Phú Hòa',
    width: 40,
  },
  {
    key: 'kind',
    header: 'Loại hình',
    type: 'enum',
    values: enumOf(UNIT_KINDS, UNIT_KIND_LABELS),
    required: true,
    explanation: 'Chọn một loại hình trong danh sách.',
    example: UNIT_KIND_LABELS.residential_group,
    width: 30,
  },
  {
    key: 'level',
    header: 'Cấp',
    type: 'enum',
    values: enumOf(UNIT_LEVELS, UNIT_LEVEL_LABELS),
    required: true,
    explanation: 'Cấp của đơn vị trong hệ thống chính trị.',
    example: UNIT_LEVEL_LABELS.grassroots,
    width: 14,
  },
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    type: 'text',
    ref: 'unit',
    required: true,
    explanation: 'Mã của đơn vị trực tiếp quản lý (đơn vị cấp trên) như trong hệ thống.',
    example: 'XA-PHU-HOA',
    width: 20,
  },
  {
    key: 'address',
    header: 'Địa chỉ',
    type: 'text',
    required: false,
    explanation: 'Địa chỉ trụ sở, tối đa 300 ký tự; để trống nếu không có.',
    example: 'Ấp Phú Hòa, xã Phú Hòa',
    width: 36,
  },
  {
    key: 'validFrom',
    header: 'Ngày hiệu lực',
    type: 'date',
    required: false,
    explanation: 'Ngày đơn vị bắt đầu hoạt động, dạng ngày/tháng/năm; để trống là hôm nay.',
    example: '01/07/2025',
    width: 14,
  },
  {
    key: 'state',
    header: 'Trạng thái',
    type: 'enum',
    values: UNIT_STATE_VALUES,
    required: false,
    explanation: 'Đơn vị đang hoạt động hay đã ngừng; để trống là đang hoạt động.',
    example: 'Đang hoạt động',
    width: 16,
  },
  {
    key: 'code',
    header: 'Mã đơn vị',
    type: 'text',
    required: true,
    isKey: true,
    explanation:
      'Mã duy nhất của đơn vị (chữ không dấu, số, dấu chấm, gạch ngang). Mã đã có thì dòng này cập nhật đơn vị đó; mã mới thì tạo đơn vị mới.',
    example: 'AP-PHU-HOA',
    width: 20,
  },
];

const USERS: SheetColumn[] = [
  {
    key: 'fullName',
    header: 'Họ và tên',
    type: 'text',
    required: true,
    explanation: 'Họ và tên đầy đủ, tối đa 120 ký tự.',
    example: 'Nguyễn Thị Lan',
    width: 28,
  },
  {
    key: 'position',
    header: 'Chức vụ',
    type: 'text',
    required: false,
    explanation: 'Chức vụ hiện tại; để trống nếu không có.',
    example: 'Chuyên viên Ban Dân vận',
    width: 30,
  },
  {
    key: 'role',
    header: 'Vai trò',
    type: 'enum',
    values: enumOf(ROLES, ROLE_LABELS),
    required: true,
    explanation: 'Vai trò quyết định những việc tài khoản được làm.',
    example: ROLE_LABELS.unit_officer,
    width: 30,
  },
  {
    key: 'unitCode',
    header: 'Mã đơn vị công tác',
    type: 'text',
    ref: 'unit',
    required: true,
    explanation: 'Mã của đơn vị nơi người dùng công tác.',
    example: 'XA-PHU-HOA',
    width: 20,
  },
  {
    key: 'entryUnitCode',
    header: 'Mã đơn vị phạm vi nhập liệu',
    type: 'text',
    ref: 'unit',
    required: false,
    explanation: 'Mã của đơn vị mà người dùng được nhập liệu cho đơn vị đó và cấp dưới; để trống nếu chỉ xem.',
    example: 'XA-PHU-HOA',
    width: 20,
  },
  {
    key: 'viewUnitCode',
    header: 'Mã đơn vị phạm vi xem',
    type: 'text',
    ref: 'unit',
    required: true,
    explanation: 'Mã của đơn vị mà người dùng được xem đơn vị đó và cấp dưới.',
    example: 'XA-PHU-HOA',
    width: 20,
  },
  {
    key: 'state',
    header: 'Trạng thái',
    type: 'enum',
    values: ACCOUNT_STATE_VALUES,
    required: false,
    explanation: 'Tài khoản đang dùng hay đã khóa; để trống là đang dùng.',
    example: 'Đang dùng',
    width: 14,
  },
  {
    key: 'username',
    header: 'Tên đăng nhập',
    type: 'text',
    required: true,
    isKey: true,
    explanation: 'Chữ thường không dấu, số, dấu chấm, gạch. Tên đã có thì dòng này cập nhật tài khoản đó; tên mới thì tạo tài khoản mới.',
    example: 'lan.nt',
    width: 18,
  },
];

const REGISTRATIONS: SheetColumn[] = [
  {
    key: 'kind',
    header: 'Loại',
    type: 'enum',
    values: enumOf(['model', 'exemplar'] as const, KIND_LABELS),
    required: true,
    explanation: 'Mô hình hay điển hình.',
    example: KIND_LABELS.model,
    width: 12,
  },
  {
    key: 'title',
    header: 'Tên mô hình, điển hình',
    type: 'text',
    required: true,
    explanation: 'Tên đầy đủ, tối đa 300 ký tự.',
    example: 'Mô hình "Tuyến đường hoa nông thôn mới"',
    width: 48,
  },
  {
    key: 'unitCode',
    header: 'Mã đơn vị thực hiện',
    type: 'text',
    ref: 'unit',
    required: true,
    explanation: 'Mã của đơn vị đăng ký, như trong danh sách đơn vị.',
    example: 'XA-PHU-HOA',
    width: 20,
  },
  {
    key: 'holder',
    header: 'Tập thể / cá nhân',
    type: 'enum',
    values: enumOf(['collective', 'individual'] as const, HOLDER_LABELS),
    required: true,
    explanation: 'Của tập thể hay của một cá nhân (điển hình cá nhân cần họ tên).',
    example: HOLDER_LABELS.collective,
    width: 14,
  },
  {
    key: 'personName',
    header: 'Họ tên cá nhân',
    type: 'text',
    required: false,
    explanation: 'Bắt buộc khi là cá nhân; để trống nếu là tập thể.',
    example: '',
    width: 24,
  },
  {
    key: 'personPosition',
    header: 'Chức vụ cá nhân',
    type: 'text',
    required: false,
    explanation: 'Chức vụ của cá nhân, nếu có.',
    example: '',
    width: 22,
  },
  {
    key: 'fieldCode',
    header: 'Lĩnh vực',
    type: 'enum',
    catalogue: 'fields',
    required: true,
    explanation: 'Chọn một lĩnh vực trong danh mục.',
    example: 'Kinh tế',
    width: 24,
  },
  {
    key: 'origin',
    header: 'Hình thức',
    type: 'enum',
    values: enumOf(['new', 'consolidation', 'replication'] as const, ORIGIN_LABELS),
    required: true,
    explanation: 'Xây dựng mới, củng cố hay nhân rộng (nhân rộng cần mã hồ sơ gốc).',
    example: ORIGIN_LABELS.new,
    width: 14,
  },
  {
    key: 'originId',
    header: 'Mã hồ sơ gốc',
    type: 'text',
    required: false,
    explanation: 'Mã hồ sơ của mô hình được củng cố hoặc nhân rộng (cột cuối của bảng đã xuất); để trống nếu xây dựng mới.',
    example: '',
    width: 20,
  },
  {
    key: 'level',
    header: 'Cấp',
    type: 'enum',
    values: enumOf(UNIT_LEVELS, UNIT_LEVEL_LABELS),
    required: true,
    explanation: 'Cấp đăng ký, cấp công nhận dự kiến.',
    example: UNIT_LEVEL_LABELS.commune,
    width: 12,
  },
  {
    key: 'year',
    header: 'Năm',
    type: 'number',
    required: false,
    explanation: 'Năm đăng ký; để trống là năm của ngày bắt đầu.',
    example: 2024,
    width: 8,
  },
  {
    key: 'startDate',
    header: 'Ngày bắt đầu',
    type: 'date',
    required: true,
    explanation: 'Dạng ngày/tháng/năm.',
    example: '01/03/2024',
    width: 13,
  },
  {
    key: 'endDate',
    header: 'Ngày kết thúc',
    type: 'date',
    required: true,
    explanation: 'Dạng ngày/tháng/năm, không trước ngày bắt đầu.',
    example: '31/12/2024',
    width: 13,
  },
  {
    key: 'problem',
    header: 'Vấn đề cần giải quyết',
    type: 'text',
    required: false,
    explanation: 'Tối đa 5.000 ký tự.',
    example: 'Đường ấp nhiều đoạn xuống cấp, thiếu cây xanh.',
    width: 36,
  },
  {
    key: 'purpose',
    header: 'Mục đích',
    type: 'text',
    required: false,
    explanation: 'Tối đa 5.000 ký tự.',
    example: 'Xây dựng cảnh quan xanh – sạch – đẹp.',
    width: 36,
  },
  {
    key: 'placeAddress',
    header: 'Địa điểm',
    type: 'text',
    required: false,
    explanation: 'Nơi thực hiện, tối đa 300 ký tự.',
    example: 'Ấp Phú Hòa',
    width: 24,
  },
  {
    key: 'forces',
    header: 'Lực lượng tham gia',
    type: 'text',
    required: false,
    explanation: 'Tối đa 2.000 ký tự.',
    example: 'Chi hội Phụ nữ, Đoàn Thanh niên',
    width: 28,
  },
  {
    key: 'targets',
    header: 'Đối tượng',
    type: 'text',
    required: false,
    explanation: 'Tối đa 2.000 ký tự.',
    example: 'Hộ dân trong ấp',
    width: 24,
  },
  {
    key: 'solutions',
    header: 'Giải pháp',
    type: 'text',
    required: false,
    explanation: 'Tối đa 5.000 ký tự.',
    example: 'Vận động mỗi hộ trồng và chăm sóc 20 m hoa.',
    width: 36,
  },
  {
    key: 'plannedFundsVnd',
    header: 'Kinh phí dự kiến (đồng)',
    type: 'money',
    required: false,
    explanation: 'Số tiền bằng đồng, chỉ gồm chữ số.',
    example: 15000000,
    width: 16,
  },
  {
    key: 'plannedWorkdays',
    header: 'Ngày công dự kiến',
    type: 'number',
    required: false,
    explanation: 'Số ngày công, số nguyên.',
    example: 120,
    width: 12,
  },
  {
    key: 'campaignTitle',
    header: 'Đợt phát động',
    type: 'text',
    required: false,
    explanation: 'Tên đợt phát động đúng như trong hệ thống; để trống nếu không thuộc đợt nào.',
    example: '',
    width: 30,
  },
  {
    key: 'state',
    header: 'Trạng thái',
    type: 'enum',
    values: enumOf(REGISTRATION_STATES, REGISTRATION_STATE_LABELS),
    required: false,
    explanation: 'Trạng thái hiện tại; với hồ sơ các năm trước là trạng thái cuối cùng. Để trống là bản nháp.',
    example: REGISTRATION_STATE_LABELS.recognised,
    width: 18,
  },
  {
    key: 'recognitionDecisionNo',
    header: 'Số quyết định công nhận',
    type: 'text',
    required: false,
    explanation: 'Số quyết định công nhận (khi đã công nhận).',
    example: '125-QĐ/BDVHU',
    width: 18,
  },
  {
    key: 'recognitionDecisionDate',
    header: 'Ngày quyết định công nhận',
    type: 'date',
    required: false,
    explanation: 'Dạng ngày/tháng/năm.',
    example: '15/12/2024',
    width: 14,
  },
  {
    key: 'recognitionLevel',
    header: 'Cấp công nhận',
    type: 'enum',
    values: enumOf(UNIT_LEVELS, UNIT_LEVEL_LABELS),
    required: false,
    explanation: 'Cấp ra quyết định công nhận.',
    example: UNIT_LEVEL_LABELS.commune,
    width: 12,
  },
  {
    key: 'recognitionIssuer',
    header: 'Cơ quan công nhận',
    type: 'text',
    required: false,
    explanation: 'Cơ quan ban hành quyết định công nhận.',
    example: 'Ban Chỉ đạo xã Phú Hòa',
    width: 26,
  },
  {
    key: 'commendationForm',
    header: 'Hình thức khen thưởng',
    type: 'enum',
    catalogue: 'commendationForms',
    required: false,
    explanation: 'Chọn trong danh mục hình thức khen thưởng (khi đã được khen).',
    example: 'Giấy khen',
    width: 28,
  },
  {
    key: 'commendationDecisionNo',
    header: 'Số quyết định khen thưởng',
    type: 'text',
    required: false,
    explanation: 'Số quyết định khen thưởng.',
    example: '210-QĐ/UBND',
    width: 18,
  },
  {
    key: 'commendationDecisionDate',
    header: 'Ngày quyết định khen thưởng',
    type: 'date',
    required: false,
    explanation: 'Dạng ngày/tháng/năm.',
    example: '20/12/2024',
    width: 14,
  },
  {
    key: 'commendationIssuer',
    header: 'Cơ quan khen thưởng',
    type: 'text',
    required: false,
    explanation: 'Cơ quan ban hành quyết định khen thưởng.',
    example: 'Ủy ban nhân dân xã Phú Hòa',
    width: 26,
  },
  {
    key: 'id',
    header: 'Mã hồ sơ',
    type: 'text',
    required: false,
    isKey: true,
    hidden: true,
    explanation: 'Mã hồ sơ do hệ thống cấp (cột ẩn). Có mã thì dòng này cập nhật hồ sơ đó; để trống thì tạo hồ sơ mới. Không sửa cột này.',
    example: '',
    width: 38,
  },
];

/** The ordered columns of each sheet kind; the key column is last. */
export const SHEET_COLUMNS: Record<SheetKind, readonly SheetColumn[]> = {
  units: UNITS,
  users: USERS,
  registrations: REGISTRATIONS,
};

/** Titles written in row 1 of the exports and the templates. */
export const SHEET_TITLES: Record<SheetKind, string> = {
  units: 'DANH SÁCH ĐƠN VỊ',
  users: 'DANH SÁCH TÀI KHOẢN NGƯỜI DÙNG',
  registrations: 'DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH "DÂN VẬN KHÉO"',
};

/** Worksheet names of the exports and the templates (the import reads every data sheet and skips the guide and the lists). */
export const SHEET_NAMES: Record<SheetKind, string> = {
  units: 'Đơn vị',
  users: 'Người dùng',
  registrations: 'Mô hình, điển hình',
};

export function keyColumn(kind: SheetKind): SheetColumn {
  const cols = SHEET_COLUMNS[kind];
  return cols[cols.length - 1]!;
}

export interface CatalogueRows {
  fields: { code: string; name: string }[];
  commendationForms: { code: string; name: string }[];
}

/** The columns with the catalogue enums filled in (fields, commendation forms). */
export function withCatalogues(kind: SheetKind, catalogues: CatalogueRows): SheetColumn[] {
  return SHEET_COLUMNS[kind].map((c) =>
    c.catalogue ? { ...c, values: catalogues[c.catalogue].map((r) => ({ value: r.code, label: r.name })) } : { ...c },
  );
}

const fold = (v: unknown) => foldVietnamese(String(v ?? ''));

/**
 * Whether a row of cells is the header row of this kind: its first cells are the kind's headers,
 * in order (compared without diacritics or case); later cells are ignored.
 */
export function isHeaderRow(kind: SheetKind, cells: readonly unknown[]): boolean {
  const cols = SHEET_COLUMNS[kind];
  return cols.every((c, i) => fold(cells[i]) === fold(c.header));
}

/**
 * Whether a data row is the template's example row, left in by mistake: every cell holds the
 * column's example (empty where the example is empty). The import skips it.
 */
export function isExampleRow(kind: SheetKind, cells: readonly unknown[]): boolean {
  return SHEET_COLUMNS[kind].every((c, i) => fold(cells[i]) === fold(c.example));
}

/** The label a value is written as; the value itself when the column has no such value. */
export function enumLabelOf(column: SheetColumn, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return column.values?.find((v) => v.value === value)?.label ?? value;
}

/** The stored value of a typed label (or of the stored value itself); null when it is not allowed. */
export function enumValueOf(column: SheetColumn, cell: unknown): string | null {
  const typed = fold(cell);
  if (!typed) return null;
  const hit = column.values?.find((v) => fold(v.label) === typed || fold(v.value) === typed);
  return hit ? hit.value : null;
}

/** "15/03/2024", "15-3-2024", "2024-03-15" or a Date cell → "2024-03-15"; null when not a date. */
export function parseSheetDate(cell: unknown): string | null {
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) return cell.toISOString().slice(0, 10);
  const s = String(cell ?? '').trim();
  let y: number, m: number, d: number;
  let hit = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (hit) [y, m, d] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  else {
    hit = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (!hit) return null;
    [d, m, y] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** 1500000, "1.500.000" or "1 500 000" → 1500000; null when not a whole number. */
export function parseSheetNumber(cell: unknown): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const s = String(cell ?? '')
    .trim()
    .replace(/[.\s]/g, '');
  return /^-?\d+$/.test(s) ? Number(s) : null;
}
