/**
 * Results against targets: an inspection records the value achieved in the criterion's own unit
 * (130 bóng of a target of 200); the completion is computed here, never typed. The same functions
 * format the figures for the screens, the documents and the money fields as they are typed.
 */
import { formatMoney, parseMoney } from './money.js';
import { formatNumberVi } from './statistics.js';

/** Completion in whole percent (130 of 200 → 65), or null when the criterion has no positive target. */
export function completionPct(achieved: number | null | undefined, target: number | null | undefined): number | null {
  if (achieved === null || achieved === undefined || target === null || target === undefined || !(target > 0)) return null;
  return Math.round((achieved / target) * 100);
}

/** "130 / 200 bóng (65 %)"; without a target "130 bóng"; nothing achieved yet "– / 200 bóng". */
export function achievedLabel(
  achieved: number | null | undefined,
  target: number | null | undefined,
  unit: string | null | undefined,
): string {
  const u = unit ? ` ${unit}` : '';
  const a = achieved === null || achieved === undefined ? '–' : formatNumberVi(achieved);
  if (target === null || target === undefined) return `${a}${u}`;
  const pct = completionPct(achieved, target);
  return `${a} / ${formatNumberVi(target)}${u}${pct === null ? '' : ` (${pct} %)`}`;
}

/** The money formatter and parser (`money.ts`), under the names the criteria's values use. */
export const groupThousands = formatMoney;
export const parseGrouped = parseMoney;

/** A value in a criterion's unit as typed, grouped like money but keeping a decimal comma: 1234,5 → "1.234,5". */
export function groupDecimal(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const [whole, fraction] = String(value).split('.');
  const grouped = groupThousands(whole);
  return fraction !== undefined ? `${grouped || '0'},${fraction.replace(/\D/g, '')}` : grouped;
}

/** The number behind "1.234,5" (dots group thousands, the comma is the decimal mark). */
export function parseDecimal(text: string | null | undefined): number | null {
  const [whole, fraction] = (text ?? '').split(',');
  const digits = (whole ?? '').replace(/\D/g, '');
  const frac = (fraction ?? '').replace(/\D/g, '');
  if (!digits && !frac) return null;
  return Number(`${digits || '0'}${frac ? `.${frac}` : ''}`);
}
