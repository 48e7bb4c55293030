import { describe, expect, it } from 'vitest';
import { checkPassword, WEAK_REASONS } from '../../src/domain/password-strength.js';
import { MIN_PASSWORD_LENGTH, PASSWORD_RULE_VI } from '../../src/domain/password-rule.js';

describe('new passwords', () => {
  it('refuses the common passwords an attacker tries first, saying they are too common', () => {
    for (const p of ['password1', '12345678a', 'Password1', 'p@ssw0rd1', 'qwertyuiop']) {
      expect(checkPassword(p), p).toEqual({ ok: false, reason: 'common' });
    }
  });

  it('refuses a password shorter than the minimum, however random', () => {
    expect(checkPassword('x7#Kq2!'.slice(0, MIN_PASSWORD_LENGTH - 1))).toEqual({ ok: false, reason: 'short' });
  });

  it('names keyboard runs, repeats and sequences as the reason', () => {
    expect(checkPassword('zxcvbnm,./')).toEqual({ ok: false, reason: 'keyboard' });
    expect(checkPassword('aaaaaaaaaa')).toEqual({ ok: false, reason: 'repeat' });
    expect(checkPassword('abcdefgh12')).toEqual({ ok: false, reason: 'sequence' });
  });

  it("refuses the site's own words, the demo password and the owner's username or name", () => {
    expect(checkPassword('DanVanKheo2026')).toEqual({ ok: false, reason: 'personal' });
    expect(checkPassword('matkhau123')).toEqual({ ok: false, reason: 'personal' });
    expect(checkPassword('canbo.xa2026', ['canbo.xa', 'Nguyễn Văn Bình'])).toEqual({ ok: false, reason: 'personal' });
    expect(checkPassword('Demo-Test-2026', ['nguoi', 'Người Dùng', 'Demo-Test-2026']).ok).toBe(false);
  });

  it('accepts passphrases and mixed passwords people can remember', () => {
    for (const p of ['Hoa-sen-tren-song-7', 'Tr0ub4dor&3', 'Moi-mat-khau-1', 'Demo-Test-2026', 'Đặt lại mật khẩu']) {
      expect(checkPassword(p, ['nguoi.dung', 'Người Dùng']), p).toEqual({ ok: true });
    }
  });

  it('every reason has a Vietnamese wording, and the rule says what is needed', () => {
    for (const r of Object.values(WEAK_REASONS)) expect(r.vi.length).toBeGreaterThan(3);
    expect(WEAK_REASONS.common.vi).toBe('quá phổ biến');
    expect(WEAK_REASONS.keyboard.vi).toBe('dễ đoán theo bàn phím');
    expect(PASSWORD_RULE_VI).toContain(`${MIN_PASSWORD_LENGTH} ký tự`);
  });
});
