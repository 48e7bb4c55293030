import { describe, expect, it } from 'vitest';
import { loggedIn, type Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { downloadSheet, useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let province: string, commune: string, womenUnion: string, otherCommune: string;
let recognised: any;
let communeOfficer: Client;

useDemo(async (demo) => {
  ({
    srv,
    u,
    units: { province, commune, womenUnion, otherCommune },
  } = demo);
  await u.admin.post('/api/v1/users', {
    username: 'bdv.canglong',
    fullName: 'Cán bộ Dân vận Càng Long',
    role: 'officer',
    unitId: commune,
    entryUnitId: commune,
    viewUnitId: commune,
    password: 'Mat-khau-2026',
  });
  communeOfficer = await loggedIn(srv.baseUrl, 'bdv.canglong', 'Mat-khau-2026');

  const d = await u.unit.post('/api/v1/registrations', {
    kind: 'model',
    unitId: womenUnion,
    holder: 'collective',
    title: 'Mô hình “Phụ nữ giúp nhau làm kinh tế”',
    fieldCode: 'economic',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    criteria: [{ name: 'Số hộ được giúp', target: 30, unitOfMeasure: 'hộ' }],
  });
  const s = await u.unit.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
  const a = await u.officer.post(`/api/v1/registrations/${d.body.id}/accept`, { version: s.body.version });
  const round = await u.officer.post('/api/v1/recognition-rounds', { unitId: province, title: 'Xét công nhận 2026' });
  const base = `/api/v1/recognition-rounds/${round.body.id}/candidates/${d.body.id}`;
  await u.officer.post(`/api/v1/recognition-rounds/${round.body.id}/candidates`, { registrationId: d.body.id });
  await u.officer.put(`${base}/checklist`, { items: a.body.criteria.map((c: any) => ({ criterionId: c.id, mark: 'met' })) });
  await u.unit.post(`${base}/acknowledge`, {});
  await u.member.post(`${base}/vote`, { vote: 'for' });
  await u.officer.post(`${base}/vote`, { vote: 'for' });
  await u.officer.post(`${base}/decide`, {
    result: 'recognised',
    level: 'province',
    decisionNo: '12-QĐ/BCĐ',
    decisionDate: '2026-11-20',
    issuer: 'Ban Chỉ đạo tỉnh',
  });
  recognised = (await u.unit.get(`/api/v1/registrations/${d.body.id}`)).body;
});

describe('commendation', () => {
  it('records a commendation on a recognised model, not on an unrecognised one', async () => {
    expect(recognised.state).toBe('recognised');
    const r = await u.officer.post(`/api/v1/registrations/${recognised.id}/commendations`, {
      formCode: 'giay_khen_btv',
      issuer: 'Ban Thường vụ Tỉnh ủy',
      decisionNo: '45-QĐ/TU',
      decisionDate: '2026-11-22',
    });
    expect(r.status).toBe(201);
    expect(r.body.formName).toBe('Giấy khen của Ban Thường vụ cấp ủy');
    expect((await u.unit.get(`/api/v1/registrations/${recognised.id}/commendations`)).body).toHaveLength(1);
    expect(
      (
        await u.unit.post(`/api/v1/registrations/${recognised.id}/commendations`, {
          formCode: 'giay_khen',
          issuer: 'x',
          decisionNo: '1',
          decisionDate: '2026-11-22',
        })
      ).status,
    ).toBe(403);
  });

  it('a proposal from the commune lands in the province queue and is accepted with its commendation', async () => {
    const seen = (await communeOfficer.get(`/api/v1/registrations/${recognised.id}`)).body;
    expect(seen.actions).toEqual(expect.arrayContaining(['commend', 'propose']));
    expect((await u.unit.get(`/api/v1/registrations/${recognised.id}`)).body.actions).toContain('propose');
    expect((await u.unit.get(`/api/v1/registrations/${recognised.id}`)).body.actions).not.toContain('commend');
    const targets = (await communeOfficer.get('/api/v1/proposal-targets')).body.map((t: any) => t.name);
    expect(targets).toEqual(['Tỉnh Vĩnh Long', 'Trung ương']);
    const wrongTarget = await communeOfficer.post(`/api/v1/registrations/${recognised.id}/proposals`, {
      toUnitId: womenUnion,
      formCode: 'bang_khen_ubnd_tinh',
      reason: 'Mô hình tiêu biểu của xã',
    });
    expect(wrongTarget.status).toBe(400);
    expect(wrongTarget.body.error.code).toBe('PROPOSAL_TARGET_INVALID');
    const p = await communeOfficer.post(`/api/v1/registrations/${recognised.id}/proposals`, {
      toUnitId: province,
      formCode: 'bang_khen_ubnd_tinh',
      reason: 'Mô hình tiêu biểu, giúp 35 hộ thoát nghèo',
    });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ state: 'pending', toUnit: { name: 'Tỉnh Vĩnh Long' }, actions: [] });
    const queue = await u.officer.get('/api/v1/proposals?queue=incoming&state=pending');
    const mine = queue.body.items.find((x: any) => x.id === p.body.id);
    expect(mine.actions).toEqual(['accept', 'decline']);
    const sheet = await downloadSheet(u.officer, '/api/v1/proposals/xlsx?queue=incoming&state=pending');
    expect(sheet.subtitle).toContain('Cấp dưới gửi lên; Trạng thái: Chờ xem xét');
    expect(sheet.rows.map((x) => x[1])).toEqual(queue.body.items.map((x: any) => x.registration.title));
    expect(sheet.rows.find((x) => x[7] === 'Mô hình tiêu biểu, giúp 35 hộ thoát nghèo')!.slice(3, 6)).toEqual([
      'Bằng khen của Ủy ban nhân dân tỉnh',
      'Xã Càng Long',
      'Tỉnh Vĩnh Long',
    ]);
    const declineNoReason = await u.officer.post(`/api/v1/proposals/${p.body.id}/decide`, { version: mine.version, accept: false });
    expect(declineNoReason.body.error.code).toBe('REASON_REQUIRED');
    const ok = await u.officer.post(`/api/v1/proposals/${p.body.id}/decide`, {
      version: mine.version,
      accept: true,
      note: 'Đồng ý',
      commendation: { issuer: 'Ủy ban nhân dân tỉnh', decisionNo: '2031/QĐ-UBND', decisionDate: '2026-12-01' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('accepted');
    // the "already handled" tab: decided ones, not pending ones
    expect((await u.officer.get('/api/v1/proposals?queue=incoming&state=decided')).body.items.map((x: any) => x.id)).toContain(p.body.id);
    expect((await u.officer.get('/api/v1/proposals?queue=incoming&state=pending')).body.items.map((x: any) => x.id)).not.toContain(
      p.body.id,
    );
    const list = (await communeOfficer.get(`/api/v1/registrations/${recognised.id}/commendations`)).body;
    expect(list.map((c: any) => c.decisionNo)).toContain('2031/QĐ-UBND');
    const twice = await u.officer.post(`/api/v1/proposals/${p.body.id}/decide`, { version: ok.body.version, accept: false, note: 'Đổi ý' });
    expect(twice.status).toBe(409);
  });

  it('the proposals queue comes in pages, each proposal once, with the total; the Excel file has them all', async () => {
    for (let i = 1; i <= 5; i++) {
      const r = await communeOfficer.post(`/api/v1/registrations/${recognised.id}/proposals`, {
        toUnitId: province,
        formCode: 'giay_khen',
        reason: `Đề nghị lần ${i} cho mô hình tiêu biểu`,
      });
      expect(r.status).toBe(201);
    }
    const all = (await u.officer.get('/api/v1/proposals?queue=incoming&pageSize=200')).body;
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 2); page++) {
      const r = (await u.officer.get(`/api/v1/proposals?queue=incoming&page=${page}&pageSize=2`)).body;
      expect(r.total).toBe(all.total);
      expect(r.items.length).toBe(Math.min(2, all.total - (page - 1) * 2));
      seen.push(...r.items.map((x: any) => x.id));
    }
    expect(seen).toEqual(all.items.map((x: any) => x.id)); // newest first, none twice, none missed
    const beyond = (await u.officer.get('/api/v1/proposals?queue=incoming&page=99&pageSize=2')).body;
    expect([beyond.items.length, beyond.total]).toEqual([0, all.total]);
    const sheet = await downloadSheet(u.officer, '/api/v1/proposals/xlsx?queue=incoming');
    expect(sheet.rows).toHaveLength(all.total);
    expect((await u.officer.get('/api/v1/proposals?pageSize=500')).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('a unit of another commune replicates it; the original shows the lineage and count', async () => {
    await u.admin.post('/api/v1/users', {
      username: 'cb.travinh2',
      fullName: 'Cán bộ phường Trà Vinh',
      role: 'unit_officer',
      unitId: otherCommune,
      entryUnitId: otherCommune,
      viewUnitId: otherCommune,
      password: 'Mat-khau-2026',
    });
    const other = await loggedIn(srv.baseUrl, 'cb.travinh2', 'Mat-khau-2026');
    expect((await other.get(`/api/v1/registrations/${recognised.id}`)).status).toBe(404);
    const found = await other.get(`/api/v1/replicable-models?q=${encodeURIComponent('phu nu giup nhau')}`);
    expect(found.body.map((m: any) => m.id)).toEqual([recognised.id]);
    const rep = await other.post('/api/v1/registrations', {
      kind: 'model',
      unitId: otherCommune,
      holder: 'collective',
      title: 'Nhân rộng mô hình “Phụ nữ giúp nhau làm kinh tế”',
      fieldCode: 'economic',
      origin: 'replication',
      originId: recognised.id,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      level: 'commune',
      criteria: [{ name: 'Số hộ được giúp', target: 20, unitOfMeasure: 'hộ' }],
    });
    expect(rep.status).toBe(201);
    expect(rep.body.originRef).toEqual({ id: recognised.id, title: recognised.title });
    const original = (await u.officer.get(`/api/v1/registrations/${recognised.id}`)).body;
    expect(original.replications.total).toBe(1);
    expect(original.replications.items).toEqual([expect.objectContaining({ id: rep.body.id, unitName: 'Phường Trà Vinh' })]);
    // the Càng Long officer sees that it was replicated, but not the other commune's record
    const seenFromCommune = (await u.unit.get(`/api/v1/registrations/${recognised.id}`)).body;
    expect(seenFromCommune.replications).toEqual({ total: 1, items: [] });
    // an accepted but unrecognised model cannot be replicated
    const notYet = await other.post('/api/v1/registrations', {
      kind: 'model',
      unitId: otherCommune,
      holder: 'collective',
      title: 'Nhân rộng bản chưa công nhận',
      fieldCode: 'economic',
      origin: 'replication',
      originId: rep.body.id,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      level: 'commune',
    });
    expect(notYet.status).toBe(404);
  });
});
