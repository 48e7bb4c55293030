/**
 * Webhooks: officers in scope register an address for their province or unit; the events of that
 * subtree (and only those) are POSTed to it, signed with HMAC-SHA256 of timestamp and body; a
 * refusal is retried with back-off and the event accepted once. The OpenAPI document shows how to
 * verify the signature. A real HTTP receiver; the jobs' clock is the test's.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/services/webhooks/signature.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginAll, unitId, type Users } from './helpers.js';

interface Call {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}
let srv: TestServer;
let u: Users;
let receiver: http.Server;
let base = '';
const calls: Call[] = [];
let refuse = 0;
let t = Date.now();
const now = () => new Date(t);
let commune: string, otherCommune: string, womenUnion: string;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = refuse > 0 ? (refuse--, 503) : 200;
      calls.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  srv = await startTestServer({ web: false, app: { now } });
  u = await loginAll(srv);
  [commune, otherCommune, womenUnion] = (await Promise.all(['X29266', 'X29242', 'X29266-HPN'].map((c) => unitId(u.admin, c)))) as [
    string,
    string,
    string,
  ];
});
afterAll(async () => {
  await srv?.close();
  await new Promise((r) => receiver?.close(r));
});

async function submitted(title: string) {
  const d = await u.unit.post('/api/v1/registrations', {
    kind: 'model',
    unitId: womenUnion,
    holder: 'collective',
    title,
    fieldCode: 'economic',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    criteria: [{ name: 'Số hộ tham gia', target: 50, unitOfMeasure: 'hộ' }],
  });
  const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
  expect(s.status).toBe(200);
  return s.body;
}
const clockAfterRequests = () => {
  t = Math.max(t, Date.now()) + 1000;
};

describe('webhooks', () => {
  let secret = '';

  it('officers in scope register one; a unit officer may not; the secret is shown once', async () => {
    const made = await u.officer.post('/api/v1/webhooks', { unitId: commune, url: `${base}/cang-long` });
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^[0-9a-f]{64}$/);
    secret = made.body.secret;
    expect((await u.officer.post('/api/v1/webhooks', { unitId: otherCommune, url: `${base}/tra-vinh` })).status).toBe(201);
    expect((await u.unit.post('/api/v1/webhooks', { unitId: commune, url: `${base}/x` })).status).toBe(403);
    const list = await u.officer.get('/api/v1/webhooks');
    expect(list.body.items.map((w: any) => w.url).sort()).toEqual([`${base}/cang-long`, `${base}/tra-vinh`]);
    expect(JSON.stringify(list.body)).not.toContain(secret);
  });

  it('an event is POSTed, signed, to the webhooks above its record only', async () => {
    const sub = await submitted('Mô hình báo qua webhook');
    clockAfterRequests();
    expect(await srv.app.jobs.webhooks.run()).toMatchObject({ sent: 1 });
    expect(calls.filter((c) => c.path === '/tra-vinh')).toHaveLength(0);
    const got = calls.filter((c) => c.path === '/cang-long');
    expect(got).toHaveLength(1);
    const call = got[0]!;
    const ts = Number(call.headers['x-dvk-timestamp']);
    expect(ts).toBe(Math.floor(t / 1000));
    expect(verifyWebhook(secret, ts, call.body, String(call.headers['x-dvk-signature']))).toBe(true);
    expect(verifyWebhook(secret, ts, call.body.replace('webhook', 'WEBHOOK'), String(call.headers['x-dvk-signature']))).toBe(false);
    expect(JSON.parse(call.body)).toMatchObject({
      event: 'registration.submitted',
      entity: { type: 'registration', id: sub.id, title: 'Mô hình báo qua webhook' },
      url: `${srv.baseUrl}/mo-hinh/${sub.id}`,
    });
  });

  it('a receiver that refuses twice gets the event again after back-off, and accepts it once', async () => {
    calls.length = 0;
    refuse = 2;
    await submitted('Mô hình gửi lại qua webhook');
    clockAfterRequests();
    expect(await srv.app.jobs.webhooks.run()).toMatchObject({ retried: 1 });
    expect(await srv.app.jobs.webhooks.run()).toMatchObject({ sent: 0, retried: 0 });
    t += 60_000;
    expect(await srv.app.jobs.webhooks.run()).toMatchObject({ retried: 1 });
    t += 120_000;
    expect(await srv.app.jobs.webhooks.run()).toMatchObject({ sent: 1 });
    t += 3600_000;
    expect(await srv.app.jobs.webhooks.run()).toMatchObject({ sent: 0, retried: 0 });
    expect(calls.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(new Set(calls.map((c) => JSON.parse(c.body).id)).size).toBe(1);
    // Its managers see the last deliveries, newest first: this one took three tries.
    const hook = (await u.officer.get('/api/v1/webhooks')).body.items.find((w: any) => w.url === `${base}/cang-long`);
    const last = await u.officer.get(`/api/v1/webhooks/${hook.id}/deliveries`);
    expect(last.status).toBe(200);
    expect(last.body.items.map((d: any) => [d.title, d.state, d.attempts, d.lastStatus])).toEqual([
      ['Mô hình gửi lại qua webhook', 'sent', 3, 200],
      ['Mô hình báo qua webhook', 'sent', 1, 200],
    ]);
    expect(last.body.items[0]).toMatchObject({ event: 'registration.submitted', deliveredAt: expect.any(String) });
    // the commune officer sees the commune but does not manage its webhooks
    expect((await u.unit.get(`/api/v1/webhooks/${hook.id}/deliveries`)).status).toBe(403);
  });

  it('the OpenAPI document explains the signature with an example of verifying it', async () => {
    const doc = await u.officer.get('/api/v1/openapi.json');
    const op = doc.body.paths['/api/v1/webhooks'].post;
    expect(op.description).toContain('X-DVK-Signature');
    expect(op.description).toContain("createHmac('sha256', secret).update(ts + '.' + rawBody)");
  });
});
