import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../domain/errors.js';

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

/** At least 8 characters with a letter and a digit: long enough, and simple to explain. */
export function assertStrongPassword(password: string): void {
  if (password.length < 8 || !/\p{L}/u.test(password) || !/\d/.test(password)) throw new AppError('WEAK_PASSWORD');
}
