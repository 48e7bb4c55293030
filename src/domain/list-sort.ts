/**
 * The `sort` parameter of the lists: a column name for ascending, `-name` for descending
 * (`sort=-year`). Each list names the columns it sorts by; anything else is refused with a
 * Vietnamese message that lists what is allowed, so a bad link is answered with 400, never a crash.
 */
import { z } from 'zod';

export type SortValue<K extends string> = K | `-${K}`;

export interface Sort<K extends string> {
  key: K;
  desc: boolean;
}

/** The zod schema of a list's `sort`: the allowed values, and the default when none is given. */
export function sortParam<const K extends string>(keys: readonly K[], fallback: SortValue<NoInfer<K>>) {
  const allowed = keys.flatMap((k) => [k, `-${k}`]) as [SortValue<K>, ...SortValue<K>[]];
  return z
    .enum(allowed, { error: () => `không sắp xếp theo giá trị này được; chọn một trong: ${allowed.join(', ')}` })
    .default(fallback as never)
    .describe('Cột sắp xếp: tên cột để tăng dần, dấu "-" trước tên để giảm dần');
}

/** Reads a `sort` value already checked by `sortParam`. */
export function parseSort<K extends string>(value: SortValue<K>): Sort<K> {
  return value.startsWith('-') ? { key: value.slice(1) as K, desc: true } : { key: value as K, desc: false };
}

/** The sort values of each list, shared by the API schemas and the web pages' column headers. */
export const REGISTRATION_SORTS = ['title', 'unit', 'year', 'state', 'updated'] as const;
export const CAMPAIGN_SORTS = ['title', 'unit', 'year', 'state', 'start'] as const;
export const PROPOSAL_SORTS = ['title', 'unit', 'date', 'state'] as const;
export const USER_SORTS = ['username', 'name', 'unit', 'role'] as const;
export const REPORT_SORTS = ['title', 'unit', 'date'] as const;
