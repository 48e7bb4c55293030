/**
 * The rule for new passwords in words and numbers, without the estimator (password-strength.ts),
 * so that the web app can show it without loading the common-password list.
 */
export const MIN_PASSWORD_LENGTH = 8;
/** zxcvbn's scale 0–4: 3 means "safely unguessable" (about 10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

/** Words any attacker of this site tries first. */
export const SITE_WORDS = [
  'dvk',
  'danvankheo',
  'dan van kheo',
  'dân vận khéo',
  'danvan',
  'matkhau',
  'mat khau',
  'mật khẩu',
  'DanVanKheo2026',
];

export type WeakReason = 'short' | 'common' | 'keyboard' | 'repeat' | 'sequence' | 'date' | 'word' | 'name' | 'personal' | 'guessable';

export type PasswordVerdict = { ok: true } | { ok: false; reason: WeakReason };

/** Why a password is refused, as the screens and the error message say it. */
export const WEAK_REASONS: Record<WeakReason, { vi: string; en: string }> = {
  short: { vi: `ngắn hơn ${MIN_PASSWORD_LENGTH} ký tự`, en: `shorter than ${MIN_PASSWORD_LENGTH} characters` },
  common: { vi: 'quá phổ biến', en: 'too common' },
  keyboard: { vi: 'dễ đoán theo bàn phím', en: 'an easy keyboard pattern' },
  repeat: { vi: 'lặp lại ký tự dễ đoán', en: 'made of easy repeats' },
  sequence: { vi: 'là dãy liên tiếp (như abc, 1234)', en: 'an easy sequence (like abc, 1234)' },
  date: { vi: 'dựa vào năm hoặc ngày tháng dễ đoán', en: 'built on an easy year or date' },
  word: { vi: 'chỉ là một từ thông dụng', en: 'a single common word' },
  name: { vi: 'là tên người phổ biến', en: 'a common name' },
  personal: { vi: 'chứa tên đăng nhập, họ tên hoặc tên của hệ thống', en: 'built on the username, the name or the name of the system' },
  guessable: { vi: 'dễ đoán', en: 'easy to guess' },
};

/** The rule in one sentence, for the forms' hints. */
export const PASSWORD_RULE_VI = `Ít nhất ${MIN_PASSWORD_LENGTH} ký tự và khó đoán: nên ghép ba, bốn từ hoặc trộn chữ, số và ký hiệu; không dùng mật khẩu phổ biến, dãy phím, ngày tháng, tên mình hay tên hệ thống.`;
