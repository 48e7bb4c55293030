import { describe, expect, it } from 'vitest';
import { Client, loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, type TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let province: string, commune: string, otherCommune: string;

useDemo((demo) => {
  ({
    srv,
    u,
    units: { province, commune, otherCommune },
  } = demo);
});

const newUser = (over: Record<string, unknown> = {}) => ({
  username: 'canbo.traVinh'.toLowerCase(),
  fullName: 'Võ Thị Mai',
  position: 'Chủ tịch Hội Phụ nữ',
  role: 'unit_officer',
  password: 'Mat-khau-2026',
  ...over,
});

describe('accounts', () => {
  it('only administrators manage accounts', async () => {
    for (const who of ['officer', 'member', 'unit', 'viewer'] as const) {
      const r = await u[who].get('/api/v1/users');
      expect(r.status, who).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    const list = await u.admin.get('/api/v1/users');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: any) => x.username)).toEqual(expect.arrayContaining(['admin', 'officer', 'member', 'unit', 'viewer']));
  });

  it('creates an account scoped to a commune; the new user sees only that commune', async () => {
    const r = await u.admin.post('/api/v1/users', newUser({ unitId: otherCommune, entryUnitId: otherCommune, viewUnitId: otherCommune }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ username: 'canbo.travinh', role: 'unit_officer', mustChangePassword: true });
    expect(r.body.entryScope.name).toBe('Phường Trà Vinh');
    const c = await loggedIn(srv.baseUrl, 'canbo.travinh', 'Mat-khau-2026');
    expect((await c.get(`/api/v1/units/${otherCommune}`)).status).toBe(200);
    expect((await c.get(`/api/v1/units/${commune}`)).status).toBe(404);
    const audit = await u.admin.get(`/api/v1/audit?entityType=user&entityId=${r.body.id}&action=user.create`);
    expect(audit.body.items[0]).toMatchObject({ action: 'user.create', actorName: 'Quản trị hệ thống' });
    expect(JSON.stringify(audit.body.items[0])).not.toContain('argon2');
  });

  it('refuses a taken username, a weak password and an entry scope outside the view scope', async () => {
    const taken = await u.admin.post(
      '/api/v1/users',
      newUser({ username: 'officer', unitId: commune, entryUnitId: commune, viewUnitId: commune }),
    );
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('USERNAME_TAKEN');
    const weak = await u.admin.post(
      '/api/v1/users',
      newUser({ username: 'yeu', password: 'aaaaaaaa', unitId: commune, entryUnitId: commune, viewUnitId: commune }),
    );
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    const scope = await u.admin.post(
      '/api/v1/users',
      newUser({ username: 'lechpham', unitId: commune, entryUnitId: province, viewUnitId: commune }),
    );
    expect(scope.status).toBe(400);
    expect(scope.body.error.code).toBe('SCOPE_INVALID');
    const { rows } = await srv.db.pool.query(`select count(*)::int as n from app_user where username in ('yeu', 'lechpham')`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses common passwords with a Vietnamese message saying what is needed and why; a strong one works', async () => {
    for (const password of ['password1', '12345678a']) {
      const weak = await u.admin.post(
        '/api/v1/users',
        newUser({ username: 'mk.yeu', password, unitId: commune, entryUnitId: commune, viewUnitId: commune }),
      );
      expect(weak.status, password).toBe(400);
      expect(weak.body.error.code).toBe('WEAK_PASSWORD');
      expect(weak.body.error.message).toContain('quá phổ biến');
      expect(weak.body.error.message).toContain('ít nhất 8 ký tự');
    }
    const strong = await u.admin.post(
      '/api/v1/users',
      newUser({ username: 'mk.yeu', password: 'Hoa-sen-tren-song-7', unitId: commune, entryUnitId: commune, viewUnitId: commune }),
    );
    expect(strong.status).toBe(201);
    expect((await new Client(srv.baseUrl).login('mk.yeu', 'Hoa-sen-tren-song-7')).status).toBe(200);
  });

  it("a reset password may not be common, nor the account's own username", async () => {
    const created = await u.admin.post(
      '/api/v1/users',
      newUser({ username: 'dat.lai', unitId: commune, entryUnitId: commune, viewUnitId: commune }),
    );
    for (const newPassword of ['12345678a', 'dat.lai2026']) {
      const r = await u.admin.post(`/api/v1/users/${created.body.id}/reset-password`, { newPassword });
      expect(r.status, newPassword).toBe(400);
      expect(r.body.error.code).toBe('WEAK_PASSWORD');
    }
    expect((await new Client(srv.baseUrl).login('dat.lai', 'Mat-khau-2026')).status).toBe(200);
  });

  it('a user may not choose the demo password, nor a common one, for their own account', async () => {
    const c = await loggedIn(srv.baseUrl, 'unit', DEMO_PASSWORD);
    for (const newPassword of ['DanVanKheo2026', 'password1']) {
      const r = await c.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword });
      expect(r.status, newPassword).toBe(400);
      expect(r.body.error.code).toBe('WEAK_PASSWORD');
      expect(r.body.error.message).toMatch(/Mật khẩu mới chưa an toàn: .+\. Mật khẩu cần ít nhất 8 ký tự/);
    }
  });

  it('resets a password: old sessions end, the user must change it at next sign-in', async () => {
    const created = await u.admin.post(
      '/api/v1/users',
      newUser({ username: 'quenmk', unitId: commune, entryUnitId: commune, viewUnitId: commune }),
    );
    const c = await loggedIn(srv.baseUrl, 'quenmk', 'Mat-khau-2026');
    expect((await u.admin.post(`/api/v1/users/${created.body.id}/reset-password`, { newPassword: 'Cap-lai-2026' })).status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    const again = await new Client(srv.baseUrl).login('quenmk', 'Cap-lai-2026');
    expect(again.status).toBe(200);
    expect(again.body.user.mustChangePassword).toBe(true);
  });

  it('locks an account: its sessions end and it cannot sign in', async () => {
    const created = await u.admin.post(
      '/api/v1/users',
      newUser({ username: 'khoa', unitId: commune, entryUnitId: commune, viewUnitId: commune }),
    );
    const c = await loggedIn(srv.baseUrl, 'khoa', 'Mat-khau-2026');
    const current = (await u.admin.get(`/api/v1/users/${created.body.id}`)).body;
    const locked = await u.admin.patch(`/api/v1/users/${created.body.id}`, { version: current.version, active: false });
    expect(locked.status).toBe(200);
    expect(locked.body.active).toBe(false);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    const r = await new Client(srv.baseUrl).login('khoa', 'Mat-khau-2026');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('ACCOUNT_DISABLED');
    const stale = await u.admin.patch(`/api/v1/users/${created.body.id}`, { version: created.body.version, fullName: 'Khác' });
    expect(stale.status).toBe(409);
  });

  it('a commune administrator sees and manages only the accounts of the commune', async () => {
    const created = await u.admin.post(
      '/api/v1/users',
      newUser({ username: 'qt.tinh', role: 'admin', unitId: commune, entryUnitId: commune, viewUnitId: commune }),
    );
    const local = await loggedIn(srv.baseUrl, 'qt.tinh', 'Mat-khau-2026');
    expect(created.status).toBe(201);
    const officerId = (await u.admin.get('/api/v1/users?q=officer')).body.items[0].id;
    expect((await local.get(`/api/v1/users/${officerId}`)).status).toBe(404);
    const communePath = (await u.admin.get(`/api/v1/units/${commune}`)).body.path;
    const list = await local.get('/api/v1/users');
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const x of list.body.items)
      expect(x.unit.path === communePath || x.unit.path.startsWith(communePath + '.'), x.username).toBe(true);
    expect(list.body.items.map((x: any) => x.username)).not.toContain('officer');
    const outside = await local.post(
      '/api/v1/users',
      newUser({ username: 'ngoaipv', unitId: province, entryUnitId: province, viewUnitId: province }),
    );
    expect(outside.status).toBe(404);
  });

  it('demo accounts sign in with the demo password', async () => {
    for (const name of ['admin', 'officer', 'member', 'unit', 'viewer']) {
      expect((await new Client(srv.baseUrl).login(name, DEMO_PASSWORD)).status, name).toBe(200);
    }
  });
});
