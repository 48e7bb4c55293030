/**
 * The sheets an import reads (registrations, units, accounts): their columns with the headers and
 * variants files use, and the reading of one row into the input the API takes, checked by the same
 * zod schemas and policy as the API. Pure: the import job gives the catalogues, the units of the
 * importer's entry scope and the actor; this file answers values or the reasons per column.
 */
import { z } from 'zod';
import {
  cellText,
  matchCatalogue,
  matchLabel,
  parseAmount,
  parseLooseDate,
  type CatalogueEntry,
  type CellValue,
  type ImportColumn,
  type UnitDirectory,
} from './import-values.js';
import { RegistrationInput } from './movement-schemas.js';
import { can, type Actor } from './policy.js';
import { registrationRuleError } from './registration-rules.js';
import { ROLE_LABELS, ROLES, type Role } from './roles.js';
import { CreateUnit, CreateUser } from './schemas.js';
import { HOLDER_LABELS, KIND_LABELS, ORIGIN_LABELS } from './statistics.js';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS, UNIT_LEVELS, type UnitKind, type UnitLevel } from './unit-kinds.js';
import { REGISTRATION_STATE_LABELS, type RegistrationState } from './workflow.js';
import { errorMessage, type AppError } from './errors.js';
import { SHEET_COLUMNS, type SheetKind } from './sheet-columns.js';

/** Levels as sheets write them: "Huyện" or "Cấp huyện" is the (former) district level. */
const LEVEL_ALIASES: Partial<Record<UnitLevel, readonly string[]>> = { grassroots: ['Cơ sở'], district: ['Huyện', 'Cấp huyện'] };

export const IMPORT_KINDS = ['registrations', 'units', 'users'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  registrations: 'Mô hình, điển hình (kể cả các năm trước)',
  units: 'Đơn vị',
  users: 'Tài khoản người dùng',
};

export interface Problem {
  column: string | null;
  message: string;
}

export type RowCells = Record<string, CellValue>;

// ---- columns -----------------------------------------------------------------------------------

/**
 * The import's columns: those of the shared sheet layout (`sheet-columns.ts`: templates and exports
 * write them), each with the other headers district files use for it, mapped to this reader's keys.
 */
function fromSheet(
  kind: SheetKind,
  keys: Record<string, string>,
  aliases: Record<string, readonly string[]>,
  extra: ImportColumn[] = [],
): ImportColumn[] {
  const cols: ImportColumn[] = SHEET_COLUMNS[kind].map((c) => {
    const key = keys[c.key] ?? c.key;
    return { key, header: c.header, aliases: aliases[key] ?? [], required: c.required };
  });
  return [...cols, ...extra];
}

export const REGISTRATION_COLUMNS = fromSheet(
  'registrations',
  {
    unitCode: 'unit',
    fieldCode: 'field',
    startDate: 'start',
    endDate: 'end',
    plannedFundsVnd: 'funds',
    plannedWorkdays: 'workdays',
    recognitionDecisionNo: 'recDecisionNo',
    recognitionDecisionDate: 'recDecisionDate',
    recognitionLevel: 'recLevel',
    recognitionIssuer: 'recIssuer',
    commendationForm: 'commForm',
    commendationDecisionNo: 'commDecisionNo',
    commendationDecisionDate: 'commDecisionDate',
    commendationIssuer: 'commIssuer',
  },
  {
    id: ['Mã', 'ID', 'Mã mô hình'],
    unit: ['Đơn vị', 'Đơn vị thực hiện', 'Tên đơn vị', 'Mã đơn vị', 'Đơn vị đăng ký', 'Đơn vị, địa phương'],
    title: ['Tên mô hình', 'Tên điển hình', 'Tên mô hình/điển hình', 'Mô hình, điển hình', 'Tên mô hình, điển hình "Dân vận khéo"'],
    kind: ['Loại hình', 'Mô hình/Điển hình'],
    holder: ['Tập thể/Cá nhân', 'Đối tượng khen'],
    personName: ['Cá nhân', 'Họ và tên', 'Tên cá nhân'],
    personPosition: ['Chức vụ'],
    field: ['Lĩnh vực thực hiện'],
    level: ['Cấp đăng ký', 'Cấp thực hiện'],
    year: ['Năm đăng ký', 'Năm thực hiện'],
    start: ['Bắt đầu', 'Thời gian bắt đầu', 'Từ ngày'],
    end: ['Kết thúc', 'Thời gian kết thúc', 'Đến ngày'],
    funds: ['Kinh phí', 'Kinh phí dự kiến', 'Kinh phí (đồng)'],
    workdays: ['Ngày công'],
    state: ['Tình trạng'],
    recDecisionNo: ['Quyết định công nhận', 'Số QĐ công nhận'],
    recDecisionDate: ['Ngày công nhận', 'Ngày QĐ công nhận'],
    recIssuer: ['Nơi công nhận'],
    commForm: ['Khen thưởng'],
    commDecisionNo: ['Số QĐ khen thưởng', 'Quyết định khen thưởng'],
    commDecisionDate: ['Ngày khen thưởng', 'Ngày QĐ khen thưởng'],
    commIssuer: ['Cấp khen thưởng', 'Nơi khen thưởng'],
  },
);

