/** Apportioning a split unit's records to its successors: whole numbers that add up exactly. */
import { describe, expect, it } from 'vitest';
import { apportion, formerUnitName } from '../../src/domain/statistics.js';

describe('apportion', () => {
  it('gives each part the floor of its quota and the rest to the largest remainders', () => {
    expect(apportion(7, [0.4, 0.6])).toEqual([3, 4]); // 2.8 / 4.2
    expect(apportion(10, [0.4, 0.6])).toEqual([4, 6]);
    expect(apportion(1, [0.4, 0.6])).toEqual([0, 1]);
    expect(apportion(5, [0.5, 0.5])).toEqual([3, 2]); // a tie goes to the earlier part
    expect(apportion(100, [1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
    expect(apportion(0, [0.4, 0.6])).toEqual([0, 0]);
  });

  it('keeps every total exact, for any count and shares, and for very large sums', () => {
    for (let n = 0; n < 300; n += 7)
      for (const shares of [
        [0.4, 0.6],
        [0.123456, 0.5, 0.376544],
        [0.2, 0.2],
      ]) {
        const parts = apportion(n, shares);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(n);
        parts.forEach((p, i) => expect(Math.abs(p - (n * shares[i]!) / shares.reduce((a, b) => a + b, 0))).toBeLessThan(1));
      }
    expect(apportion(9_007_199_254_740, [0.4, 0.6]).reduce((a, b) => a + b, 0)).toBe(9_007_199_254_740);
  });

  it('names closed units as "(cũ)"', () => {
    expect(formerUnitName('Huyện Càng Long', true)).toBe('Huyện Càng Long (cũ)');
    expect(formerUnitName('Xã Càng Long', false)).toBe('Xã Càng Long');
  });
});
