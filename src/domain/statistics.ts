/**
 * Statistics rules: which registrations count, the dimensions a table can be cut by, and the
 * Vietnamese way of writing numbers and dates in reports. No I/O; used by server and web.
 */
import { z } from 'zod';
import { REGISTRATION_STATES, type RegistrationState } from './workflow.js';
import { UNIT_LEVELS } from './unit-kinds.js';

/**
 * A registration counts as "registered" once it has been sent for appraisal and was not refused.
 * Drafts are not yet registered; a refused registration never became a model. Returned ones are
 * still in appraisal and count, so a figure does not jump while a form goes back and forth.
 */
export const COUNTED_STATES: readonly RegistrationState[] = REGISTRATION_STATES.filter((s) => s !== 'draft' && s !== 'rejected');

export const STAT_DIMENSIONS = [
  'child',
  'field',
  'level',
  'holder',
  'kind',
  'origin',
  'state',
  'year',
  'campaign',
  'recognised',
  'commended',
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** The unit trees a figure can be read on (see `RegistrationFilterQuery.tree`). */
export const STAT_TREES = ['today', 'then'] as const;
export type StatTree = (typeof STAT_TREES)[number];
/** What a report or a sheet says about the tree its figures follow. */
export const TREE_NOTES: Record<StatTree, string> = {
  today: 'Số liệu theo địa giới hành chính hiện nay',
  then: 'Số liệu theo địa giới hành chính tại thời điểm cuối kỳ',
};
/** The mark beside an apportioned figure, and the note that explains it. */
export const APPORTIONED_MARK = '*';
export const APPORTIONED_NOTE =
  '(*) Số liệu của đơn vị đã chia tách được phân bổ cho các đơn vị kế thừa theo tỷ lệ đã xác định, làm tròn theo phần dư lớn nhất nên tổng số không đổi.';

/** A unit closed by a reorganisation, as rows, reports and sheets name it: "Huyện Càng Long (cũ)". */
export function formerUnitName(name: string, closed: boolean): string {
  return closed ? `${name} (cũ)` : name;
}

/**
 * The last day of the period a record of `recordYear` is read in on the tree "then": the end of the
 * filter's year or last year, or the end of the record's own year when the cut is per year (or open).
 */
export function periodEndYear(f: { year?: number | undefined; yearTo?: number | undefined }, perYear: boolean): number | undefined {
  return perYear ? undefined : (f.year ?? f.yearTo);
}

/**
 * Splits `n` between parts in proportion to `shares` (each > 0), in whole numbers that add up to
 * `n`: each part gets the floor of its quota, and what is left goes one by one to the largest
 * remainders (ties: the larger share, then the earlier part). Shares are read in millionths, as
 * the database stores them (numeric(7, 6)), so the arithmetic is exact and SQL can repeat it.
 */
export function apportion(n: number, shares: readonly number[]): number[] {
  const micro = shares.map((s) => BigInt(Math.round(s * 1_000_000)));
  const whole = micro.reduce((a, b) => a + b, 0n);
  if (whole <= 0n) return shares.map((_, i) => (i === 0 ? n : 0));
  const sign = n < 0 ? -1 : 1;
  const abs = BigInt(Math.abs(Math.round(n)));
  const parts = micro.map((m, i) => ({ i, m, floor: (abs * m) / whole, rem: (abs * m) % whole }));
  let left = abs - parts.reduce((a, p) => a + p.floor, 0n);
  const order = [...parts].sort((a, b) => (a.rem === b.rem ? (a.m === b.m ? a.i - b.i : a.m > b.m ? -1 : 1) : a.rem > b.rem ? -1 : 1));
  for (const p of order) {
    if (left <= 0n) break;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => sign * Number(p.floor));
}

export const HOLDER_LABELS = { collective: 'Tập thể', individual: 'Cá nhân' } as const;
export const KIND_LABELS = { model: 'Mô hình', exemplar: 'Điển hình' } as const;
export const ORIGIN_LABELS = { new: 'Xây dựng mới', consolidation: 'Củng cố', replication: 'Nhân rộng' } as const;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? (v === '' ? [] : v.split(',').map((s) => s.trim())) : v), z.array(item));
const flag = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/**
 * The one filter the statistics, the registration list and the exports share: a cell of a table
 * and the list it opens are the same query, so their counts cannot disagree.
 */
export const RegistrationFilterQuery = z.object({
  /** The unit whose subtree is counted; defaults to the top of the user's view. */
  unitId: z.uuid().optional(),
  /** Only the unit's own registrations, not those of the units below it. */
  unitOnly: flag.optional(),
  campaignId: z.uuid().optional(),
  fieldCode: z.string().max(40).optional(),
  level: z.enum(UNIT_LEVELS).optional(),
  holder: z.enum(['collective', 'individual']).optional(),
  kind: z.enum(['model', 'exemplar']).optional(),
  origin: z.enum(['new', 'consolidation', 'replication']).optional(),
  state: z.enum(REGISTRATION_STATES).optional(),
  /** Several states, comma separated; `counted` in the statistics means COUNTED_STATES. */
  states: csv(z.enum(REGISTRATION_STATES)).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  yearFrom: z.coerce.number().int().min(1900).max(2100).optional(),
  yearTo: z.coerce.number().int().min(1900).max(2100).optional(),
  recognised: flag.optional(),
  commended: flag.optional(),
  /**
   * Which unit tree the records are grouped by: `today` (default) the tree as it is now, where a
   * closed unit lies under its successor and a split unit's records are apportioned by the shares;
   * `then` the tree as it stood on the last day of the period (of each year for a per-year cut).
   */
  tree: z.enum(STAT_TREES).optional(),
  /**
   * Tree `then`: only the records under the unit as it stood, not those of units that came under
   * it later. A row of a table is such a unit (the list behind it sets this); a chosen unit alone
   * also counts what lies under it today, so a commune made by a merge shows its predecessors.
   */
  thenStrict: flag.optional(),
});
export type RegistrationFilterQuery = z.infer<typeof RegistrationFilterQuery>;