export const UNIT_COLUMNS = fromSheet(
  'units',
  { parentCode: 'parent' },
  {
    code: ['Mã'],
    name: ['Tên', 'Đơn vị'],
    parent: ['Đơn vị cấp trên', 'Trực thuộc', 'Cấp trên'],
    kind: ['Loại đơn vị', 'Loại'],
    level: ['Cấp hành chính'],
    validFrom: ['Hiệu lực từ', 'Ngày thành lập', 'Từ ngày'],
  },
);

export const USER_COLUMNS = fromSheet(
  'users',
  { unitCode: 'unit', entryUnitCode: 'entryUnit', viewUnitCode: 'viewUnit' },
  {
    username: ['Tài khoản'],
    fullName: ['Họ tên'],
    role: ['Quyền'],
    unit: ['Đơn vị', 'Đơn vị công tác', 'Mã đơn vị'],
    entryUnit: ['Phạm vi nhập liệu', 'Đơn vị nhập liệu', 'Phạm vi nhập'],
    viewUnit: ['Phạm vi xem', 'Đơn vị xem'],
  },
  // Not in the shared layout (an export never holds passwords): a new account's first password.
  [{ key: 'password', header: 'Mật khẩu ban đầu', aliases: ['Mật khẩu'] }],
);

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  registrations: REGISTRATION_COLUMNS,
  units: UNIT_COLUMNS,
  users: USER_COLUMNS,
};

/** The column's header as the file's reader sees it (for reasons: "cột Lĩnh vực"). */
export function columnHeader(kind: ImportKind, key: string): string {
  return IMPORT_COLUMNS[kind].find((c) => c.key === key)?.header ?? key;
}

const text = (cells: RowCells, key: string) => cellText(cells[key]);

class Collector {
  readonly problems: Problem[] = [];
  constructor(private readonly kind: ImportKind) {}
  add(key: string | null, message: string): void {
    this.problems.push({ column: key ? columnHeader(this.kind, key) : null, message });
  }
  /** The zod issues of an API schema, each under the column its field came from. */
  zod(error: z.ZodError, columnOf: Record<string, string>): void {
    for (const issue of error.issues) {
      const path = String(issue.path[0] ?? '');
      this.add(columnOf[path] ?? null, issue.message);
    }
  }
  appError(e: AppError, key: string | null): void {
    this.add(key, errorMessage(e.code, e.params, 'vi'));
  }
}

// ---- registrations -----------------------------------------------------------------------------

export interface UnitFacts {
  path: string;
  level: string;
  active: boolean;
  validTo: string | null;
}

export interface RegistrationContext {
  actor: Actor;
  fields: readonly CatalogueEntry[];
  forms: readonly CatalogueEntry[];
  units: UnitDirectory;
  facts: (unitId: string) => UnitFacts | undefined;
}

