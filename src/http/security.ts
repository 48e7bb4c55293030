/**
 * Browser-facing defences in one place: state-changing requests must come from DVK's own pages
 * (their Origin, or without one their Referer, names DVK's public address), and every answer
 * carries the security headers (Content-Security-Policy and the rest, by @fastify/helmet).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import { AppError } from '../domain/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SecurityOptions {
  /** DVK_PUBLIC_URL: when set, the only origin allowed to write. */
  publicUrl: string | null;
  /** DVK_SECURE_COOKIES=true: DVK is served over HTTPS, so browsers are told to keep to it (HSTS). */
  secure: boolean;
}

/** `https://dvk.example.vn/` → `https://dvk.example.vn`; refuses what is not an http(s) address. */
export function normaliseOrigin(url: string): string {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an http(s) address: ${url}`);
  return u.origin;
}

function originOf(value: string): string | null {
  try {
    return normaliseOrigin(value);
  } catch {
    return null;
  }
}

/** The listening port, for the default addresses when DVK_PUBLIC_URL is not set. */
function listeningPort(app: FastifyInstance): number | null {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : null;
}

/**
 * DVK's public address: DVK_PUBLIC_URL, or the listening address on this machine. Links that
 * leave DVK (canonical and share links of the showcase) are built from it, never from the
 * request's Host header.
 */
export function publicOrigin(app: FastifyInstance, publicUrl: string | null): string {
  if (publicUrl) return normaliseOrigin(publicUrl);
  return `http://localhost:${listeningPort(app) ?? 3000}`;
}

/**
 * Without DVK_PUBLIC_URL, a page of DVK may also be opened by another name of this machine (a
 * phone on the office network at http://192.168.1.5:3000): its Origin then equals the request's
 * own Host. A page of another site cannot make its browser send DVK's Host with its own Origin;
 * a site that points its own name at DVK's address (DNS rebinding) gets matching Host and Origin
 * but no session cookie, since the browser keeps DVK's cookie for DVK's name.
 */
function allowedOrigins(app: FastifyInstance, opts: SecurityOptions, req: FastifyRequest): string[] {
  if (opts.publicUrl) return [normaliseOrigin(opts.publicUrl)];
  const port = listeningPort(app);
  const out = port ? [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`] : [];
  const host = req.headers.host;
  if (host && !/[\s/@\\?#]/.test(host)) {
    for (const scheme of ['http', 'https']) {
      const own = originOf(`${scheme}://${host}`);
      if (own) out.push(own);
    }
  }
  return out;
}

/** Where a state-changing request says it comes from: Origin, else the origin of Referer. */
function claimedOrigin(req: FastifyRequest): string | null {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== '') return origin === 'null' ? null : originOf(origin);
  const referer = req.headers.referer;
  if (typeof referer === 'string' && referer !== '') return originOf(referer);
  return null;
}

export async function installSecurity(app: FastifyInstance, opts: SecurityOptions) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // Ant Design writes its styles into <style> tags at run time; the showcase's styles are inline.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        // Upgrading would break DVK served over plain HTTP on an office network.
        ...(opts.secure ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: opts.secure ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
  });

  // Before the session is read and before the body is parsed: a refused write touches nothing.
  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    const claimed = claimedOrigin(req);
    if (!claimed || !allowedOrigins(app, opts, req).includes(claimed)) throw new AppError('CROSS_SITE_REQUEST');
  });
}
