/** Ways to gain rights one does not have: each must be refused. */
import { describe, expect, it } from 'vitest';
import { loggedIn, type Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let province: string, commune: string, womenUnion: string;
let communeAdmin: Client;

useDemo(async (demo) => {
  ({
    srv,
    u,
    units: { province, commune, womenUnion },
  } = demo);
  await u.admin.post('/api/v1/users', {
    username: 'qt.xa',
    fullName: 'Quản trị xã',
    role: 'admin',
    unitId: commune,
    entryUnitId: commune,
    viewUnitId: commune,
    password: 'Mat-khau-2026',
  });
  communeAdmin = await loggedIn(srv.baseUrl, 'qt.xa', 'Mat-khau-2026');
});

describe('no escalation', () => {
  it('a commune administrator cannot change or reset an account whose scope reaches beyond the commune', async () => {
    // lives in the commune, but reads and writes the whole province
    const wide = await u.admin.post('/api/v1/users', {
      username: 'rong',
      fullName: 'Tài khoản phạm vi tỉnh',
      role: 'viewer',
      unitId: commune,
      entryUnitId: null,
      viewUnitId: province,
      password: 'Mat-khau-2026',
    });
    expect(wide.status).toBe(201);
    const promote = await communeAdmin.patch(`/api/v1/users/${wide.body.id}`, { version: wide.body.version, role: 'admin' });
    expect(promote.status).toBe(403);
    expect((await communeAdmin.post(`/api/v1/users/${wide.body.id}/reset-password`, { newPassword: 'Chiem-quyen-1' })).status).toBe(403);
    const after = await u.admin.get(`/api/v1/users/${wide.body.id}`);
    expect(after.body.role).toBe('viewer');
  });

  it('nobody changes their own role, scopes or lock', async () => {
    const me = (await communeAdmin.get('/api/v1/auth/me')).body.user;
    expect((await communeAdmin.patch(`/api/v1/users/${me.id}`, { version: me.version, viewUnitId: province })).status).toBe(403);
    expect((await communeAdmin.patch(`/api/v1/users/${me.id}`, { version: me.version, role: 'officer' })).status).toBe(403);
    const renamed = await communeAdmin.patch(`/api/v1/users/${me.id}`, { version: me.version, fullName: 'Quản trị xã Càng Long' });
    expect(renamed.status).toBe(200);
  });

  it('a read-only or unit account cannot be made supporter (and so inspector) of a model', async () => {
    const d = await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: womenUnion,
      holder: 'collective',
      title: 'Mô hình thử hỗ trợ',
      fieldCode: 'other',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
      criteria: [{ name: 'Chỉ tiêu', target: 1 }],
    });
    const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
    for (const who of ['viewer', 'unit'] as const) {
      const id = (await u[who].get('/api/v1/auth/me')).body.user.id;
      const r = await u.officer.post(`/api/v1/registrations/${d.body.id}/accept`, { version: s.body.version, supporterId: id });
      expect(r.status, who).toBe(400);
      expect(r.body.error.code).toBe('SUPPORTER_INVALID');
    }
    const candidates = (await u.officer.get(`/api/v1/registrations/${d.body.id}/supporter-candidates`)).body.map((c: any) => c.fullName);
    expect(candidates).not.toContain('Phạm Quốc Hùng');
    expect(candidates).not.toContain('Lê Minh Tâm');
  });

  it('only the national level edits the national criteria catalogue; a province adds its own', async () => {
    const national = (await u.officer.get('/api/v1/criteria-templates?target=model')).body[0];
    expect(
      (await u.officer.patch(`/api/v1/criteria-templates/${national.id}`, { version: national.version, name: 'Sửa danh mục quốc gia' }))
        .status,
    ).toBe(403);
    const own = await u.officer.post('/api/v1/criteria-templates', { target: 'model', unitKind: null, name: 'Tiêu chí riêng của tỉnh' });
    expect(own.status).toBe(201);
    expect(
      (
        await u.officer.patch(`/api/v1/criteria-templates/${own.body.id}`, {
          version: own.body.version,
          name: 'Tiêu chí riêng của tỉnh (sửa)',
        })
      ).status,
    ).toBe(200);
    const edited = await u.admin.patch(`/api/v1/criteria-templates/${national.id}`, {
      version: national.version,
      description: 'Ghi chú của cấp Trung ương',
    });
    expect(edited.status).toBe(200);
    // a commune officer sees the province's addition but cannot change it
    await u.admin.post('/api/v1/users', {
      username: 'bdv.xa',
      fullName: 'Cán bộ dân vận xã',
      role: 'officer',
      unitId: commune,
      entryUnitId: commune,
      viewUnitId: commune,
      password: 'Mat-khau-2026',
    });
    const communeOfficer = await loggedIn(srv.baseUrl, 'bdv.xa', 'Mat-khau-2026');
    const list = (await communeOfficer.get('/api/v1/criteria-templates?target=model')).body.map((c: any) => c.id);
    expect(list).toContain(own.body.id);
    expect((await communeOfficer.patch(`/api/v1/criteria-templates/${own.body.id}`, { version: 2, name: 'x' })).status).toBe(403);
  });

  it('a province officer cannot acknowledge on behalf of the collective, nor recognise with a single vote', async () => {
    const d = await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: womenUnion,
      holder: 'collective',
      title: 'Mô hình thử một phiếu',
      fieldCode: 'other',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'commune',
      criteria: [{ name: 'Chỉ tiêu', target: 1 }],
    });
    const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
    const a = await u.officer.post(`/api/v1/registrations/${d.body.id}/accept`, { version: s.body.version });
    const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Đợt thử' });
    await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: d.body.id });
    const base = `/api/v1/recognition-rounds/${round.body.id}/candidates/${d.body.id}`;
    await u.officer.put(`${base}/checklist`, { items: a.body.criteria.map((c: any) => ({ criterionId: c.id, mark: 'met' })) });
    expect((await u.officer.post(`${base}/acknowledge`, {})).status).toBe(403);
    await u.unit.post(`${base}/acknowledge`, {});
    await u.officer.post(`${base}/vote`, { vote: 'for' });
    const alone = await u.officer.post(`${base}/decide`, {
      result: 'recognised',
      level: 'province',
      decisionNo: '1',
      decisionDate: '2026-11-20',
      issuer: 'BCĐ',
    });
    expect(alone.status).toBe(409);
    expect(alone.body.error.message).toContain('cần ít nhất 2 thành viên');
  });

  it('an unknown or out-of-scope campaign cannot be attached to a recognition round', async () => {
    const r = await u.officer.post('/api/v1/recognition-rounds', {
      unitId: province,
      title: 'Đợt lạ',
      campaignId: '00000000-0000-4000-8000-000000000000',
    });
    expect(r.status).toBe(404);
  });
});
