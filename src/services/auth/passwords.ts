import { hash, verify } from '@node-rs/argon2';
import { DEFAULT_DEMO_PASSWORD } from '../../config.js';
import { AppError } from '../../domain/errors.js';
import { checkPassword, WEAK_REASONS } from '../../domain/password-strength.js';

// argon2id (the library's default algorithm) with its recommended memory and time costs.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Refuses a password people could guess (the domain's rule). The configured demo password counts
 * as guessable: it is printed on the console and in the README, so only the seeded demo accounts
 * have it.
 */
export function assertStrongPassword(password: string, owner: { username?: string | null; fullName?: string | null } = {}): void {
  const verdict = checkPassword(password, [owner.username, owner.fullName, process.env.DVK_DEMO_PASSWORD, DEFAULT_DEMO_PASSWORD]);
  if (!verdict.ok) {
    const reason = WEAK_REASONS[verdict.reason];
    throw new AppError('WEAK_PASSWORD', { reasonVi: reason.vi, reasonEn: reason.en });
  }
}
