import { describe, expect, it } from 'vitest';
import { numbersDiffer, titleNumbers } from '../../src/domain/repeat-check.js';

describe('numbers in the re-registration check', () => {
  it('tells apart titles that name different numbered things', () => {
    expect(numbersDiffer('Tổ tự quản an ninh số 12', 'Tổ tự quản an ninh số 123')).toBe(true);
    expect(numbersDiffer('Đường hoa ấp 3', 'Đường hoa ấp 5')).toBe(true);
  });
  it('keeps flagging a title repeated with another year, or with the same number', () => {
    expect(numbersDiffer('Dân vận khéo năm 2023', 'Dân vận khéo năm 2024')).toBe(false);
    expect(numbersDiffer('Tổ tự quản số 12 (2023)', 'Tổ tự quản số 12 năm 2025')).toBe(false);
    expect(numbersDiffer('Tổ tự quản số 07', 'Tổ tự quản số 7')).toBe(false);
  });
  it('says nothing when one title has no number', () => {
    expect(numbersDiffer('Tuyến đường hoa', 'Tuyến đường hoa số 2')).toBe(false);
    expect(titleNumbers('Mô hình 5 không, 3 sạch năm 2024')).toEqual(['5', '3']);
  });
});