export interface ImportedRegistration {
  /** The record this row names by its id ("Mã hồ sơ"), when it does. */
  id: string | null;
  unitId: string;
  unitPath: string;
  input: RegistrationInput;
  state: RegistrationState;
  recognition: { decisionNo: string; decisionDate: string; level: string; issuer: string | null } | null;
  commendation: { formCode: string; decisionNo: string; decisionDate: string; issuer: string } | null;
}

const STATE_ALIASES: Partial<Record<RegistrationState, readonly string[]>> = {
  accepted: ['Đang thực hiện', 'Đã chấp thuận', 'Đã đăng ký'],
  recognised: ['Được công nhận', 'Công nhận'],
  completed: ['Hoàn thành', 'Đã kết thúc'],
  discontinued: ['Dừng', 'Ngừng thực hiện'],
  submitted: ['Chờ duyệt'],
};

/** When a commendation's issuer is not in the file, the record says so rather than guess one. */
export const ISSUER_NOT_GIVEN = 'Không ghi trong tệp nhập';

/** Free-text fields of a registration, carried as written. */
export const REGISTRATION_TEXTS = ['problem', 'purpose', 'placeAddress', 'forces', 'targets', 'solutions'] as const;

const REGISTRATION_FIELD_COLUMN: Record<string, string> = {
  problem: 'problem',
  purpose: 'purpose',
  placeAddress: 'placeAddress',
  forces: 'forces',
  targets: 'targets',
  solutions: 'solutions',
  unitId: 'unit',
  title: 'title',
  kind: 'kind',
  holder: 'holder',
  personName: 'personName',
  personPosition: 'personPosition',
  fieldCode: 'field',
  level: 'level',
  year: 'year',
  startDate: 'start',
  endDate: 'end',
  plannedFundsVnd: 'funds',
  plannedWorkdays: 'workdays',
};

/**
 * One row of the registrations sheet: the API's input (checked by `RegistrationInput` and the
 * period rules), its state, and for the years already closed the recognition and commendation
 * decisions it received. Nothing is invented: no criteria, inspections or votes.
 */
