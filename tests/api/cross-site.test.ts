/**
 * Cross-site writes: a page of another site, in the browser of a signed-in officer, can make the
 * browser send DVK a write with the officer's session cookie. Every state-changing request must
 * name DVK's own address as its Origin (or, without one, its Referer); otherwise it is refused
 * before anything is read or written. Links DVK hands out (the showcase's canonical and share
 * links) use the public address, never the Host header a request brought.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { seedDemoShowcase } from '../../src/seed/demo-showcase.js';
import type { TestServer } from '../support/server.js';
import { DEMO_PASSWORD } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

const EVIL = 'http://evil.example';
// 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2d2e4b10000000049454e44ae426082',
  'hex',
);

let srv: TestServer;
let u: Users;
let womenUnion: string;
let province: string;

useDemo(
  async (demo) => {
    ({
      srv,
      u,
      units: { womenUnion, province },
    } = demo);
    await seedDemoShowcase(srv.db, srv.filesDir);
  },
  { models: true },
);

/** A raw request as any page (or program) could send it, with exactly the headers given. */
function send(base: string, method: string, url: string, headers: Record<string, string>, body?: string | Buffer) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const target = new URL(url, base);
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const json = (t: string) => JSON.parse(t) as { error: { code: string; message: string } };

function expectRefused(r: { status: number; text: string }) {
  expect(r.status).toBe(403);
  const body = json(r.text);
  expect(body.error.code).toBe('CROSS_SITE_REQUEST');
  expect(body.error.message).toMatch(/không được gửi từ trang của hệ thống DVK/);
}

async function draft(title: string) {
  const r = await u.unit.post('/api/v1/registrations', {
    kind: 'model',
    unitId: womenUnion,
    holder: 'collective',
    title,
    fieldCode: 'economic',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    criteria: [{ name: 'Số hộ tham gia', target: 30, unitOfMeasure: 'hộ' }],
  });
  expect(r.status).toBe(201);
  return r.body as { id: string; version: number };
}

