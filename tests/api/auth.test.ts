import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/server.js';
import { DEMO_PROVINCE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ web: false });
});
afterAll(async () => {
  await srv?.close();
});

describe('sign-in', () => {
  it('signs in with a httpOnly session cookie and tells who the user is', async () => {
    const c = new Client(srv.baseUrl);
    const r = await c.login('officer', DEMO_PASSWORD);
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^dvk_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(r.body.user.username).toBe('officer');
    expect(r.body.user.viewScope.name).toBe('Tỉnh Vĩnh Long');
    expect(r.body.capabilities).toEqual({ manageUsers: false, viewAudit: true, createUnits: true });
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.fullName).toBe('Nguyễn Thị Thu Hà');
  });

  it('tells what the user may create, from the policy, so no screen tests a role', async () => {
    const officer = await loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD);
    expect((await officer.get('/api/v1/auth/me')).body.canCreate).toEqual({
      campaign: true,
      round: true,
      criterion: true,
      registration: true,
      unit: true,
      user: false,
      report: true,
    });
    const member = await loggedIn(srv.baseUrl, 'member', DEMO_PASSWORD);
    expect((await member.get('/api/v1/auth/me')).body.canCreate).toEqual({
      campaign: false,
      round: false,
      criterion: false,
      registration: false,
      unit: false,
      user: false,
      report: false,
    });
    const openapi = await officer.get('/api/v1/openapi.json');
    expect(JSON.stringify(openapi.body)).toContain('canCreate');
  });

  it('tells who has a to-do page: everyone who works on records, not the read-only leader', async () => {
    const todo = async (name: string) => (await (await loggedIn(srv.baseUrl, name, DEMO_PASSWORD)).get('/api/v1/auth/me')).body.todo;
    expect(await todo('officer')).toBe(true);
    expect(await todo('member')).toBe(true);
    expect(await todo('unit')).toBe(true);
    expect(await todo('viewer')).toBe(false);
  });

  it('usernames are not case-sensitive', async () => {
    const r = await new Client(srv.baseUrl).login('OFFICER', DEMO_PASSWORD);
    expect(r.status).toBe(200);
  });

  it('answers a wrong password with a Vietnamese message, or English on request', async () => {
    const vi = await new Client(srv.baseUrl).login('member', 'sai-mat-khau');
    expect(vi.status).toBe(401);
    expect(vi.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(vi.body.error.message).toContain('mật khẩu không đúng');
    const en = await new Client(srv.baseUrl, 'en-US,en;q=0.9').login('member', 'wrong');
    expect(en.status).toBe(401);
    expect(en.body.error.message).toContain('Wrong username or password');
  });

  it('rejects requests without a session with 401', async () => {
    const r = await new Client(srv.baseUrl).get('/api/v1/units');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
    expect(r.body.error.message).toMatch(/đăng nhập/);
  });

  it('rate-limits repeated failures with 429, even for the right password afterwards', async () => {
    const c = new Client(srv.baseUrl);
    for (let i = 0; i < 5; i++) expect((await c.login('viewer', `wrong-${i}`)).status).toBe(401);
    const blocked = await c.login('viewer', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.body.error.message).toMatch(/thử lại sau \d+ phút/);
    // another account is not affected
    expect((await c.login('unit', DEMO_PASSWORD)).status).toBe(200);
  });

  it('logout ends the session on the server', async () => {
    const c = await loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD);
    const stolen = c.cookie;
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    const replay = new Client(srv.baseUrl);
    replay.cookie = stolen;
    expect((await replay.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('an expired session is refused', async () => {
    const c = await loggedIn(srv.baseUrl, 'member', DEMO_PASSWORD);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    await srv.db.pool.query(`update user_session set expires_at = now() - interval '1 minute'`);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('changes the password: checks the current one and the strength, then only the new one works', async () => {
    const admin = await loggedIn(srv.baseUrl, 'admin', DEMO_PASSWORD);
    const province = (await admin.get(`/api/v1/units?q=${DEMO_PROVINCE_UNIT}`)).body.items[0];
    const created = await admin.post('/api/v1/users', {
      username: 'doimatkhau',
      fullName: 'Người Đổi Mật Khẩu',
      role: 'viewer',
      unitId: province.id,
      entryUnitId: null,
      viewUnitId: province.id,
      password: 'Tam-thoi-123',
    });
    expect(created.status).toBe(201);
    expect(created.body.mustChangePassword).toBe(true);
    const c = await loggedIn(srv.baseUrl, 'doimatkhau', 'Tam-thoi-123');
    const wrong = await c.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'Moi-mat-khau-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    const weak = await c.post('/api/v1/auth/password', { currentPassword: 'Tam-thoi-123', newPassword: 'abc' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    expect((await c.post('/api/v1/auth/password', { currentPassword: 'Tam-thoi-123', newPassword: 'Moi-mat-khau-1' })).status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).body.user.mustChangePassword).toBe(false);
    expect((await new Client(srv.baseUrl).login('doimatkhau', 'Tam-thoi-123')).status).toBe(401);
    expect((await new Client(srv.baseUrl).login('doimatkhau', 'Moi-mat-khau-1')).status).toBe(200);
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const { rows } = await srv.db.pool.query(`select password_hash from app_user where username = 'officer'`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(DEMO_PASSWORD);
  });
});

describe('a password set by an administrator', () => {
  it('must be changed before any other work', async () => {
    const admin = await loggedIn(srv.baseUrl, 'admin', DEMO_PASSWORD);
    const province = (await admin.get(`/api/v1/units?q=${DEMO_PROVINCE_UNIT}`)).body.items[0];
    await admin.post('/api/v1/users', {
      username: 'moi.cap',
      fullName: 'Tài khoản mới cấp',
      role: 'viewer',
      unitId: province.id,
      entryUnitId: null,
      viewUnitId: province.id,
      password: 'Cap-moi-2026',
    });
    const c = new Client(srv.baseUrl);
    expect((await c.login('moi.cap', 'Cap-moi-2026')).body.user.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/v1/units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    expect((await c.post('/api/v1/auth/password', { currentPassword: 'Cap-moi-2026', newPassword: 'Da-doi-2026' })).status).toBe(204);
    expect((await c.get('/api/v1/units')).status).toBe(200);
  });

  it('signing in again replaces the session the browser held', async () => {
    const c = await loggedIn(srv.baseUrl, 'member', DEMO_PASSWORD);
    const old = c.cookie;
    expect((await c.login('member', DEMO_PASSWORD)).status).toBe(200);
    const replay = new Client(srv.baseUrl);
    replay.cookie = old;
    expect((await replay.get('/api/v1/auth/me')).status).toBe(401);
  });
});
