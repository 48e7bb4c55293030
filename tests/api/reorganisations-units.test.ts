import { afterEach, describe, expect, it } from 'vitest';
import { loggedIn, type Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { setToday } from '../../src/services/clock.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let province: string;

useDemo(async (demo) => {
  ({ srv, u } = demo);
  province = demo.units.province;
});
afterEach(() => setToday(null));

let serial = 0;
const code = (p: string) => `${p}-${++serial}`;

async function newUnit(
  name: string,
  parentId = province,
  kind = 'commune',
  level = 'commune',
): Promise<{ id: string; version: number; code: string }> {
  const r = await u.admin.post('/api/v1/units', { parentId, code: code('UX'), name, kind, level });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const versions = async (id: string) =>
  srv.db.rows<{ valid_from: string; valid_to: string | null; name: string; path: string }>(
    'select valid_from, valid_to, name, path::text as path from unit_version where unit_id = $1 order by valid_from',
    [id],
  );
const unitRow = async (id: string) =>
  (
    await srv.db.rows<{ active: boolean; valid_to: string | null; path: string }>(
      'select active, valid_to, path::text as path from unit where id = $1',
      [id],
    )
  )[0]!;

describe('the unit screen keeps the model of time', () => {
  it('PATCH validTo closes the unit on that day; a future date or a date before its last change is a Vietnamese 400', async () => {
    setToday('2026-03-01');
    const a = await newUnit('Xã Đóng Theo Ngày');
    const future = await u.admin.patch(`/api/v1/units/${a.id}`, { version: a.version, validTo: '2026-04-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('UNIT_VALID_TO_FUTURE');
    expect(future.body.error.message).toContain('tương lai');
    const closed = await u.admin.patch(`/api/v1/units/${a.id}`, { version: a.version, validTo: '2026-02-15' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ active: false, validTo: '2026-02-15' });
    expect(await unitRow(a.id)).toMatchObject({ active: false, valid_to: '2026-02-15' });
    expect((await versions(a.id)).map((v) => [v.valid_from, v.valid_to])).toEqual([['0001-01-01', '2026-02-15']]);

    const b = await newUnit('Xã Đổi Tên Rồi Đóng');
    const renamed = await u.admin.patch(`/api/v1/units/${b.id}`, { version: b.version, name: 'Xã Tên Mới Từ 01/3' });
    expect(renamed.status).toBe(200);
    const early = await u.admin.patch(`/api/v1/units/${b.id}`, { version: renamed.body.version, validTo: '2026-01-01' });
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('UNIT_VALID_TO_INVALID');
    expect(early.body.error.message).toContain('01');
  });

  it('deactivation takes a date, today when none is given', async () => {
    setToday('2026-05-20');
    const a = await newUnit('Xã Ngừng Hôm Nay');
    const r = await u.admin.post(`/api/v1/units/${a.id}/deactivate`, { version: a.version });
    expect(r.status).toBe(200);
    expect(r.body.validTo).toBe('2026-05-20');
    const b = await newUnit('Xã Ngừng Ngày Khác');
    const r2 = await u.admin.post(`/api/v1/units/${b.id}/deactivate`, { version: b.version, validTo: '2026-05-10' });
    expect(r2.body.validTo).toBe('2026-05-10');
    expect((await versions(b.id)).at(-1)!.valid_to).toBe('2026-05-10');
  });

  it('a rename writes a new version from today (the same day twice: updated in place); a move versions the whole subtree', async () => {
    const a = await newUnit('Xã Tên Một');
    const hamlet = await newUnit('Ấp Đi Theo', a.id, 'residential_group', 'grassroots');
    setToday('2026-06-10');
    const r1 = await u.admin.patch(`/api/v1/units/${a.id}`, { version: a.version, name: 'Xã Tên Hai' });
    const r2 = await u.admin.patch(`/api/v1/units/${a.id}`, { version: r1.body.version, name: 'Xã Tên Ba' });
    expect(r2.status).toBe(200);
    expect((await versions(a.id)).map((v) => [v.valid_from, v.valid_to, v.name])).toEqual([
      ['0001-01-01', '2026-06-09', 'Xã Tên Một'],
      ['2026-06-10', null, 'Xã Tên Ba'],
    ]);
    const root = (await u.admin.get(`/api/v1/units/${province}`)).body.parentId as string;
    const p2 = await newUnit('Tỉnh Nhận Xã', root, 'province', 'province');
    setToday('2026-07-01');
    const moved = await u.admin.post(`/api/v1/units/${a.id}/move`, { version: r2.body.version, newParentId: p2.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const hv = await versions(hamlet.id);
    expect(hv.map((v) => [v.valid_from, v.valid_to])).toEqual([
      ['0001-01-01', '2026-06-30'],
      ['2026-07-01', null],
    ]);
    expect(hv[1]!.path).toBe((await unitRow(hamlet.id)).path);
    expect(hv[0]!.path).not.toBe(hv[1]!.path);
    // The unit's page lists its versions.
    const page = await u.admin.get(`/api/v1/units/${a.id}`);
    expect(page.body.history.versions.map((v: any) => v.name)).toEqual(['Xã Tên Một', 'Xã Tên Ba', 'Xã Tên Ba']);
  });

  it('a closed unit keeps its code; a new unit may take it', async () => {
    const a = await newUnit('Xã Mã Cũ');
    await u.admin.post(`/api/v1/units/${a.id}/deactivate`, { version: a.version });
    const again = await u.admin.post('/api/v1/units', {
      parentId: province,
      code: a.code,
      name: 'Xã Dùng Lại Mã',
      kind: 'commune',
      level: 'commune',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const taken = await u.admin.post('/api/v1/units', {
      parentId: province,
      code: a.code,
      name: 'Xã Trùng Mã',
      kind: 'commune',
      level: 'commune',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('UNIT_CODE_TAKEN');
  });
});

describe('people of a closed unit', () => {
  async function officerOf(unitId: string): Promise<Client> {
    const username = `cu.${++serial}`;
    const r = await u.admin.post('/api/v1/users', {
      username,
      fullName: `Cán bộ ${serial}`,
      role: 'unit_officer',
      unitId,
      entryUnitId: unitId,
      viewUnitId: unitId,
      password: 'Mat-khau-2026',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return loggedIn(srv.baseUrl, username, 'Mat-khau-2026');
  }
  const registration = (unitId: string, title: string) => ({
    kind: 'model',
    unitId,
    holder: 'collective',
    title,
    fieldCode: 'economic',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    criteria: [{ name: 'Số hộ tham gia', target: 20, unitOfMeasure: 'hộ' }],
  });

  it('keep reading their unit’s old records after a merge, but register and edit nothing there', async () => {
    const a = await newUnit('Xã Đã Sáp Nhập');
    const b = await newUnit('Xã Kế Thừa');
    const officer = await officerOf(a.id);
    const draft = await officer.post('/api/v1/registrations', registration(a.id, 'Mô hình tủ sách gia đình của Xã Đã Sáp Nhập'));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const merged = await u.admin.post('/api/v1/reorganisations', {
      effectiveDate: '2025-07-01',
      basis: { number: '25/NQ-HĐND', issuer: 'Hội đồng nhân dân tỉnh' },
      changes: [{ kind: 'merge', from: [{ unitId: a.id }], into: { unitId: b.id } }],
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    const read = await officer.get(`/api/v1/registrations/${draft.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.actions).toEqual([]);
    expect((await officer.get('/api/v1/registrations')).body.items.map((x: any) => x.id)).toContain(draft.body.id);
    const edit = await officer.patch(`/api/v1/registrations/${draft.body.id}`, {
      version: read.body.version,
      title: 'Sửa sau khi sáp nhập',
    });
    expect(edit.status).toBe(403);
    const create = await officer.post('/api/v1/registrations', registration(a.id, 'Mô hình mới của xã đã sáp nhập'));
    expect([403, 409]).toContain(create.status);
    expect((await srv.db.rows('select 1 from registration where title = $1', ['Mô hình mới của xã đã sáp nhập'])).length).toBe(0);
    const me = await officer.get('/api/v1/auth/me');
    expect(me.body.canCreate?.registration ?? false).toBe(false);
  });
});
