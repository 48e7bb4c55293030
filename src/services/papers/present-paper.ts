import { findRegistrationInScope } from '../../data/registrations-repo.js';
import { findPaper, type PaperRow } from '../../data/papers-repo.js';
import { findRound } from '../../data/rounds-repo.js';
import type { Queryable } from '../../data/db.js';
import { notFound } from '../../domain/errors.js';
import { PAPER_LABELS, formatCode, type Paper } from '../../domain/paper-schemas.js';
import { inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';

/** The public page a certificate's QR code and printed code lead to. */
export const verifyPath = (code: string) => `/cong-khai/xac-minh/${formatCode(code)}`;

export function presentPaper(p: PaperRow, origin: string): Paper {
  return {
    id: p.id,
    kind: p.kind,
    kindLabel: PAPER_LABELS[p.kind],
    unit: { id: p.unit_id, name: p.unit_name },
    roundId: p.round_id,
    registrationId: p.registration_id,
    number: p.number,
    issuedOn: p.issued_on,
    place: p.place,
    verification: p.verify_code ? { code: formatCode(p.verify_code), url: origin + verifyPath(p.verify_code) } : null,
    createdAt: p.created_at.toISOString(),
  };
}

/**
 * A paper is seen by those who see what it is about: its registration (the registration form, a
 * certificate) or its round. Outside that view it does not exist for the reader (404).
 */
export async function paperInView(q: Queryable, ctx: Ctx, id: string): Promise<PaperRow> {
  const p = await findPaper(q, id);
  if (!p) throw notFound('paper');
  const view = inScope(ctx.actor.viewPath);
  const seen = p.registration_id
    ? !!(await findRegistrationInScope(q, p.registration_id, view))
    : !!(p.round_id && (await findRound(q, p.round_id, view)));
  if (!seen) throw notFound('paper');
  return p;
}
