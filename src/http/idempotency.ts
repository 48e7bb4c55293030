/**
 * `Idempotency-Key` on writes: the same key from the same user within a day answers the first
 * result (status and body, with `Idempotent-Replayed: true`) and writes nothing.
 *
 * Before the handler runs, a key already recorded is answered here: replayed when its answer is
 * stored, 422 when it was used for another request, 409 when its change committed but its answer
 * never got stored (the process died in between). Otherwise the handler runs with the key in
 * `requestKey`, and `db.tx` records it in the request's first transaction; a concurrent duplicate
 * waits on the key's unique index there, and once the first commits is answered like a retry.
 * After the handler, the answer is stored on the key row.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../data/db.js';
import { AppError } from '../domain/errors.js';
import {
  forgetExpiredKeys,
  recordedAnswer,
  requestKey,
  saveAnswer,
  type IdempotencyClaim,
  type StoredAnswer,
} from '../services/idempotency.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's key, and the database that records it. */
    idempotency: { claim: IdempotencyClaim; db: Db } | null;
  }
}

const HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** 1–100 printable ASCII characters. */
const KEY_PATTERN = /^[\x20-\x7e]{1,100}$/;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CLEAN_EVERY_MS = 10 * 60 * 1000;

function requestHash(req: FastifyRequest): string {
  return createHash('sha256')
    .update(JSON.stringify(req.body ?? null))
    .digest('hex');
}

function replay(reply: FastifyReply, r: StoredAnswer): FastifyReply {
  reply.status(r.status).header(REPLAYED_HEADER, 'true');
  if (r.type) reply.type(r.type);
  return reply.send(r.body);
}

/**
 * The answer to a request whose transaction found its key committed by a concurrent duplicate
 * (`IdempotencyKeyTaken`, raised by `db.tx`): the first request's answer once it is stored.
 */
export async function answerTakenKey(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  if (!req.idempotency) throw new AppError('IDEMPOTENCY_UNANSWERED');
  const r = await recordedAnswer(req.idempotency.db, req.idempotency.claim);
  if (!r) throw new AppError('IDEMPOTENCY_UNANSWERED');
  return replay(reply, r);
}

export function installIdempotency(app: FastifyInstance, db: Db) {
  app.decorateRequest('idempotency', null);
  let cleaned = 0;

  // A callback hook, so that the handler runs inside `requestKey.run` and `db.tx` sees the key.
  app.addHook('preHandler', (req, reply, done) => {
    const header = req.headers[HEADER];
    if (header === undefined || READ_METHODS.has(req.method) || !req.session || !req.url.startsWith('/api/v1/')) return done();
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) return done(new AppError('IDEMPOTENCY_KEY_INVALID'));
    const claim: IdempotencyClaim = {
      userId: req.session.user.id,
      key: header,
      method: req.method,
      path: req.url,
      requestHash: requestHash(req),
      claimed: false,
      claiming: false,
    };
    req.idempotency = { claim, db };
    const clean = Date.now() - cleaned > CLEAN_EVERY_MS ? forgetExpiredKeys(db) : Promise.resolve();
    cleaned = Date.now();
    clean
      .then(() => recordedAnswer(db, claim))
      .then(
        (r) => {
          if (r) replay(reply, r);
          else requestKey.run(claim, done);
        },
        (err: Error) => done(err),
      );
  });

  // The answer is stored before it leaves, so a retry after a lost answer finds it.
  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency?.claim;
    if (!claim?.claimed || reply.getHeader(REPLAYED_HEADER)) return payload;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : payload == null ? '' : null;
    // A streamed answer is not kept: its retry is told the action was done (409) instead.
    if (body === null) return payload;
    const type = reply.getHeader('content-type');
    await saveAnswer(db, claim, { status: reply.statusCode, type: typeof type === 'string' ? type : null, body });
    return payload;
  });
}
