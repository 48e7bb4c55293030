/**
 * The rule for a new password, the same on the server and in the web app's forms: at least
 * MIN_PASSWORD_LENGTH characters, and not guessable — zxcvbn's estimate (with its list of common
 * passwords and keyboard layouts) must reach MIN_PASSWORD_SCORE. Words of the site itself (DVK, the
 * movement's name, the demo password), the username and the person's name count as guessable.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, SITE_WORDS, type PasswordVerdict, type WeakReason } from './password-rule.js';

export { WEAK_REASONS, type PasswordVerdict, type WeakReason } from './password-rule.js';

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
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: 40, l33tMaxSubstitutions: 20 });
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