function multipart(name: string, bytes: Buffer) {
  const boundary = '----dvk' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

const count = async (sql: string, params: unknown[] = []) => Number((await srv.db.rows<{ n: number }>(sql, params))[0]!.n);

describe('cross-site writes are refused', () => {
  it('a JSON submit with a foreign Origin and a valid session is refused and changes nothing', async () => {
    const reg = await draft('Mô hình gửi từ trang lạ');
    const auditBefore = await count('select count(*) as n from audit_log');
    const r = await send(
      srv.baseUrl,
      'POST',
      `/api/v1/registrations/${reg.id}/submit`,
      { cookie: u.unit.cookie!, origin: EVIL, 'content-type': 'application/json' },
      JSON.stringify({ version: reg.version }),
    );
    expectRefused(r);
    const read = await u.unit.get(`/api/v1/registrations/${reg.id}`);
    expect(read.body.state).toBe('draft');
    expect(read.body.version).toBe(reg.version);
    expect(await count('select count(*) as n from audit_log')).toBe(auditBefore);

    const created = await send(
      srv.baseUrl,
      'POST',
      '/api/v1/registrations',
      { cookie: u.unit.cookie!, origin: EVIL, 'content-type': 'application/json' },
      JSON.stringify({
        kind: 'model',
        unitId: womenUnion,
        holder: 'collective',
        title: 'Mô hình tạo từ trang lạ',
        fieldCode: 'economic',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        level: 'commune',
        criteria: [{ name: 'Số hộ', target: 1 }],
      }),
    );
    expectRefused(created);
    expect(await count(`select count(*) as n from registration where title = 'Mô hình tạo từ trang lạ'`)).toBe(0);
  });

  it('a multipart upload with a foreign Origin is refused, and no file is recorded or stored', async () => {
    const reg = await draft('Mô hình nhận tệp từ trang lạ');
    const { body, type } = multipart('anh.png', PNG);
    const files = () => fs.readdirSync(srv.filesDir, { recursive: true }).map(String).sort();
    const before = files();
    const r = await send(
      srv.baseUrl,
      'POST',
      `/api/v1/registrations/${reg.id}/evidence`,
      { cookie: u.unit.cookie!, origin: EVIL, 'content-type': type },
      body,
    );
    expectRefused(r);
    expect(await count('select count(*) as n from evidence_file where registration_id = $1', [reg.id])).toBe(0);
    expect(files()).toEqual(before);

    // The same upload from DVK's own page is stored.
    const ok = await send(
      srv.baseUrl,
      'POST',
      `/api/v1/registrations/${reg.id}/evidence`,
      { cookie: u.unit.cookie!, origin: srv.baseUrl, 'content-type': type },
      body,
    );
    expect(ok.status).toBe(201);
    expect(await count('select count(*) as n from evidence_file where registration_id = $1', [reg.id])).toBe(1);
  });

  it('a text/plain POST closing a round is refused from another site and works from DVK', async () => {
    const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Đợt xét thử yêu cầu chéo trang' });
    expect(round.status).toBe(201);
    const close = (origin: string) =>
      send(
        srv.baseUrl,
        'POST',
        `/api/v1/recognition-rounds/${round.body.id}/close`,
        { cookie: u.officer.cookie!, origin, 'content-type': 'text/plain' },
        'x',
      );
    expectRefused(await close(EVIL));
    expect((await u.officer.get(`/api/v1/recognition-rounds/${round.body.id}`)).body.state).toBe('open');
    const ok = await close(srv.baseUrl);
    expect(ok.status).toBe(200);
    expect((await u.officer.get(`/api/v1/recognition-rounds/${round.body.id}`)).body.state).toBe('closed');
  });

  it('a logout from another site is refused and the session goes on; one from DVK ends it', async () => {
    const cookie = u.viewer.cookie!;
    expectRefused(await send(srv.baseUrl, 'POST', '/api/v1/auth/logout', { cookie, origin: EVIL }));
    expect((await u.viewer.get('/api/v1/auth/me')).status).toBe(200);
    // An opaque origin (a sandboxed frame, a data: page) is not DVK either.
    expectRefused(await send(srv.baseUrl, 'POST', '/api/v1/auth/logout', { cookie, origin: 'null' }));
    // Without Origin, a Referer from another site is refused too.
    expectRefused(await send(srv.baseUrl, 'POST', '/api/v1/auth/logout', { cookie, referer: `${EVIL}/dvk` }));
    expect((await u.viewer.get('/api/v1/auth/me')).status).toBe(200);
    // Without Origin, a Referer of DVK's own page is enough.
    const out = await send(srv.baseUrl, 'POST', '/api/v1/auth/logout', { cookie, referer: `${srv.baseUrl}/viec-can-lam` });
    expect(out.status).toBe(204);
    expect((await u.viewer.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('a write with neither Origin nor Referer is refused, a sign-in too', async () => {
    const reg = await draft('Mô hình không rõ nguồn gửi');
    expectRefused(
      await send(
        srv.baseUrl,
        'PATCH',
        `/api/v1/registrations/${reg.id}`,
        { cookie: u.unit.cookie!, 'content-type': 'application/json' },
        JSON.stringify({ version: reg.version, problem: 'Sửa không rõ nguồn' }),
      ),
    );
    expect((await u.unit.get(`/api/v1/registrations/${reg.id}`)).body.version).toBe(reg.version);
    const login = JSON.stringify({ username: 'officer', password: DEMO_PASSWORD });
    const refused = await send(srv.baseUrl, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json', origin: EVIL }, login);
    expectRefused(refused);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expectRefused(await send(srv.baseUrl, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, login));
    const ok = await send(srv.baseUrl, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json', origin: srv.baseUrl }, login);
    expect(ok.status).toBe(200);
  });

  it('with DVK_PUBLIC_URL set, only that address may write, even when Origin matches the Host sent', async () => {
    const lan = 'http://192.168.1.5:3000';
    expectRefused(await send(srv.baseUrl, 'POST', '/api/v1/auth/logout', { host: '192.168.1.5:3000', origin: lan }));
    expect((await send(srv.baseUrl, 'POST', '/api/v1/auth/logout', { origin: srv.baseUrl })).status).toBe(204);
  });

  it('the refusal is in English on request', async () => {
    const r = await send(srv.baseUrl, 'POST', '/api/v1/auth/logout', { origin: EVIL, 'accept-language': 'en' });
    expect(r.status).toBe(403);
    expect(json(r.text).error).toEqual({ code: 'CROSS_SITE_REQUEST', message: expect.stringMatching(/not sent from a DVK page/) });
  });
});

describe('without DVK_PUBLIC_URL: the listening address and the address the page was opened by', () => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = await buildApp({ db: srv.db, filesDir: srv.filesDir, webDir: null });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('accepts localhost and 127.0.0.1 on the listening port, and a LAN address when Origin equals Host', async () => {
    const port = new URL(base).port;
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      expect((await send(base, 'POST', '/api/v1/auth/logout', { origin })).status).toBe(204);
    }
    // A phone on the office network opens DVK at http://192.168.1.5:3000.
    expect((await send(base, 'POST', '/api/v1/auth/logout', { host: '192.168.1.5:3000', origin: 'http://192.168.1.5:3000' })).status).toBe(
      204,
    );
    expect(
      (await send(base, 'POST', '/api/v1/auth/logout', { host: '192.168.1.5:3000', referer: 'http://192.168.1.5:3000/dang-nhap' })).status,
    ).toBe(204);
  });

  it('refuses another site, another port and an Origin that differs from Host', async () => {
    expectRefused(await send(base, 'POST', '/api/v1/auth/logout', { origin: EVIL }));
    expectRefused(await send(base, 'POST', '/api/v1/auth/logout', { origin: 'http://localhost:1' }));
    expectRefused(await send(base, 'POST', '/api/v1/auth/logout', { host: '192.168.1.5:3000', origin: 'http://192.168.1.6:3000' }));
    expectRefused(await send(base, 'POST', '/api/v1/auth/logout', {}));
  });

  it("the showcase's links use the listening address, not the Host header", async () => {
    const r = await send(base, 'GET', '/cong-khai', { host: 'evil.example' });
    expect(r.status).toBe(200);
    expect(r.text).toContain(`<link rel="canonical" href="http://localhost:${new URL(base).port}/cong-khai">`);
    expect(r.text).not.toContain('evil.example');
  });
});

describe("the showcase's canonical and share links", () => {
  it('use the public address whatever Host the request brought', async () => {
    const list = await send(srv.baseUrl, 'GET', '/cong-khai', { host: 'evil.example' });
    expect(list.status).toBe(200);
    expect(list.text).toContain(`<link rel="canonical" href="${srv.baseUrl}/cong-khai">`);
    expect(list.text).toContain(`<meta property="og:url" content="${srv.baseUrl}/cong-khai">`);
    expect(list.text).not.toContain('evil.example');

    const slug = /href="\/cong-khai\/mo-hinh\/([^"]+)"/.exec(list.text)![1]!;
    const model = await send(srv.baseUrl, 'GET', `/cong-khai/mo-hinh/${slug}`, { host: 'evil.example' });
    expect(model.status).toBe(200);
    expect(model.text).toContain(`<link rel="canonical" href="${srv.baseUrl}/cong-khai/mo-hinh/${slug}">`);
    expect(model.text).toContain(`<meta property="og:url" content="${srv.baseUrl}/cong-khai/mo-hinh/${slug}">`);
    expect(model.text).toMatch(
      new RegExp(`<meta property="og:image" content="${srv.baseUrl.replace(/\./g, '\\.')}/cong-khai/anh/[0-9a-f-]+">`),
    );
    expect(model.text).not.toContain('evil.example');
  });
});

describe('security headers', () => {
  function expectHeaders(h: http.IncomingHttpHeaders) {
    const csp = String(h['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['x-frame-options']).toBe('DENY');
    // Plain HTTP here (DVK_SECURE_COOKIES is not set): no HSTS.
    expect(h['strict-transport-security']).toBeUndefined();
  }

  it('are on API answers, errors included', async () => {
    const health = await send(srv.baseUrl, 'GET', '/api/health', {});
    expect(health.status).toBe(200);
    expectHeaders(health.headers);
    const me = await send(srv.baseUrl, 'GET', '/api/v1/auth/me', {});
    expect(me.status).toBe(401);
    expectHeaders(me.headers);
    const refused = await send(srv.baseUrl, 'POST', '/api/v1/auth/logout', { origin: EVIL });
    expect(refused.status).toBe(403);
    expectHeaders(refused.headers);
    const missing = await send(srv.baseUrl, 'GET', '/api/v1/khong-co', {});
    expect(missing.status).toBe(404);
    expectHeaders(missing.headers);
  });

  it('are on a showcase page', async () => {
    const r = await send(srv.baseUrl, 'GET', '/cong-khai', {});
    expect(r.status).toBe(200);
    expectHeaders(r.headers);
    // Its styles are inline: the policy must let them apply.
    expect(String(r.headers['content-security-policy'])).toMatch(/style-src 'self' 'unsafe-inline'/);
  });

  it("are on the web app's page and its files, and HSTS is sent when DVK runs behind HTTPS", async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><html lang="vi"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'export {};');
    const plain = await buildApp({ db: srv.db, filesDir: srv.filesDir, webDir, publicUrl: 'http://127.0.0.1' });
    const secure = await buildApp({ db: srv.db, filesDir: srv.filesDir, webDir, publicUrl: 'https://dvk.vinhlong.gov.vn', secure: true });
    try {
      await plain.listen({ port: 0, host: '127.0.0.1' });
      await secure.listen({ port: 0, host: '127.0.0.1' });
      const baseOf = (a: FastifyInstance) => {
        const ad = a.server.address();
        return `http://127.0.0.1:${typeof ad === 'object' && ad ? ad.port : 0}`;
      };
      const index = await send(baseOf(plain), 'GET', '/viec-can-lam', {});
      expect(index.status).toBe(200);
      expect(index.text).toContain('<div id="root">');
      expectHeaders(index.headers);
      const asset = await send(baseOf(plain), 'GET', '/assets/app.js', {});
      expect(asset.status).toBe(200);
      expectHeaders(asset.headers);

      const overHttps = await send(baseOf(secure), 'GET', '/viec-can-lam', {});
      expect(overHttps.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(String(overHttps.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      expect((await send(baseOf(secure), 'GET', '/api/health', {})).headers['strict-transport-security']).toMatch(/max-age=/);
    } finally {
      await plain.close();
      await secure.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });
});