export function readRegistrationRow(
  cells: RowCells,
  ctx: RegistrationContext,
): { value: ImportedRegistration | null; problems: Problem[] } {
  const p = new Collector('registrations');
  const unitRef = ctx.units.find(text(cells, 'unit'));
  if (!unitRef.ok) p.add('unit', unitRef.reason);
  const facts = unitRef.ok ? ctx.facts(unitRef.value.id) : undefined;
  if (facts && !can(ctx.actor, 'registration.create', { path: facts.path })) {
    p.add('unit', 'đơn vị nằm ngoài phạm vi nhập liệu của bạn');
  }

  const field = matchCatalogue(text(cells, 'field'), ctx.fields, 'lĩnh vực');
  if (!field.ok) p.add('field', field.reason);
  const kind = text(cells, 'kind') ? matchLabel(text(cells, 'kind'), KIND_LABELS, 'loại') : ({ ok: true, value: 'model' } as const);
  if (!kind.ok) p.add('kind', kind.reason);
  const personName = text(cells, 'personName');
  const holder = text(cells, 'holder')
    ? matchLabel(text(cells, 'holder'), HOLDER_LABELS, 'tập thể / cá nhân')
    : ({ ok: true, value: personName ? 'individual' : 'collective' } as const);
  if (!holder.ok) p.add('holder', holder.reason);

  let level: string | undefined;
  if (text(cells, 'level')) {
    const l = matchLabel(text(cells, 'level'), UNIT_LEVEL_LABELS, 'cấp', LEVEL_ALIASES);
    if (l.ok) level = l.value;
    else p.add('level', l.reason);
  } else if (facts) level = (UNIT_LEVELS as readonly string[]).includes(facts.level) ? facts.level : 'grassroots';

  // The period: start and end as written, or the year (or the month) they fall in.
  let year: number | undefined;
  if (cells.year !== undefined && text(cells, 'year')) {
    const y = parseLooseDate(cells.year);
    if (y.ok) year = Number(y.value.from.slice(0, 4));
    else p.add('year', y.reason);
  }
  let startDate: string | undefined;
  let endDate: string | undefined;
  if (text(cells, 'start')) {
    const d = parseLooseDate(cells.start);
    if (d.ok) startDate = d.value.from;
    else p.add('start', d.reason);
  }
  if (text(cells, 'end')) {
    const d = parseLooseDate(cells.end);
    if (d.ok) endDate = d.value.to;
    else p.add('end', d.reason);
  }
  if (year === undefined && startDate) year = Number(startDate.slice(0, 4));
  if (year !== undefined) {
    startDate ??= `${year}-01-01`;
    endDate ??= `${year}-12-31`;
  } else if (!text(cells, 'start') && !text(cells, 'year')) p.add('year', 'chưa có năm hoặc ngày bắt đầu');

  const amount = (key: 'funds' | 'workdays') => {
    if (!text(cells, key)) return null;
    const a = parseAmount(cells[key]);
    if (!a.ok) p.add(key, a.reason);
    return a.ok ? a.value : null;
  };
  const funds = amount('funds');
  const workdays = amount('workdays');

  let state: RegistrationState = 'draft';
  if (text(cells, 'state')) {
    const s = matchLabel(text(cells, 'state'), REGISTRATION_STATE_LABELS, 'trạng thái', STATE_ALIASES);
    if (s.ok) state = s.value;
    else p.add('state', s.reason);
  }

  // Recognition decided in its year: number and date together.
  let recognition: ImportedRegistration['recognition'] = null;
  const recNo = text(cells, 'recDecisionNo');
  if (recNo || text(cells, 'recDecisionDate')) {
    const d = parseLooseDate(cells.recDecisionDate);
    if (!recNo) p.add('recDecisionNo', 'có ngày công nhận nhưng chưa có số quyết định');
    else if (!d.ok || d.value.precision !== 'day') p.add('recDecisionDate', d.ok ? 'cần ghi đủ ngày, tháng, năm của quyết định' : d.reason);
    else {
      let recLevel = level ?? 'grassroots';
      if (text(cells, 'recLevel')) {
        const l = matchLabel(text(cells, 'recLevel'), UNIT_LEVEL_LABELS, 'cấp', LEVEL_ALIASES);
        if (l.ok) recLevel = l.value;
        else p.add('recLevel', l.reason);
      }
      recognition = { decisionNo: recNo, decisionDate: d.value.from, level: recLevel, issuer: text(cells, 'recIssuer') || null };
      if (!text(cells, 'state')) state = 'recognised';
    }
  }
  if (state === 'recognised' && !recognition && !p.problems.some((x) => x.column === columnHeader('registrations', 'recDecisionNo'))) {
    p.add('recDecisionNo', 'mô hình đã công nhận cần số và ngày quyết định công nhận');
  }

  let commendation: ImportedRegistration['commendation'] = null;
  if (text(cells, 'commForm') || text(cells, 'commDecisionNo')) {
    const form = matchCatalogue(text(cells, 'commForm'), ctx.forms, 'hình thức khen thưởng');
    if (!form.ok) p.add('commForm', form.reason);
    // One decision often recognises and commends: its number and date stand for both when the
    // commendation's own are not written.
    const no = text(cells, 'commDecisionNo') || (recognition ? recognition.decisionNo : '');
    const d = text(cells, 'commDecisionDate')
      ? parseLooseDate(cells.commDecisionDate)
      : recognition
        ? ({ ok: true, value: { from: recognition.decisionDate, precision: 'day' } } as const)
        : null;
    const recognitionFailed = p.problems.length > 0 && !recognition && !!(recNo || text(cells, 'recDecisionDate'));
    if (form.ok && !recognitionFailed) {
      if (!no) p.add('commDecisionNo', 'chưa có số quyết định khen thưởng');
      if (!d) p.add('commDecisionDate', 'chưa có ngày quyết định khen thưởng');
      else if (!d.ok) p.add('commDecisionDate', d.reason);
    }
    if (form.ok && no && d?.ok) {
      commendation = {
        formCode: form.value,
        decisionNo: no,
        decisionDate: d.value.from,
        issuer: text(cells, 'commIssuer') || recognition?.issuer || ISSUER_NOT_GIVEN,
      };
    }
  }

  if (!unitRef.ok || !facts || p.problems.length) return { value: null, problems: p.problems };

  if (text(cells, 'origin')) {
    const o = matchLabel(text(cells, 'origin'), ORIGIN_LABELS, 'hình thức');
    if (!o.ok) p.add('origin', o.reason);
    else if (o.value !== 'new' && !text(cells, 'id'))
      p.add('origin', 'hồ sơ củng cố, nhân rộng cần liên kết với hồ sơ gốc: đăng ký trên màn hình Đăng ký mô hình');
  }
  if (p.problems.length) return { value: null, problems: p.problems };
  const parsed = RegistrationInput.safeParse({
    ...Object.fromEntries(REGISTRATION_TEXTS.map((k) => [k, text(cells, k) || null])),
    kind: kind.ok ? kind.value : undefined,
    unitId: unitRef.value.id,
    holder: holder.ok ? holder.value : undefined,
    personName: personName || null,
    personPosition: text(cells, 'personPosition') || null,
    title: text(cells, 'title'),
    fieldCode: field.ok ? field.value : '',
    origin: 'new',
    startDate,
    endDate,
    plannedFundsVnd: funds,
    plannedWorkdays: workdays,
    level,
    year,
    criteria: [],
  });
  if (!parsed.success) {
    p.zod(parsed.error, REGISTRATION_FIELD_COLUMN);
    return { value: null, problems: p.problems };
  }
  const input = parsed.data;
  if (input.holder === 'individual' && !input.personName) p.add('personName', 'cá nhân điển hình cần có họ và tên');
  const rule = registrationRuleError({
    level: input.level,
    startDate: input.startDate,
    endDate: input.endDate,
    year: input.year ?? year!,
    campaign: null,
  });
  if (rule) p.appError(rule, rule.code === 'DISTRICT_LEVEL_ENDED' || rule.code === 'VALIDATION_FAILED' ? 'level' : 'start');
  // A unit closed by a reorganisation still takes the records of the years it existed.
  if (!facts.active && (!facts.validTo || Number(facts.validTo.slice(0, 4)) < (input.year ?? 0))) {
    p.add('unit', `đơn vị '${unitRef.value.name}' đã ngừng hoạt động trước năm ${input.year}`);
  }
  const id = text(cells, 'id');
  if (id && !z.uuid().safeParse(id).success) p.add('id', `'${id}' không phải là mã hồ sơ của hệ thống (để trống khi thêm mới)`);
  if (p.problems.length) return { value: null, problems: p.problems };
  return {
    value: { id: id || null, unitId: unitRef.value.id, unitPath: facts.path, input, state, recognition, commendation },
    problems: [],
  };
}

