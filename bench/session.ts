/** A signed-in HTTP client for the benchmark; its writes name DVK's address as their origin, as a browser's do. */
export class Session {
  private constructor(
    private readonly base: string,
    private readonly cookie: string,
  ) {}

  static async login(base: string, username: string, password: string): Promise<Session> {
    const r = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(base).origin },
      body: JSON.stringify({ username, password }),
    });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
    return new Session(base, r.headers.get('set-cookie')!.split(';')[0]!);
  }

  async json(url: string): Promise<any> {
    const r = await fetch(this.base + url, { headers: { cookie: this.cookie } });
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    return r.json();
  }

  async post(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const r = await fetch(this.base + url, {
      method: 'POST',
      headers: { cookie: this.cookie, 'content-type': 'application/json', origin: new URL(this.base).origin },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: await r.json() };
  }

  async raw(url: string): Promise<{ status: number; body: Buffer }> {
    const r = await fetch(this.base + url, { headers: { cookie: this.cookie } });
    return { status: r.status, body: Buffer.from(await r.arrayBuffer()) };
  }
}
