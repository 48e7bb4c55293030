/**
 * Vietnamese text folding for search and sort keys: lower case, no tone marks or
 * vowel marks, "đ" → "d". "DÂN VẬN KHÉO", "Dân vận khéo" and "dan van kheo" fold alike.
 * Unicode decomposition does the work; only đ/Đ has no decomposition and is mapped by hand.
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
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
