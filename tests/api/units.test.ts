import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { useDemo, unitId, type Users } from './helpers.js';
import { DEMO_COMMUNE_UNIT, DEMO_OTHER_COMMUNE_UNIT } from '../../src/seed/demo.js';

let srv: TestServer;
let u: Users;
let province: string, commune: string, otherCommune: string, hamlet: string;

useDemo(async (demo) => {
  ({
    srv,
    u,
    units: { province },
  } = demo);
  commune = await unitId(u.admin, DEMO_COMMUNE_UNIT); // Càng Long: the demo unit officer's commune
  otherCommune = await unitId(u.admin, DEMO_OTHER_COMMUNE_UNIT);
  hamlet = await unitId(u.admin, `${DEMO_COMMUNE_UNIT}-AP1`);
});

describe('the unit tree', () => {
  it('starts each user at the top of their view scope', async () => {
    const officer = await u.officer.get('/api/v1/units');
    expect(officer.body.items.map((x: any) => x.name)).toEqual(['Tỉnh Vĩnh Long']);
    expect(officer.body.items[0].childCount).toBeGreaterThan(120);
    const unit = await u.unit.get('/api/v1/units');
    expect(unit.body.items.map((x: any) => x.name)).toEqual(['Xã Càng Long']);
  });

  it('lists the children of a unit, sorted by name, with the organisations of each kind', async () => {
    const r = await u.officer.get(`/api/v1/units?parentId=${commune}&pageSize=100`);
    expect(r.status).toBe(200);
    const kinds = new Set(r.body.items.map((x: any) => x.kind));
    for (const k of [
      'party',
      'state_agency',
      'fatherland_front',
      'socio_political',
      'police',
      'military',
      'school',
      'health',
      'residential_group',
    ]) {
      expect(kinds.has(k), k).toBe(true);
    }
    expect(r.body.items.filter((x: any) => x.kind === 'socio_political')).toHaveLength(5);
    const names = r.body.items.map((x: any) => x.name);
    expect(names).toContain('Ủy ban nhân dân Càng Long');
  });

  it('finds units ignoring diacritics and case, with their trail', async () => {
    for (const q of ['cang long', 'CÀNG LONG', 'Càng Long']) {
      const r = await u.officer.get(`/api/v1/units?q=${encodeURIComponent(q)}`);
      expect(r.body.items[0].name, q).toBe('Xã Càng Long');
      expect(r.body.items[0].trail).toBe('Tỉnh Vĩnh Long');
    }
    const d = await u.officer.get(`/api/v1/units?q=${encodeURIComponent('dong thanh')}`);
    expect(d.body.items.map((x: any) => x.name)).toContain('Phường Đông Thành');
  });

  it('search never reaches outside the view scope', async () => {
    const r = await u.unit.get(`/api/v1/units?q=${encodeURIComponent('Trà Vinh')}`);
    expect(r.body.total).toBe(0);
    const admin = await u.admin.get(`/api/v1/units?q=${encodeURIComponent('Trà Vinh')}`);
    expect(admin.body.total).toBeGreaterThan(0);
  });

  it('a unit officer reading another commune gets 404, not 403', async () => {
    const r = await u.unit.get(`/api/v1/units/${otherCommune}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    expect(r.body.error.message).toContain('Không tìm thấy đơn vị');
    const children = await u.unit.get(`/api/v1/units?parentId=${otherCommune}`);
    expect(children.body.total).toBe(0);
  });

  it('shows a unit with its breadcrumb inside the scope and the actions allowed', async () => {
    const r = await u.unit.get(`/api/v1/units/${hamlet}`);
    expect(r.status).toBe(200);
    expect(r.body.ancestors.map((a: any) => a.name)).toEqual(['Xã Càng Long']);
    expect(r.body.actions).toEqual(expect.arrayContaining(['update', 'deactivate', 'create_child']));
    expect(r.body.actions).not.toContain('move');
    const viewer = await u.viewer.get(`/api/v1/units/${hamlet}`);
    expect(viewer.body.actions).toEqual([]);
    expect(viewer.body.ancestors.map((a: any) => a.name)).toEqual(['Tỉnh Vĩnh Long', 'Xã Càng Long']);
  });

  it('a unit officer creates a unit under their commune: 201, and the audit says who did it', async () => {
    const r = await u.unit.post('/api/v1/units', {
      parentId: commune,
      code: `${DEMO_COMMUNE_UNIT}-CHIHOI-PN-AP1`,
      name: '  Chi hội Phụ nữ   Ấp 1 ',
      kind: 'socio_political',
      level: 'grassroots',
    });
    expect(r.status).toBe(201);
    expect(r.body.name).toBe('Chi hội Phụ nữ Ấp 1');
    expect(r.body.parentId).toBe(commune);
    const audit = await u.officer.get(`/api/v1/audit?entityType=unit&entityId=${r.body.id}`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: 'unit.create', actorName: 'Lê Minh Tâm', entityLabel: 'Chi hội Phụ nữ Ấp 1' });
    expect(audit.body.items[0].after.name).toBe('Chi hội Phụ nữ Ấp 1');
    const children = await u.unit.get(`/api/v1/units?parentId=${commune}&pageSize=100`);
    expect(children.body.items.map((x: any) => x.id)).toContain(r.body.id);
  });

  it('refuses creating outside the entry scope: 404 outside the view, 403 inside it', async () => {
    const base = { code: 'X-TEST-1', name: 'Thử', kind: 'other', level: 'grassroots' };
    expect((await u.unit.post('/api/v1/units', { ...base, parentId: otherCommune })).status).toBe(404);
    const viewer = await u.viewer.post('/api/v1/units', { ...base, parentId: commune });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe('FORBIDDEN');
    const { rows } = await srv.db.pool.query(`select count(*)::int as n from unit where code = 'X-TEST-1'`);
    expect(rows[0].n).toBe(0);
  });

  it('explains bad input in Vietnamese with the field name and writes nothing', async () => {
    const r = await u.officer.post('/api/v1/units', { parentId: commune, code: 'có dấu', name: '', kind: 'nonsense', level: 'commune' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.message).toContain('Dữ liệu chưa hợp lệ');
    expect(r.body.error.message).toContain('Mã đơn vị');
    expect(r.body.error.message).toContain('Tên đơn vị');
    expect(r.body.error.message).toContain('Loại hình');
    expect(r.body.error.message).toContain('Tên đơn vị: không được để trống');
    const bad = await u.officer.get('/api/v1/units/khong-phai-uuid');
    expect(bad.status).toBe(400);
  });

  it('refuses a duplicate code with 409', async () => {
    const r = await u.officer.post('/api/v1/units', {
      parentId: commune,
      code: DEMO_OTHER_COMMUNE_UNIT,
      name: 'Trùng mã',
      kind: 'other',
      level: 'grassroots',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('UNIT_CODE_TAKEN');
    expect(r.body.error.message).toContain(DEMO_OTHER_COMMUNE_UNIT);
  });

  it('renames with the version it read; a stale version answers 409 and changes nothing', async () => {
    const before = (await u.officer.get(`/api/v1/units/${hamlet}`)).body;
    const ok = await u.officer.patch(`/api/v1/units/${hamlet}`, { version: before.version, name: 'Ấp Một Càng Long' });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(before.version + 1);
    const stale = await u.unit.patch(`/api/v1/units/${hamlet}`, { version: before.version, name: 'Ghi đè' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await u.officer.get(`/api/v1/units/${hamlet}`)).body.name).toBe('Ấp Một Càng Long');
    // the rename is searchable at once, without diacritics
    const found = await u.officer.get('/api/v1/units?q=ap%20mot');
    expect(found.body.items.map((x: any) => x.id)).toContain(hamlet);
    const audit = await u.officer.get(`/api/v1/audit?entityId=${hamlet}&action=unit.update`);
    expect(audit.body.items[0].before.name).toBe('Ấp 1 Càng Long');
    expect(audit.body.items[0].after.name).toBe('Ấp Một Càng Long');
  });

  it('moves a unit with its whole subtree, and refuses a move under its own descendant', async () => {
    const group = await u.officer.post('/api/v1/units', {
      parentId: commune,
      code: `${DEMO_COMMUNE_UNIT}-NHOM`,
      name: 'Nhóm thử chuyển',
      kind: 'other',
      level: 'grassroots',
    });
    const child = await u.officer.post('/api/v1/units', {
      parentId: group.body.id,
      code: `${DEMO_COMMUNE_UNIT}-NHOM-1`,
      name: 'Tổ con',
      kind: 'other',
      level: 'grassroots',
    });
    const cycle = await u.officer.post(`/api/v1/units/${group.body.id}/move`, { version: group.body.version, newParentId: child.body.id });
    expect(cycle.status).toBe(409);
    expect(cycle.body.error.code).toBe('UNIT_MOVE_CYCLE');
    const moved = await u.officer.post(`/api/v1/units/${group.body.id}/move`, { version: group.body.version, newParentId: otherCommune });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(otherCommune);
    // the child moved along: now outside the Càng Long officer's view
    expect((await u.unit.get(`/api/v1/units/${child.body.id}`)).status).toBe(404);
    const childNow = await u.officer.get(`/api/v1/units/${child.body.id}`);
    expect(childNow.body.ancestors.map((a: any) => a.name)).toEqual(['Tỉnh Vĩnh Long', 'Phường Trà Vinh', 'Nhóm thử chuyển']);
  });

  it('deactivates only units without active children, and keeps them in history', async () => {
    const r = await u.unit.post('/api/v1/units', {
      parentId: commune,
      code: `${DEMO_COMMUNE_UNIT}-TAM`,
      name: 'Tổ tạm',
      kind: 'other',
      level: 'grassroots',
    });
    const sub = await u.unit.post('/api/v1/units', {
      parentId: r.body.id,
      code: `${DEMO_COMMUNE_UNIT}-TAM-1`,
      name: 'Tổ con tạm',
      kind: 'other',
      level: 'grassroots',
    });
    const blocked = await u.unit.post(`/api/v1/units/${r.body.id}/deactivate`, { version: r.body.version });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('UNIT_HAS_ACTIVE_CHILDREN');
    expect((await u.unit.post(`/api/v1/units/${sub.body.id}/deactivate`, { version: sub.body.version })).status).toBe(200);
    const off = await u.unit.post(`/api/v1/units/${r.body.id}/deactivate`, { version: r.body.version });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect(off.body.validTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(off.body.actions).toContain('reactivate');
    const list = await u.unit.get(`/api/v1/units?parentId=${commune}&pageSize=100`);
    expect(list.body.items.map((x: any) => x.id)).not.toContain(r.body.id);
    const all = await u.unit.get(`/api/v1/units?parentId=${commune}&pageSize=100&includeInactive=true`);
    expect(all.body.items.map((x: any) => x.id)).toContain(r.body.id);
    const back = await u.unit.post(`/api/v1/units/${r.body.id}/reactivate`, { version: off.body.version });
    expect(back.status).toBe(200);
    expect(back.body.validTo).toBeNull();
  });

  it('a unit officer may not change the top of their own scope', async () => {
    const c = (await u.unit.get(`/api/v1/units/${commune}`)).body;
    expect(c.actions).toEqual(['create_child']);
    const r = await u.unit.patch(`/api/v1/units/${commune}`, { version: c.version, name: 'Xã Đổi Tên' });
    expect(r.status).toBe(403);
  });

  it('keeps stable ids and validity dates on every unit', async () => {
    // A hamlet: the demo province itself now has predecessors (the 2025 reform of the demo's Càng Long area).
    const r = await u.officer.get(`/api/v1/units/${hamlet}`);
    expect(r.body).toMatchObject({ id: hamlet, validTo: null, predecessorIds: [] });
    // Tỉnh Trà Vinh (merged into it) and Huyện Càng Long (its district level ended into it).
    expect((await u.officer.get(`/api/v1/units/${province}`)).body.predecessorIds).toHaveLength(2);
    expect(r.body.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('unit search', () => {
  it('matches every typed word in any order, and treats % and _ as plain characters', async () => {
    const words = await u.officer.get(`/api/v1/units?q=${encodeURIComponent('hoi phu nu cang long')}`);
    expect(words.body.items.map((x: any) => x.name)).toEqual(['Hội Liên hiệp Phụ nữ Càng Long']);
    const wild = await u.officer.get(`/api/v1/units?q=${encodeURIComponent('%')}`);
    expect(wild.body.total).toBe(0);
    const under = await u.officer.get(`/api/v1/units?q=${encodeURIComponent('x_')}`);
    expect(under.body.total).toBe(0);
  });
});

describe('moving a unit moves its records', () => {
  it('registrations follow their unit: the old commune loses them, the new one gains them', async () => {
    const club = await u.officer.post('/api/v1/units', {
      parentId: commune,
      code: `${DEMO_COMMUNE_UNIT}-CLB`,
      name: 'Câu lạc bộ thử chuyển',
      kind: 'mass_association',
      level: 'grassroots',
    });
    const reg = await u.unit.post('/api/v1/registrations', {
      kind: 'model',
      unitId: club.body.id,
      holder: 'collective',
      title: 'Mô hình của câu lạc bộ',
      fieldCode: 'other',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      level: 'grassroots',
    });
    expect(reg.status).toBe(201);
    const moved = await u.officer.post(`/api/v1/units/${club.body.id}/move`, { version: club.body.version, newParentId: otherCommune });
    expect(moved.status).toBe(200);
    expect((await u.unit.get(`/api/v1/registrations/${reg.body.id}`)).status).toBe(404);
    expect(
      (await u.unit.patch(`/api/v1/registrations/${reg.body.id}`, { version: reg.body.version, title: 'Sửa sau khi chuyển' })).status,
    ).toBe(404);
    const { rows } = await srv.db.pool.query(
      `select r.unit_path::text = u.path::text as same from registration r join unit u on u.id = r.unit_id where r.id = $1`,
      [reg.body.id],
    );
    expect(rows[0].same).toBe(true);
    expect((await u.officer.get(`/api/v1/registrations/${reg.body.id}`)).status).toBe(200);
  });
});
