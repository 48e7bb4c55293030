/**
 * Vietnamese text folding for search and sort keys: lower case, no tone marks or
 * vowel marks, "đ" → "d". "DÂN VẬN KHÉO", "Dân vận khéo" and "dan van kheo" fold alike.
 * Unicode decomposition does the work; only đ/Đ has no decomposition and is mapped by hand.
 */
export function foldVietnamese(input: string): string {
  return input.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A URL-safe slug from a Vietnamese name: "Đông Thạnh" → "dong-thanh". */
export function slugifyVietnamese(input: string): string {
  return foldVietnamese(input)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Collapses inner white space and trims; names typed by hand often carry double spaces. */
export function tidyName(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The words of a search box as a full-text query, the last word still being typed:
 * "dân vận khé" → "dan & van & khe:*". Only the last word is a prefix: a prefix expands to every
 * word that starts with it, which is slow on common words. Only letters and digits survive, so
 * nothing typed can break the query syntax.
 */
export function prefixQuery(input: string, maxWords = 8): string | null {
  const words = foldVietnamese(input)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords);
  return words.length ? words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ') : null;
}

/** Splits a text marked with «…» by the database into plain and matched parts, for safe display. */
export function markedParts(marked: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const [i, piece] of marked.split(/[«»]/).entries()) if (piece) parts.push({ text: piece, hit: i % 2 === 1 });
  return parts;
}
