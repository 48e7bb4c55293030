/**
 * Two app instances on one database, as behind a load balancer: nothing lives in an instance's
 * memory that the other needs. A write on one is read on the other; a session opened on one is
 * valid on the other, and so is signing out; an export queued on one is finished and served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, startSecondInstance, startTestServer, type TestServer } from '../support/server.js';
import { unitId } from './helpers.js';
import { DEMO_COMMUNE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let second: Awaited<ReturnType<typeof startSecondInstance>>;

beforeAll(async () => {
  srv = await startTestServer({ web: false });
  second = await startSecondInstance(srv);
});
afterAll(async () => {
  await second?.close();
  await srv?.close();
});

/** A draft model of the commune's women's union, written through the given client. */
async function draft(c: Client, title: string) {
  const women = await unitId(c, `${DEMO_COMMUNE_UNIT}-HPN`);
  return c.post('/api/v1/registrations', {
    kind: 'model',
    unitId: women,
    holder: 'collective',
    title,
    fieldCode: 'economic',
    startDate: '2026-02-01',
    endDate: '2026-10-01',
    level: 'grassroots',
    criteria: [{ name: 'Số hộ', target: 5 }],
  });
}

describe('two app instances on one database', () => {
  it('a login on one is valid on the other, and signing out on the other ends it', async () => {
    const a = await loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD);
    const b = new Client(second.baseUrl);
    b.cookie = a.cookie;
    const me = await b.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('officer');
    expect((await b.post('/api/v1/auth/logout')).status).toBe(204);
    const gone = await a.get('/api/v1/auth/me');
    expect(gone.status).toBe(401);
  });

  it('a registration written through one is read, counted and searched through the other', async () => {
    const a = await loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD);
    const b = new Client(second.baseUrl);
    b.cookie = a.cookie;
    const made = await draft(a, 'Mô hình ghi ở máy một đọc ở máy hai');
    expect(made.status).toBe(201);
    const read = await b.get(`/api/v1/registrations/${made.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.title).toBe('Mô hình ghi ở máy một đọc ở máy hai');
    // an edit on the second with the version read there; the first sees the new version
    const edited = await b.patch(`/api/v1/registrations/${made.body.id}`, { version: read.body.version, problem: 'Sửa ở máy hai' });
    expect(edited.status).toBe(200);
    const stale = await a.patch(`/api/v1/registrations/${made.body.id}`, { version: made.body.version, problem: 'Sửa cũ ở máy một' });
    expect(stale.status).toBe(409);
    expect((await b.get('/api/v1/search?q=may hai')).body.total).toBe(1);
    const stats = await b.get(`/api/v1/stats?unitId=${await unitId(a, `${DEMO_COMMUNE_UNIT}-HPN`)}&allStates=true`);
    expect(stats.body.total.count).toBe(1);
  });

  it('the bell counts the same on both: a return made through one is counted, then read, through the other', async () => {
    const unit = await loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD);
    const officer = await loggedIn(second.baseUrl, 'officer', DEMO_PASSWORD);
    const onSecond = new Client(second.baseUrl);
    onSecond.cookie = unit.cookie;
    const before = (await unit.get('/api/v1/notifications/count')).body.unread as number;
    expect((await onSecond.get('/api/v1/notifications/count')).body.unread).toBe(before);
    const made = await draft(unit, 'Mô hình trả lại ở máy hai');
    const sent = await unit.post(`/api/v1/registrations/${made.body.id}/submit`, { version: made.body.version });
    expect(sent.status).toBe(200);
    const back = await officer.post(`/api/v1/registrations/${made.body.id}/return`, {
      version: sent.body.version,
      reason: 'Bổ sung số liệu',
    });
    expect(back.status).toBe(200);
    expect((await unit.get('/api/v1/notifications/count')).body.unread).toBe(before + 1);
    expect((await onSecond.get('/api/v1/notifications/count')).body.unread).toBe(before + 1);
    const marked = await onSecond.post('/api/v1/notifications/read-all');
    expect(marked.status).toBe(200);
    expect((await unit.get('/api/v1/notifications/count')).body.unread).toBe(0);
  });

  it('an export asked of one instance is made and served by the instances together', async () => {
    const a = await loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD);
    const b = new Client(second.baseUrl);
    b.cookie = a.cookie;
    const job = await a.post('/api/v1/exports', { kind: 'registrations', filter: {} });
    expect(job.status).toBe(202);
    let state = job.body;
    for (let i = 0; i < 100 && state.state !== 'done' && state.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await b.get(`/api/v1/exports/${job.body.id}`)).body;
    }
    expect(state.state).toBe('done');
    const file = await fetch(`${second.baseUrl}/api/v1/exports/${job.body.id}/file`, { headers: { cookie: b.cookie! } });
    expect(file.status).toBe(200);
  });
});
