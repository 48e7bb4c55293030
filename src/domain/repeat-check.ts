/**
 * Rules of the re-registration check that trigram similarity cannot see. Titles that differ only
 * in a number naming a different thing ("Tổ tự quản số 12" and "số 123", "ấp 3" and "ấp 5") are
 * different models, however close their letters. A year is not such a number: the same model
 * reported again "năm 2024" after "năm 2023" is exactly the repeat the movement wants flagged.
 */
const NUMBER = /\d+/g;
const isYear = (n: string) => n.length === 4 && Number(n) >= 1945 && Number(n) <= 2100;

/** The numbers of a title other than years, in order. */
export function titleNumbers(title: string): string[] {
  return (title.match(NUMBER) ?? []).map((n) => n.replace(/^0+(?=\d)/, '')).filter((n) => !isYear(n));
}

/** True when both titles name numbers (other than years) and those numbers are not the same. */
export function numbersDiffer(a: string, b: string): boolean {
  const na = titleNumbers(a);
  const nb = titleNumbers(b);
  if (!na.length || !nb.length) return false;
  return na.join(' ') !== nb.join(' ');
}
