/**
 * Bulk work on the registrations list (`POST /registrations/bulk`): accept ("Tiếp nhận"), return
 * with one reason ("Trả lại") or add to a recognition round ("Đưa vào đợt xét") several records.
 *
 * The rule: EACH RECORD IS ATOMIC ON ITS OWN. Every record goes through the same function as the
 * single action (`transitionIn`, `addCandidateIn`: scope, policy, state machine, timeline row and
 * audit row) inside its own savepoint of one transaction; a record that is refused is rolled back
 * to its savepoint, untouched, and the others go on. The answer lists every id in the order sent:
 * done, or the reason it was not (in the caller's language). The transaction commits the records
 * done together with the request's Idempotency-Key, so a retry with the same key answers the first
 * answer and writes nothing twice.
 */
import { findRegistrationInScope } from '../../data/registrations-repo.js';
import { inSavepoint } from '../../data/savepoint.js';
import type { BulkBody, BulkResult } from '../../domain/bulk-schemas.js';
import { AppError, errorMessage, notFound } from '../../domain/errors.js';
import { inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { addCandidateIn } from '../recognition/rounds.js';
import { transitionIn } from './transition-registration.js';

export async function bulkRegistrations(ctx: Ctx, body: BulkBody): Promise<BulkResult> {
  // What every record would be refused for is refused once, before anything is tried.
  if (body.action === 'return' && !body.reason?.trim()) throw new AppError('REASON_REQUIRED');
  if (body.action === 'add_to_round' && !body.roundId) throw new AppError('BULK_ROUND_REQUIRED');
  const ids = [...new Set(body.ids)];
  return ctx.db.tx(async (q) => {
    const results: BulkResult['results'] = [];
    for (const id of ids) {
      const seen = await findRegistrationInScope(q, id, inScope(ctx.actor.viewPath));
      try {
        const state = await inSavepoint(q, async () => {
          if (!seen) throw notFound('registration');
          if (body.action === 'add_to_round') {
            await addCandidateIn(q, ctx, body.roundId!, id);
            return seen.state;
          }
          // The version is the one just read: the user chose the record, not one of its versions.
          const after = await transitionIn(q, ctx, id, body.action, { version: seen.version, reason: body.reason ?? null });
          return after.state;
        });
        results.push({ id, ok: true, title: seen!.title, state, error: null });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results.push({
          id,
          ok: false,
          title: seen?.title ?? null,
          state: seen?.state ?? null,
          error: { code: err.code, message: errorMessage(err.code, err.params, ctx.lang) },
        });
      }
    }
    const done = results.filter((r) => r.ok).length;
    return { action: body.action, done, failed: results.length - done, results };
  });
}
