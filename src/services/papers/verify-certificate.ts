/**
 * What a certificate's public page says: looked up by its random code only. A code that is not
 * one (wrong letters, wrong length) and a code nobody was given both answer null, so the page
 * cannot tell a guesser which is which.
 */
import type { Db } from '../../data/db.js';
import { findCertificateByCode } from '../../data/papers-repo.js';
import { normaliseCode } from '../../domain/paper-schemas.js';

export async function verifyCertificate(db: Db, typed: string) {
  const code = normaliseCode(typed);
  if (!code) return null;
  const c = await findCertificateByCode(db.pool, code);
  if (!c) return null;
  return {
    ...c,
    /** Stands while the model is still recognised (or completed after recognition); a discontinued one does not. */
    stands: c.result === 'recognised' && (c.state === 'recognised' || c.state === 'completed'),
  };
}
