/** Odd input a user or a script can send: each gets a clear 4xx, never a server error. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginAll, unitId, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let commune: string;

beforeAll(async () => {
  srv = await startTestServer({ web: false });
  u = await loginAll(srv);
  commune = await unitId(u.admin, 'X00834');
});
afterAll(async () => { await srv?.close(); });

describe('bad input', () => {
  it('a NUL character in text is refused with 400, signed in or not', async () => {
    const r = await u.officer.post('/api/v1/units', { parentId: commune, code: 'NUL-1', name: 'Tên\u0000lạ', kind: 'other', level: 'grassroots' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect((await u.officer.get('/api/v1/units?q=%00')).status).toBeLessThan(500);
    expect((await new Client(srv.baseUrl).login('ad\u0000min', 'x')).status).toBeLessThan(500);
  });

  it('years and dates out of range are refused', async () => {
    expect((await u.officer.get('/api/v1/registrations?year=99999999999')).status).toBe(400);
    const r = await u.officer.post('/api/v1/units', { parentId: commune, code: 'NGAY-0', name: 'Ngày lạ', kind: 'other', level: 'grassroots', validFrom: '0000-01-01' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('1900–2100');
  });

  it('a typed % or _ in the account search is a literal character', async () => {
    const all = await u.admin.get('/api/v1/users?q=%25');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(0);
  });

  it('two units created at once with the same code: one wins, the other gets 409, never 500', async () => {
    const other = await unitId(u.admin, 'X00707');
    const results = await Promise.all([commune, other, commune, other].map((parentId) =>
      u.admin.post('/api/v1/units', { parentId, code: 'DONG-THOI', name: 'Đơn vị tạo đồng thời', kind: 'other', level: 'grassroots' })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'UNIT_CODE_TAKEN')).toBe(true);
  });
});
