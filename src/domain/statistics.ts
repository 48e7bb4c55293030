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
});
export type StatsRow = z.infer<typeof StatsRow>;
export const StatsResult = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  groupBy: z.array(z.enum(STAT_DIMENSIONS)),
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