// ---- units -------------------------------------------------------------------------------------

export interface ImportedUnit {
  code: string;
  name: string;
  parentId: string;
  kind: UnitKind;
  level: UnitLevel;
  address: string | null;
  validFrom: string | null;
}

export function readUnitRow(cells: RowCells, ctx: { units: UnitDirectory }): { value: ImportedUnit | null; problems: Problem[] } {
  const p = new Collector('units');
  const parent = ctx.units.find(text(cells, 'parent'));
  if (!parent.ok) p.add('parent', parent.reason);
  const kind = matchLabel(text(cells, 'kind'), UNIT_KIND_LABELS, 'loại đơn vị', {
    commune: ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'],
    province: ['Tỉnh', 'Thành phố'],
    district: ['Huyện', 'Quận', 'Thị xã'],
    residential_group: ['Ấp', 'Tổ dân phố', 'Khu phố', 'Thôn', 'Bản'],
    socio_political: ['Hội Phụ nữ', 'Hội Nông dân', 'Đoàn Thanh niên', 'Hội Cựu chiến binh', 'Công đoàn'],
  });
  if (!kind.ok) p.add('kind', kind.reason);
  const level = matchLabel(text(cells, 'level'), UNIT_LEVEL_LABELS, 'cấp', { ...LEVEL_ALIASES, commune: ['Phường', 'Cấp xã'] });
  if (!level.ok) p.add('level', level.reason);
  let validFrom: string | null = null;
  if (text(cells, 'validFrom')) {
    const d = parseLooseDate(cells.validFrom);
    if (d.ok) validFrom = d.value.from;
    else p.add('validFrom', d.reason);
  }
  if (!parent.ok || !kind.ok || !level.ok || p.problems.length) return { value: null, problems: p.problems };
  const parsed = CreateUnit.safeParse({
    parentId: parent.value.id,
    code: text(cells, 'code'),
    name: text(cells, 'name'),
    kind: kind.value,
    level: level.value,
    address: text(cells, 'address') || null,
    validFrom: validFrom ?? undefined,
  });
  if (!parsed.success) {
    p.zod(parsed.error, {
      code: 'code',
      name: 'name',
      kind: 'kind',
      level: 'level',
      address: 'address',
      validFrom: 'validFrom',
      parentId: 'parent',
    });
    return { value: null, problems: p.problems };
  }
  const u = parsed.data;
  return {
    value: {
      code: u.code.trim(),
      name: u.name,
      parentId: parent.value.id,
      kind: u.kind,
      level: u.level,
      address: u.address ?? null,
      validFrom,
    },
    problems: [],
  };
}

