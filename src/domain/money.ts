/**
 * Whole amounts as Vietnamese officers write them: money in đồng, workdays, people. One formatter
 * and one parser serve every money field as it is typed and every figure the screens show, so
 * 98500000 reads "98.500.000" everywhere (dots group thousands; amounts have no decimals).
 */

/** An amount with thousands dots: 98500000 or "98500000" → "98.500.000"; anything not a digit is dropped. */
export function formatMoney(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const whole = typeof value === 'number' ? (Number.isFinite(value) ? String(Math.trunc(Math.abs(value))) : '') : value;
  const digits = whole.replace(/\D/g, '');
  if (!digits) return '';
  return digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * The number behind an amount as typed: "98.500.000", "98 500 000" and "98500000" → 98500000; an
 * empty field (or one without a digit) → null.
 */
export function parseMoney(text: string | null | undefined): number | null {
  const digits = (text ?? '').replace(/\D/g, '');
  return digits ? Number(digits) : null;
}

/** An amount in đồng as the screens show it: "98.500.000 đồng"; none → "—". */
export function moneyVnd(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatMoney(value)} đồng`;
}
