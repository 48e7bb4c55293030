/**
 * Turns every failure into `{"error": {"code", "message"}}` with the right status. Validation
 * failures name the fields in Vietnamese; unexpected errors are logged and told apart from
 * the user's mistakes without leaking internals.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { STATUS_CODES } from 'node:http';
import { AppError, ERRORS, errorMessage, type ErrorCode, type Lang } from '../domain/errors.js';
import { FIELD_LABELS } from '../domain/field-labels.js';
import { MAX_EVIDENCE_BYTES } from '../domain/file-types.js';
import { IdempotencyKeyTaken } from '../services/idempotency.js';
import { answerTakenKey } from './idempotency.js';

export function langOf(req: FastifyRequest): Lang {
  const header = req.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'vi';
}

function body(code: ErrorCode, params: Record<string, string | number>, lang: Lang, details?: unknown) {
  return { error: { code, message: errorMessage(code, params, lang), ...(details ? { details } : {}) } };
}

/**
 * The field's Vietnamese name: the parent-qualified key first (`criteria.name`, list indexes
 * skipped; a top-level field's parent is the route's resource, its last fixed path segment:
 * `units.name`, `review-reports.unitId`), then the field's own name; the English key when none is
 * known or the user asked for English.
 */
function fieldName(instancePath: string, lang: Lang, route: string | undefined): string {
  const parts = instancePath.split('/').filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  if (lang !== 'vi') return last;
  const names = parts.filter((p) => !/^\d+$/.test(p));
  const own = names[names.length - 1] ?? '';
  const resource = (route ?? '')
    .split('?')[0]!
    .split('/')
    .filter((p) => p && !p.startsWith(':') && !p.startsWith('{'))
    .pop();
  const parent = names.length > 1 ? names[names.length - 2] : resource;
  return (parent !== undefined ? FIELD_LABELS[`${parent}.${own}`] : undefined) ?? FIELD_LABELS[own] ?? last;
}

/** `spaIndex`: the web app's index.html, answered for every unknown non-API GET (client-side routes). */
/**
 * Database refusals a user can cause: two people taking the same code at the same moment (the
 * unique index decides), or text the database will not store (a NUL character, a number too big).
 */
function databaseError(code: string, err: { constraint?: string; detail?: string }, lang: Lang) {
  if (code === '23505') {
    const value = /\)=\((.*)\) already exists/.exec(err.detail ?? '')?.[1] ?? '';
    if (err.constraint === 'unit_code_open_key') return { status: 409, body: body('UNIT_CODE_TAKEN', { code: value }, lang) };
    if (err.constraint === 'app_user_username_key') return { status: 409, body: body('USERNAME_TAKEN', { username: value }, lang) };
    // Any other unique index: a duplicate, not a stale version (nobody's edit was overtaken).
    return { status: 409, body: body('CONFLICT', {}, lang) };
  }
  if (code.startsWith('22')) {
    const detail =
      lang === 'vi' ? 'có ký tự không hợp lệ hoặc giá trị vượt quá giới hạn' : 'a value has an invalid character or is out of range';
    return { status: 400, body: body('VALIDATION_FAILED', { detail }, lang) };
  }
  return null;
}

/**
 * Requests Node refuses before Fastify sees them (headers too large, a malformed request line, too
 * slow to arrive) get the same `{error:{code,message}}` body as the rest. Nothing of the request was
 * read, not even Accept-Language, so the message is Vietnamese.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket) {
  // A reset connection has no one to answer (as in Fastify's own handler).
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'VALIDATION_FAILED';
  const status = ERRORS[code].status;
  const payload = JSON.stringify(body(code, { detail: 'yêu cầu HTTP không đúng định dạng' }, 'vi'));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
    );
  }
  socket.destroy(err);
}

export function installErrorHandling(app: FastifyInstance, spaIndex: Buffer | null = null) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = langOf(req);
    if (err instanceof AppError) {
      return reply.status(err.status).send(body(err.code, err.params, lang, err.details));
    }
    if (err instanceof IdempotencyKeyTaken) {
      return answerTakenKey(req, reply).catch((e: unknown) => {
        const refusal = e instanceof AppError ? e : new AppError('INTERNAL');
        return reply.status(refusal.status).send(body(refusal.code, refusal.params, lang));
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        field: v.instancePath.split('/').filter(Boolean).join('.'),
        message: v.message ?? '',
      }));
      const detail = err.validation
        .map((v) => `${fieldName(v.instancePath, lang, req.routeOptions.url) || (lang === 'vi' ? 'nội dung' : 'body')}: ${v.message}`)
        .join('; ');
      return reply.status(400).send(body('VALIDATION_FAILED', { detail }, lang, issues));
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT') {
      return reply.status(413).send(body('FILE_TOO_LARGE', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 }, lang));
    }
    if (err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return reply.status(400).send(body('FILE_MISSING', {}, lang));
    const pgCode = (err as { code?: unknown }).code;
    if (typeof pgCode === 'string' && /^[0-9A-Z]{5}$/.test(pgCode)) {
      const mapped = databaseError(pgCode, err as unknown as { constraint?: string; detail?: string }, lang);
      if (mapped) return reply.status(mapped.status).send(mapped.body);
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.status(429).send(body('TOO_MANY_ATTEMPTS', { minutes: 1 }, lang));
    if (status >= 400 && status < 500) {
      const detail = lang === 'vi' ? 'nội dung gửi lên không đọc được hoặc quá lớn' : 'the request body could not be read';
      return reply.status(status).send(body('VALIDATION_FAILED', { detail }, lang));
    }
    req.log.error({ err }, 'unexpected error');
    return reply.status(500).send(body('INTERNAL', {}, lang));
  });

  app.setNotFoundHandler((req, reply) => {
    if (spaIndex && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(spaIndex);
    }
    return reply.status(404).send(body('NOT_FOUND', { entity: 'route' }, langOf(req)));
  });
}