export const StatsQuery = RegistrationFilterQuery.extend({
  groupBy: csv(z.enum(STAT_DIMENSIONS))
    .pipe(z.array(z.enum(STAT_DIMENSIONS)).max(3))
    .optional(),
  /** Leave the default "registered" states aside and count every state, drafts included. */
  allStates: flag.optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

const Figures = z.object({
  count: z.number().int(),
  /** Of the count: how many were ever recognised, and commended. */
  recognised: z.number().int(),
  commended: z.number().int(),
  /** Planned funds (đồng) and workdays of the counted registrations. */
  fundsVnd: z.number(),
  workdays: z.number(),
  /** Achieved: of the count, how many have an inspection, and what their latest inspections recorded as mobilised. */
  inspected: z.number().int(),
  achievedFundsVnd: z.number(),
  achievedWorkdays: z.number(),
  peopleReached: z.number(),
});
export const StatsRow = Figures.extend({
  /** The value of each grouped dimension (a unit id for `child`, true/false for flags). */
  keys: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The Vietnamese label of each value. */
  labels: z.record(z.string(), z.string()),
  /** For `child`: true when the row is the unit's own registrations, not a unit below. */
  own: z.boolean().optional(),
  /** Part of the figure is a split unit's records apportioned by the lineage shares (tree `today`). */
  apportioned: z.boolean().optional(),
  /** For `child`: the unit is closed (merged, split, abolished); its label ends in "(cũ)". */
  closed: z.boolean().optional(),
});
export type StatsRow = z.infer<typeof StatsRow>;
export const StatsResult = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  groupBy: z.array(z.enum(STAT_DIMENSIONS)),
  /** The tree the rows follow, and what the report says about it. */
  tree: z.enum(STAT_TREES),
  treeNote: z.string(),
  /** Some figure is apportioned (see `APPORTIONED_NOTE`). */
  apportioned: z.boolean(),
  /** The states that were counted. */
  states: z.array(z.enum(REGISTRATION_STATES)),
  rows: z.array(StatsRow),
  total: Figures,
});
export type StatsResult = z.infer<typeof StatsResult>;

/** The filter of the list behind one cell: the table's filter narrowed by the cell's keys. */
export function cellFilter(
  base: RegistrationFilterQuery & { states?: RegistrationState[] | undefined },
  row: Pick<StatsRow, 'keys' | 'own'>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== '') out[k] = Array.isArray(v) ? v.join(',') : String(v);
  };
  for (const [k, v] of Object.entries(base)) put(k, v);
  for (const [dim, v] of Object.entries(row.keys)) {
    if (dim === 'child') {
      put('unitId', v);
      if (row.own) put('unitOnly', true);
      else if (base.tree === 'then') put('thenStrict', true);
    } else if (dim === 'field') put('fieldCode', v);
    else if (dim === 'campaign') put('campaignId', v);
    else if (dim === 'year') {
      put('year', v);
      delete out.yearFrom;
      delete out.yearTo;
    } else put(dim, v);
  }
  if (row.keys.state !== undefined) delete out.states;
  return out;
}

/** The unit picker of the tree "then": units as they stood on a date, below a unit or at the top of the view. */
export const UnitsAtQuery = z.object({
  at: z.iso.date(),
  parentId: z.uuid().optional(),
});
export type UnitsAtQuery = z.infer<typeof UnitsAtQuery>;
export const UnitsAt = z.object({
  at: z.string(),
  items: z.array(
    z.object({
      id: z.uuid(),
      /** The name as it stood, "(cũ)" added when the unit is closed today. */
      name: z.string(),
      code: z.string(),
      closed: z.boolean(),
    }),
  ),
});
export type UnitsAt = z.infer<typeof UnitsAt>;

// ---------- Vietnamese figures ----------
const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
/** 4110 → "4.110"; 12.5 → "12,5". */
export function formatNumberVi(n: number): string {
  return NUMBER.format(n);
}
/** A share as "12,5%"; an empty base is "–". */
export function formatPercentVi(part: number, whole: number): string {
  if (!whole) return '–';
  return `${NUMBER.format(Math.round((part / whole) * 1000) / 10)}%`;
}
/** "2026-11-23" → "23/11/2026". */
export function formatDateVi(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
/** A moment as Vietnamese officers read it, in Vietnam's time: "23/11/2026, 14:05:09" (no AM/PM). */
export function formatDateTimeVi(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}
/** The dateline of a document: "Vĩnh Long, ngày 23 tháng 11 năm 2026". */
export function datelineVi(place: string, iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}
