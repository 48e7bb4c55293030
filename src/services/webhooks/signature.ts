/**
 * How DVK signs a webhook call: HMAC-SHA256 with the webhook's secret over `<timestamp>.<body>`
 * (the timestamp in Unix seconds, the body as sent), in hexadecimal. The receiver recomputes it,
 * compares in constant time and refuses an old timestamp (a replay).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-dvk-signature';
export const TIMESTAMP_HEADER = 'x-dvk-timestamp';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string): boolean {
  const want = Buffer.from(signWebhook(secret, timestamp, body));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Shown in the OpenAPI document: how a receiver checks a call. */
export const VERIFY_EXAMPLE = `// Node.js: kiểm tra chữ ký của một lần gọi webhook DVK
import { createHmac, timingSafeEqual } from 'node:crypto';
function verify(secret, req, rawBody) {
  const ts = Number(req.headers['x-dvk-timestamp']);
  if (!ts || Math.abs(Date.now() / 1000 - ts) > 300) return false; // quá 5 phút: từ chối (chống gửi lại)
  const want = 'sha256=' + createHmac('sha256', secret).update(ts + '.' + rawBody).digest('hex');
  const got = String(req.headers['x-dvk-signature'] ?? '');
  return want.length === got.length && timingSafeEqual(Buffer.from(want), Buffer.from(got));
}`;
