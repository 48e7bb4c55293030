import { foldVietnamese } from '@domain/text.js';

/** Select search that ignores diacritics: "chinh tri" finds "Tổ chức chính trị – xã hội". */
export const matchFolded = (input: string, option?: { label?: unknown }) =>
  typeof option?.label === 'string' && foldVietnamese(option.label).includes(foldVietnamese(input));
