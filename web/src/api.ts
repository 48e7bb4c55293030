import { newIdempotencyKey } from './components/idempotency';

/** The API client: JSON in and out, the session cookie, errors carried with their Vietnamese message. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For VALIDATION_FAILED: which request field is wrong, and why. */
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn;
}

function fieldProblems(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is FieldProblem => typeof d === 'object' && d !== null && typeof d.field === 'string' && typeof d.message === 'string',
  );
}

export interface RequestOptions {
  /**
   * Sent as `Idempotency-Key`: a request sent again with the same key (a retry after a lost answer,
   * a second click on the same form) answers the first result and creates nothing twice. A form
   * keeps one key until it succeeds (`useAction`); a POST sent without one gets a fresh key of its own.
   */
  idempotencyKey?: string;
}

export async function api<T>(method: string, url: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  // The interface is Vietnamese, so are its messages, whatever the browser's language.
  const headers: Record<string, string> = { 'accept-language': 'vi' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const key = opts.idempotencyKey ?? (method === 'POST' ? newIdempotencyKey() : undefined);
  if (key) headers['idempotency-key'] = key;
  let res: Response;
  try {
    res = await fetch(`/api/v1${url}`, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng rồi thử lại.');
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data?.error;
    if (res.status === 401 && !url.startsWith('/auth/login')) onUnauthenticated();
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? `Máy chủ báo lỗi (mã ${res.status}). Vui lòng thử lại sau ít phút.`,
      fieldProblems(err?.details),
    );
  }
  return data as T;
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body?: unknown, opts?: RequestOptions) => api<T>('POST', url, body ?? {}, opts);
export const put = <T>(url: string, body: unknown, opts?: RequestOptions) => api<T>('PUT', url, body, opts);
export const patch = <T>(url: string, body: unknown, opts?: RequestOptions) => api<T>('PATCH', url, body, opts);

export function qs(params: Record<string, string | number | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

/** The message to show for any thrown value. */
export function errorText(e: unknown, fallback = 'Chưa thực hiện được. Vui lòng thử lại.'): string {
  return e instanceof ApiError ? e.message : fallback;
}