// ---- accounts ----------------------------------------------------------------------------------

export interface ImportedUser {
  username: string;
  fullName: string;
  position: string | null;
  role: Role;
  unitId: string;
  entryUnitId: string | null;
  viewUnitId: string;
  password: string | null;
}

export function readUserRow(cells: RowCells, ctx: { units: UnitDirectory }): { value: ImportedUser | null; problems: Problem[] } {
  const p = new Collector('users');
  const username = text(cells, 'username').toLowerCase();
  const fullName = text(cells, 'fullName');
  const role = matchLabel(
    text(cells, 'role'),
    Object.fromEntries(ROLES.map((r) => [r, ROLE_LABELS[r]])) as Record<Role, string>,
    'vai trò',
    {
      admin: ['Quản trị'],
      officer: ['Cán bộ Ban Dân vận', 'Cán bộ dân vận', 'Cán bộ Ban Tuyên giáo'],
      member: ['Thành viên BCĐ'],
      unit_officer: ['Cán bộ cơ sở', 'Cán bộ xã'],
      viewer: ['Lãnh đạo', 'Chỉ xem'],
    },
  );
  if (!role.ok) p.add('role', role.reason);
  const look = (key: 'unit' | 'entryUnit' | 'viewUnit') => {
    if (!text(cells, key)) return null;
    const u = ctx.units.find(text(cells, key));
    if (!u.ok) p.add(key, u.reason);
    return u.ok ? u.value.id : null;
  };
  const unitId = look('unit');
  if (!text(cells, 'unit')) p.add('unit', 'chưa có đơn vị');
  const viewer = role.ok && role.value === 'viewer';
  const entryUnitId = text(cells, 'entryUnit') ? look('entryUnit') : viewer ? null : unitId;
  const viewUnitId = look('viewUnit') ?? entryUnitId ?? unitId;
  if (p.problems.length || !role.ok || !unitId || !viewUnitId) return { value: null, problems: p.problems };
  const parsed = CreateUser.omit({ password: true }).safeParse({
    username,
    fullName,
    position: text(cells, 'position') || null,
    role: role.ok ? role.value : undefined,
    unitId: unitId ?? undefined,
    entryUnitId,
    viewUnitId: viewUnitId ?? undefined,
  });
  if (!parsed.success) {
    p.zod(parsed.error, { username: 'username', fullName: 'fullName', position: 'position', role: 'role' });
  }
  if (p.problems.length || !parsed.success) return { value: null, problems: p.problems };
  const u = parsed.data;
  return {
    value: { ...u, position: u.position ?? null, password: text(cells, 'password') || null },
    problems: [],
  };
}
