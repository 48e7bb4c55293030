/** Verification codes and the wording of commendations: the pure parts of the papers. */
import { describe, expect, it } from 'vitest';
import { commendationWording } from '../../src/domain/commendation-schemas.js';
import { CODE_ALPHABET, codeFromBytes, formatCode, normaliseCode, paperNumber } from '../../src/domain/paper-schemas.js';

describe('verification codes', () => {
  it('20 letters of the unambiguous alphabet from 13 random bytes (100 bits), printed in groups of five', () => {
    const code = codeFromBytes(new Uint8Array(13).fill(255));
    expect(code).toBe('Z'.repeat(20));
    expect(codeFromBytes(new Uint8Array(13))).toBe('0'.repeat(20));
    const some = codeFromBytes(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]));
    expect(some).toHaveLength(20);
    for (const c of some) expect(CODE_ALPHABET).toContain(c);
    expect(formatCode(some)).toMatch(/^.{5}-.{5}-.{5}-.{5}$/);
    expect(() => codeFromBytes(new Uint8Array(12))).toThrow();
  });

  it('reads a code as typed from paper: small letters, dashes, spaces, O for 0 and I or L for 1; anything else is no code', () => {
    expect(normaliseCode('abcde-fghjk-mnpqr-stvwx')).toBe('ABCDEFGHJKMNPQRSTVWX');
    expect(normaliseCode('O1IL0 00000 00000 0000Z')).toBe('0111000000000000000Z');
    expect(normaliseCode('ABCDE')).toBeNull();
    expect(normaliseCode('ABCDEFGHJKMNPQRSTVWU')).toBeNull(); // U is not in the alphabet
    expect(normaliseCode('ABCDEFGHJKMNPQRSTVW<')).toBeNull();
  });

  it('numbers carry the kind’s symbol', () => {
    expect(paperNumber('decision', 12)).toBe('12-QĐ/BCĐ');
    expect(paperNumber('certificate', 1)).toBe('1-GCN/BCĐ');
  });
});

describe('commendation wording', () => {
  it('does not name the giver twice', () => {
    expect(commendationWording('Bằng khen của Ủy ban nhân dân tỉnh', 'Ủy ban nhân dân tỉnh Vĩnh Long')).toBe(
      'Bằng khen của Ủy ban nhân dân tỉnh Vĩnh Long',
    );
    expect(commendationWording('Giấy khen', 'Ban Thường vụ Đảng ủy xã')).toBe('Giấy khen của Ban Thường vụ Đảng ủy xã');
    expect(commendationWording('Bằng khen của Ban Thường vụ Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy')).toBe('Bằng khen của Ban Thường vụ Tỉnh ủy');
    expect(commendationWording('Bằng khen của cấp Trung ương', 'Ban Dân vận Trung ương')).toBe(
      'Bằng khen của cấp Trung ương (Ban Dân vận Trung ương)',
    );
  });
});
