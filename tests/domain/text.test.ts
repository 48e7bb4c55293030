import { describe, expect, it } from 'vitest';
import { foldVietnamese, slugifyVietnamese, tidyName } from '../../src/domain/text.js';

describe('Vietnamese folding', () => {
  it('makes capitals, diacritics and plain letters fold alike', () => {
    const folded = ['Dân vận khéo', 'DÂN VẬN KHÉO', 'dan van kheo', 'Dân  vận   khéo '].map(foldVietnamese);
    expect(new Set(folded)).toEqual(new Set(['dan van kheo']));
  });
  it('maps đ and Đ to d, which Unicode decomposition does not', () => {
    expect(foldVietnamese('Đông Thạnh, Đà Nẵng')).toBe('dong thanh, da nang');
  });
  it('folds text typed in decomposed form the same as precomposed', () => {
    expect(foldVietnamese('Vĩnh Long'.normalize('NFD'))).toBe(foldVietnamese('Vĩnh Long'.normalize('NFC')));
  });
  it('slugs keep the Đ as d (the source data drops it)', () => {
    expect(slugifyVietnamese('Phường Đông Thạnh')).toBe('phuong-dong-thanh');
  });
  it('tidies typed names', () => {
    expect(tidyName('  Xã   Càng  Long ')).toBe('Xã Càng Long');
  });
});
