/** A tiny HTTP client that keeps the session cookie, like a browser would. */
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class Client {
  cookie: string | null = null;
  constructor(
    private readonly baseUrl: string,
    private readonly lang?: string,
  ) {}

  async request<T = any>(method: string, url: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.lang) headers['accept-language'] = this.lang;
    // A browser names the page's origin on every write; DVK refuses writes without it.
    if (method !== 'GET' && method !== 'HEAD') headers.origin = this.baseUrl;
    const res = await fetch(this.baseUrl + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  /** A download: the status, the headers and the bytes. */
  async bytes(url: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const res = await fetch(this.baseUrl + url, { headers: this.cookie ? { cookie: this.cookie } : {} });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  put<T = any>(url: string, body: unknown) {
    return this.request<T>('PUT', url, body);
  }

  async login(username: string, password: string): Promise<Reply> {
    return this.post('/api/v1/auth/login', { username, password });
  }
}

/**
 * Signs in as a user would. An account whose password an administrator set must change it before
 * anything else; the test user "changes" it to the same value so that it can get to work.
 */
export async function loggedIn(baseUrl: string, username: string, password: string): Promise<Client> {
  const c = new Client(baseUrl);
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  if (r.body.user.mustChangePassword) {
    const changed = await c.post('/api/v1/auth/password', { currentPassword: password, newPassword: password });
    if (changed.status !== 204) throw new Error(`password change for ${username} failed: ${changed.status}`);
  }
  return c;
}
