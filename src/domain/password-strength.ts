/**
 * The rule for a new password, the same on the server and in the web app's forms: at least
 * MIN_PASSWORD_LENGTH characters, and not guessable — zxcvbn's estimate (with its list of common
 * passwords and keyboard layouts) must reach MIN_PASSWORD_SCORE. Words of the site itself (DVK, the
 * movement's name, the demo password), the username and the person's name count as guessable.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 8;
/** zxcvbn's scale 0–4: 3 means "safely unguessable" (about 10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

/** Words any attacker of this site tries first. */
export const SITE_WORDS = ['dvk', 'danvankheo', 'dan van kheo', 'dân vận khéo', 'danvan', 'matkhau', 'mat khau', 'mật khẩu', 'DanVanKheo2026'];

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

// zxcvbn's warnings (its translation keys) grouped into what a user is told.
const REASON_OF_WARNING: Record<string, WeakReason> = {
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  similarToCommon: 'common',
  pwned: 'common',
  straightRow: 'keyboard',
  keyPattern: 'keyboard',
  simpleRepeat: 'repeat',
  extendedRepeat: 'repeat',
  sequences: 'sequence',
  recentYears: 'date',
  dates: 'date',
  wordByItself: 'word',
  namesByThemselves: 'name',
  commonNames: 'name',
  userInputs: 'personal',
};

let factory: ZxcvbnFactory | null = null;

// Built on first use: the common-password list is a few hundred kilobytes.
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true });
  return factory;
}

/**
 * Judges a new password. `personal` lists what is known about its owner (username, full name) and
 * any other word that must not be the password (a configured demo password).
 */
export function checkPassword(password: string, personal: readonly (string | null | undefined)[] = []): PasswordVerdict {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'short' };
  const inputs = [...SITE_WORDS, ...personal.filter((w): w is string => !!w && w.trim().length > 0)];
  const result = estimator().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const warning = result.feedback.warning;
  return { ok: false, reason: (warning && REASON_OF_WARNING[warning]) || 'guessable' };
}

/** The rule in one sentence, for the forms' hints. */
export const PASSWORD_RULE_VI = `Ít nhất ${MIN_PASSWORD_LENGTH} ký tự và khó đoán: nên ghép ba, bốn từ hoặc trộn chữ, số và ký hiệu; không dùng mật khẩu phổ biến, dãy phím, ngày tháng, tên mình hay tên hệ thống.`;
