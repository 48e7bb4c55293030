import { afterEach, describe, expect, it } from 'vitest';
import { loggedIn, type Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';
import { applyDueReorganisations } from '../../src/jobs/reorganisation-jobs.js';
import { setToday, today } from '../../src/services/clock.js';
import { useDemo, type Users } from './helpers.js';

let srv: TestServer;
let u: Users;
let province: string;
let otherCommune: string;

useDemo(async (demo) => {
  ({ srv, u } = demo);
  province = demo.units.province;
  otherCommune = demo.units.otherCommune;
});
afterEach(() => setToday(null));

const BASIS = { number: '1680/NQ-UBTVQH15', date: '2025-06-16', issuer: 'Ủy ban Thường vụ Quốc hội' };
let serial = 0;
const code = (p: string) => `${p}-${++serial}`;

async function newUnit(name: string, parentId = province, kind = 'commune', level = 'commune'): Promise<string> {
  const r = await u.admin.post('/api/v1/units', { parentId, code: code('RX'), name, kind, level });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

async function register(unitId: string, title: string): Promise<{ id: string; version: number }> {
  const r = await u.admin.post('/api/v1/registrations', {
    kind: 'model',
    unitId,
    holder: 'collective',
    title,
    fieldCode: 'economic',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    level: 'commune',
    problem: 'Nhiều hộ thiếu vốn sản xuất',
    purpose: 'Giúp hội viên có vốn làm ăn',
    criteria: [{ name: 'Số hộ tham gia', target: 50, unitOfMeasure: 'hộ' }],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

function reorganise(body: Record<string, unknown>, who: Client = u.admin) {
  return who.post('/api/v1/reorganisations', { basis: BASIS, effectiveDate: '2025-07-01', ...body });
}

async function officerOf(unitId: string, role = 'officer'): Promise<Client> {
  const username = `cb.${++serial}`;
  const r = await u.admin.post('/api/v1/users', {
    username,
    fullName: `Cán bộ ${serial}`,
    role,
    unitId,
    entryUnitId: unitId,
    viewUnitId: unitId,
    password: 'Mat-khau-2026',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return loggedIn(srv.baseUrl, username, 'Mat-khau-2026');
}

const unitRow = async (id: string) =>
  (
    await srv.db.rows<{ path: string; parent_id: string; active: boolean; valid_to: string | null; code: string; name: string }>(
      'select path::text as path, parent_id, active, valid_to, code, name from unit where id = $1',
      [id],
    )
  )[0]!;
const regPath = async (id: string) =>
  (await srv.db.rows<{ p: string }>('select unit_path::text as p from registration where id = $1', [id]))[0]!.p;
/** The version of a unit in force on a date: the tree as it stood then. */
const versionOn = async (id: string, date: string) =>
  (
    await srv.db.rows<{ path: string; name: string; code: string }>(
      `select path::text as path, name, code from unit_version where unit_id = $1 and valid_from <= $2::date and (valid_to is null or valid_to >= $2::date)`,
      [id, date],
    )
  )[0] ?? null;

describe('reorganisations: merge, split, rename, move, abolish a level', () => {
  it('merges two communes into a new one: they close the day before, nest under it, their records follow', async () => {
    const a = await newUnit('Xã Thử Một');
    const b = await newUnit('Xã Thử Hai');
    const hamlet = await newUnit('Ấp Một', a, 'residential_group', 'grassroots');
    const reg = await register(a, 'Mô hình nuôi bò sinh sản của Xã Thử Một');
    const r = await reorganise({
      changes: [
        {
          kind: 'merge',
          from: [{ unitId: a }, { unitId: b }],
          into: { new: { code: code('XM'), name: 'Xã Hợp Nhất', kind: 'commune', parent: { unitId: province } } },
        },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe('applied');
    const c = r.body.lineage[0].successor.id;
    expect(r.body.lineage.map((l: any) => [l.predecessor.id, l.changeKind])).toEqual(
      expect.arrayContaining([
        [a, 'merge'],
        [b, 'merge'],
      ]),
    );
    const ra = await unitRow(a);
    const rc = await unitRow(c);
    expect(ra).toMatchObject({ active: false, valid_to: '2025-06-30', parent_id: c });
    expect(ra.path.startsWith(rc.path + '.')).toBe(true);
    // The hamlet moved to the new commune; the record stays registered by its unit, under the new commune.
    expect((await unitRow(hamlet)).parent_id).toBe(c);
    expect((await regPath(reg.id)).startsWith(rc.path + '.')).toBe(true);
    expect(await versionOn(a, '2025-06-30')).toMatchObject({ name: 'Xã Thử Một' });
    expect(await versionOn(a, '2025-07-01')).toBeNull();
    expect((await versionOn(c, '2025-07-01'))!.path).toBe(rc.path);
    expect(await versionOn(c, '2025-06-30')).toBeNull();
    // The new unit shows its predecessors with the legal basis.
    const unit = await u.admin.get(`/api/v1/units/${c}`);
    expect(unit.body.history.predecessors.map((p: any) => p.unit.id).sort()).toEqual([a, b].sort());
    expect(unit.body.history.predecessors[0].reorganisation.basisNumber).toBe(BASIS.number);
    // One audit row for the whole reorganisation, with its counts.
    const audit = await srv.db.rows<{ after: any }>(
      `select after from audit_log where action = 'reorganisation.apply' and entity_id = $1`,
      [r.body.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after.counts).toMatchObject({ closed: 2, opened: 1 });
  });

  it('scope follows lineage: the new commune’s officer lists, opens and works on the predecessor’s records; a sibling’s officer gets 404', async () => {
    const a = await newUnit('Xã Phạm Vi Một');
    const b = await newUnit('Xã Phạm Vi Hai');
    const reg = await register(a, 'Mô hình tổ hòa giải ở cơ sở của Xã Phạm Vi Một');
    const r = await reorganise({ changes: [{ kind: 'merge', from: [{ unitId: a }], into: { unitId: b } }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const newOfficer = await officerOf(b);
    const list = await newOfficer.get('/api/v1/registrations');
    expect(list.body.items.map((x: any) => x.id)).toContain(reg.id);
    const one = await newOfficer.get(`/api/v1/registrations/${reg.id}`);
    expect(one.status).toBe(200);
    const edit = await newOfficer.patch(`/api/v1/registrations/${reg.id}`, {
      version: one.body.version,
      title: 'Mô hình tổ hòa giải (đã sửa)',
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const sibling = await officerOf(otherCommune);
    expect((await sibling.get(`/api/v1/registrations/${reg.id}`)).status).toBe(404);
    expect((await sibling.get('/api/v1/registrations')).body.items.map((x: any) => x.id)).not.toContain(reg.id);
  });

  it('a unit merged twice (2019, 2025): its records reach today’s unit in two steps; the versions tell the tree at both dates', async () => {
    const a = await newUnit('Xã Hai Lần A');
    const b = await newUnit('Xã Hai Lần B');
    const d = await newUnit('Xã Hai Lần D');
    const reg = await register(a, 'Mô hình sân chơi thiếu nhi của Xã Hai Lần A');
    const pathA0 = (await unitRow(a)).path;
    const first = await reorganise({
      effectiveDate: '2019-07-01',
      changes: [
        {
          kind: 'merge',
          from: [{ unitId: a }, { unitId: b }],
          into: { new: { ref: 'c', code: code('XC'), name: 'Xã Hai Lần C', kind: 'commune', parent: { unitId: province } } },
        },
      ],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const c = first.body.lineage[0].successor.id;
    const second = await reorganise({
      effectiveDate: '2025-07-01',
      changes: [
        {
          kind: 'merge',
          from: [{ unitId: c }, { unitId: d }],
          into: { new: { code: code('XE'), name: 'Xã Hai Lần E', kind: 'commune', parent: { unitId: province } } },
        },
      ],
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const e = second.body.lineage[0].successor.id;
    const pe = (await unitRow(e)).path;
    expect(await regPath(reg.id)).toBe(`${(await unitRow(a)).path}`);
    expect((await unitRow(a)).path.startsWith(`${pe}.`)).toBe(true);
    expect((await unitRow(a)).parent_id).toBe(c);
    // The tree then: in 2018 A stood under the province; in 2020 C did; in 2026 E does.
    expect((await versionOn(a, '2018-01-01'))!.path).toBe(pathA0);
    expect(await versionOn(a, '2020-01-01')).toBeNull();
    expect((await versionOn(c, '2020-01-01'))!.name).toBe('Xã Hai Lần C');
    expect(await versionOn(c, '2026-01-01')).toBeNull();
    expect((await versionOn(e, '2026-01-01'))!.path).toBe(pe);
    // Statistics of today's unit count the record.
    const stats = await u.admin.get(`/api/v1/stats?unitId=${e}&states=draft`);
    expect(stats.status).toBe(200);
    expect(JSON.stringify(stats.body)).toContain('"count":1');
  });

  it('a split followed by a merge; the shares are set later by an administrator', async () => {
    const s = await newUnit('Xã Chia Tách');
    const t = await newUnit('Xã Nhận Phần');
    const reg = await register(s, 'Mô hình chợ văn minh của Xã Chia Tách');
    const split = await reorganise({
      effectiveDate: '2024-01-01',
      changes: [
        {
          kind: 'split',
          from: { unitId: s },
          into: [
            { new: { ref: 's1', code: code('XS'), name: 'Xã Chia Một', kind: 'commune', parent: { unitId: province } } },
            { new: { ref: 's2', code: code('XS'), name: 'Xã Chia Hai', kind: 'commune', parent: { unitId: province } } },
          ],
        },
      ],
    });
    expect(split.status, JSON.stringify(split.body)).toBe(201);
    const [s1, s2] = ['Xã Chia Một', 'Xã Chia Hai'].map((n) => split.body.lineage.find((l: any) => l.successor.name === n).successor.id);
    expect(split.body.lineage.every((l: any) => l.share === null)).toBe(true);
    // Nested under the first successor (no code kept, no share known).
    expect((await unitRow(s)).parent_id).toBe(s1);
    const merge = await reorganise({
      effectiveDate: '2025-07-01',
      changes: [{ kind: 'merge', from: [{ unitId: s2 }], into: { unitId: t } }],
    });
    expect(merge.status, JSON.stringify(merge.body)).toBe(201);
    expect((await unitRow(s2)).parent_id).toBe(t);
    expect((await regPath(reg.id)).startsWith((await unitRow(s1)).path + '.')).toBe(true);

    const bad = await u.admin.put(`/api/v1/reorganisations/${split.body.id}/shares`, {
      predecessorId: s,
      shares: [
        { successorId: s1, share: 0.7 },
        { successorId: s2, share: 0.2 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('tổng các tỷ lệ phải bằng 1');
    const ok = await u.admin.put(`/api/v1/reorganisations/${split.body.id}/shares`, {
      predecessorId: s,
      shares: [
        { successorId: s1, share: 0.65 },
        { successorId: s2, share: 0.35 },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(Object.fromEntries(ok.body.lineage.map((l: any) => [l.successor.id, l.share]))).toEqual({ [s1]: 0.65, [s2]: 0.35 });
  });

  it('a move across provinces: the old province’s officer no longer sees the records, the new one’s does', async () => {
    const root = (await u.admin.get(`/api/v1/units/${province}`)).body.parentId as string;
    const p2 = await newUnit('Tỉnh Thử Nghiệm', root, 'province', 'province');
    const m = await newUnit('Xã Chuyển Tỉnh');
    const reg = await register(m, 'Mô hình đường hoa nông thôn mới của Xã Chuyển Tỉnh');
    const p2Officer = await officerOf(p2);
    expect((await u.officer.get(`/api/v1/registrations/${reg.id}`)).status).toBe(200);
    expect((await p2Officer.get(`/api/v1/registrations/${reg.id}`)).status).toBe(404);
    const r = await reorganise({ changes: [{ kind: 'move', unit: { unitId: m }, parent: { unitId: p2 } }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await u.officer.get(`/api/v1/registrations/${reg.id}`)).status).toBe(404);
    expect((await p2Officer.get(`/api/v1/registrations/${reg.id}`)).status).toBe(200);
    // The commune keeps its identity: one version under each province.
    expect((await versionOn(m, '2025-06-30'))!.path.startsWith((await unitRow(province)).path + '.')).toBe(true);
    expect((await versionOn(m, '2025-07-01'))!.path.startsWith((await unitRow(p2)).path + '.')).toBe(true);
  });

  it('a rename only: statistics are identical before and after', async () => {
    const a = await newUnit('Xã Tên Cũ');
    await register(a, 'Mô hình thư viện cộng đồng của Xã Tên Cũ');
    const before = await u.officer.get('/api/v1/stats');
    const beforeUnit = await u.officer.get(`/api/v1/stats?unitId=${a}&states=draft`);
    const newCode = code('XR');
    const r = await reorganise({ changes: [{ kind: 'rename', unit: { unitId: a }, name: 'Xã Tên Mới', code: newCode }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(await unitRow(a)).toMatchObject({ name: 'Xã Tên Mới', code: newCode, active: true });
    expect((await versionOn(a, '2025-06-30'))!.name).toBe('Xã Tên Cũ');
    expect((await versionOn(a, '2025-07-01'))!.name).toBe('Xã Tên Mới');
    expect((await u.officer.get('/api/v1/stats')).body).toEqual(before.body);
    expect((await u.officer.get(`/api/v1/stats?unitId=${a}&states=draft`)).body.total ?? null).toEqual(beforeUnit.body.total ?? null);
  });

  it('abolishes a level: the district’s communes go up to the province, the district closes where it stands', async () => {
    const district = await newUnit('Huyện Thử', province, 'district', 'district');
    const x1 = await newUnit('Xã Trong Huyện Một', district);
    const x2 = await newUnit('Xã Trong Huyện Hai', district);
    const r = await reorganise({ changes: [{ kind: 'abolish_level', unit: { unitId: district } }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(await unitRow(district)).toMatchObject({ active: false, parent_id: province, valid_to: '2025-06-30' });
    expect((await unitRow(x1)).parent_id).toBe(province);
    expect((await unitRow(x2)).parent_id).toBe(province);
  });
});

describe('reorganisations: refusals, concurrency, undo, scheduling', () => {
  it('preview writes nothing and says in Vietnamese what closes, opens and moves, with the records that follow', async () => {
    const a = await newUnit('Xã Xem Trước Một');
    const b = await newUnit('Xã Xem Trước Hai');
    await register(a, 'Mô hình tuyến đường tự quản của Xã Xem Trước Một');
    const snapshot = async () =>
      srv.db.rows(`select (select count(*) from unit) u, (select count(*) from unit_version) v, (select count(*) from unit_lineage) l,
                          (select count(*) from reorganisation) r, (select string_agg(path::text || active::text, ',' order by id) from unit) p`);
    const before = await snapshot();
    const p = await u.admin.post('/api/v1/reorganisations/preview', {
      basis: BASIS,
      effectiveDate: '2025-07-01',
      changes: [
        {
          kind: 'merge',
          from: [{ unitId: a }, { unitId: b }],
          into: { new: { code: code('XP'), name: 'Xã Xem Trước', kind: 'commune', parent: { unitId: province } } },
        },
      ],
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.changes[0].summary).toContain('Sáp nhập');
    expect(p.body.changes[0].summary).toContain('thành lập "Xã Xem Trước"');
    expect(p.body.changes[0].closes.find((c: any) => c.id === a).records).toBe(1);
    expect(p.body.counts).toMatchObject({ closed: 2, opened: 1, records: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('concurrent reorganisations of the same unit: one is applied, the other gets 409', async () => {
    const a = await newUnit('Xã Tranh Chấp');
    const b = await newUnit('Xã Đích Một');
    const c = await newUnit('Xã Đích Hai');
    const [r1, r2] = await Promise.all([
      reorganise({ changes: [{ kind: 'merge', from: [{ unitId: a }], into: { unitId: b } }] }),
      reorganise({ changes: [{ kind: 'merge', from: [{ unitId: a }], into: { unitId: c } }] }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([201, 409]);
    const lost = r1.status === 409 ? r1 : r2;
    expect(lost.body.error.code).toBe('REORGANISATION_CONFLICT');
    expect(await srv.db.rows('select 1 from unit_lineage where predecessor_id = $1', [a])).toHaveLength(1);
  });

  it('an active unit left under a closed one is refused (422) naming it', async () => {
    const s = await newUnit('Xã Còn Con');
    await newUnit('Ấp Bị Bỏ Quên', s, 'residential_group', 'grassroots');
    const r = await reorganise({
      changes: [
        {
          kind: 'split',
          from: { unitId: s },
          into: [
            { new: { code: code('XO'), name: 'Xã Con Một', kind: 'commune', parent: { unitId: province } } },
            { new: { code: code('XO'), name: 'Xã Con Hai', kind: 'commune', parent: { unitId: province } } },
          ],
        },
      ],
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('REORGANISATION_ORPHANS');
    expect(r.body.error.message).toContain('Ấp Bị Bỏ Quên');
    expect((await unitRow(s)).active).toBe(true);
  });

  it('refuses a code taken by another open unit, a unit closed twice, and a date before the unit’s last reorganisation', async () => {
    const a = await newUnit('Xã Mã Trùng');
    const b = await newUnit('Xã Đóng Hai Lần');
    const taken = (await unitRow(otherCommune)).code;
    const dup = await reorganise({ changes: [{ kind: 'rename', unit: { unitId: a }, name: 'Xã Mã Trùng', code: taken }] });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('UNIT_CODE_TAKEN');
    const twice = await reorganise({
      changes: [
        { kind: 'merge', from: [{ unitId: b }], into: { unitId: a } },
        { kind: 'merge', from: [{ unitId: b }], into: { unitId: otherCommune } },
      ],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe('REORGANISATION_CLOSED_TWICE');
    const renamed = await reorganise({
      effectiveDate: '2025-07-01',
      changes: [{ kind: 'rename', unit: { unitId: a }, name: 'Xã Mã Mới' }],
    });
    expect(renamed.status).toBe(201);
    const earlier = await reorganise({
      effectiveDate: '2024-01-01',
      changes: [{ kind: 'rename', unit: { unitId: a }, name: 'Xã Mã Cũ Hơn' }],
    });
    expect(earlier.status).toBe(409);
    expect(earlier.body.error.code).toBe('REORGANISATION_DATE_BEFORE');
    // A closed unit keeps its code; a new unit may take it.
    const closer = await reorganise({ changes: [{ kind: 'merge', from: [{ unitId: b }], into: { unitId: a } }] });
    expect(closer.status).toBe(201);
    const reuse = await newUnit('Xã Lấy Lại Mã');
    const bCode = (await unitRow(b)).code;
    const r = await reorganise({ changes: [{ kind: 'rename', unit: { unitId: reuse }, name: 'Xã Lấy Lại Mã', code: bCode }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });

  it('undo puts everything back (paths, versions, lineage, codes); it is refused once a registration was made under the new unit', async () => {
    const a = await newUnit('Xã Hoàn Tác Một');
    const b = await newUnit('Xã Hoàn Tác Hai');
    await newUnit('Ấp Hoàn Tác', a, 'residential_group', 'grassroots');
    const reg = await register(a, 'Mô hình camera an ninh của Xã Hoàn Tác Một');
    const state = async () =>
      srv.db.rows(
        `select (select json_agg(json_build_object('id', id, 'path', path::text, 'parent', parent_id, 'active', active, 'to', valid_to, 'code', code, 'name', name) order by id)
                   from unit where path <@ $1::ltree) units,
                (select json_agg(json_build_object('u', unit_id, 'from', valid_from, 'to', valid_to, 'path', path::text, 'code', code) order by unit_id, valid_from)
                   from unit_version where path <@ $1::ltree) versions,
                (select count(*) from unit_lineage) lineage,
                (select unit_path::text from registration where id = $2) reg`,
        [(await unitRow(province)).path, reg.id],
      );
    const before = await state();
    const newCode = (await unitRow(a)).code; // the new unit takes A's code
    const r = await reorganise({
      changes: [
        {
          kind: 'merge',
          from: [{ unitId: a }, { unitId: b }],
          into: { new: { code: newCode, name: 'Xã Hoàn Tác', kind: 'commune', parent: { unitId: province } } },
        },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.undo).toEqual({ allowed: true, blockedBy: null });
    expect(await state()).not.toEqual(before);
    const undo = await u.admin.post(`/api/v1/reorganisations/${r.body.id}/undo`);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.status).toBe('undone');
    expect(await state()).toEqual(before);

    const again = await reorganise({
      changes: [
        {
          kind: 'merge',
          from: [{ unitId: a }, { unitId: b }],
          into: { new: { code: newCode, name: 'Xã Hoàn Tác', kind: 'commune', parent: { unitId: province } } },
        },
      ],
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    await register(again.body.lineage[0].successor.id, 'Mô hình mới của xã sau sáp nhập');
    const refused = await u.admin.post(`/api/v1/reorganisations/${again.body.id}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('REORGANISATION_NOT_UNDOABLE');
    expect(refused.body.error.message).toContain('1 hồ sơ đăng ký');
  });

  it('a future-dated reorganisation waits; the job applies it once its date has come, and again changes nothing', async () => {
    const a = await newUnit('Xã Tương Lai');
    const b = await newUnit('Xã Tương Lai Nhận');
    setToday('2030-01-10');
    const r = await reorganise({ effectiveDate: '2030-02-01', changes: [{ kind: 'merge', from: [{ unitId: a }], into: { unitId: b } }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe('scheduled');
    expect((await unitRow(a)).active).toBe(true);
    expect(await applyDueReorganisations(srv.db)).toBe(0);
    expect((await unitRow(a)).active).toBe(true);
    setToday('2030-02-01');
    expect(await applyDueReorganisations(srv.db)).toBe(1);
    expect(await unitRow(a)).toMatchObject({ active: false, valid_to: '2030-01-31', parent_id: b });
    const after = await srv.db.rows('select version, path::text from unit where id = any($1::uuid[]) order by id', [[a, b]]);
    expect(await applyDueReorganisations(srv.db)).toBe(0);
    expect(await srv.db.rows('select version, path::text from unit where id = any($1::uuid[]) order by id', [[a, b]])).toEqual(after);
    expect((await u.admin.get(`/api/v1/reorganisations/${r.body.id}`)).body.status).toBe('applied');
    expect(await srv.db.rows('select 1 from unit_lineage where predecessor_id = $1', [a])).toHaveLength(1);
    expect(today()).toBe('2030-02-01');
  });

  it('a retried request with the same Idempotency-Key writes nothing twice', async () => {
    const a = await newUnit('Xã Gửi Hai Lần');
    const b = await newUnit('Xã Gửi Hai Lần Nhận');
    const body = { basis: BASIS, effectiveDate: '2025-07-01', changes: [{ kind: 'merge', from: [{ unitId: a }], into: { unitId: b } }] };
    const first = await u.admin.request('POST', '/api/v1/reorganisations', body, { 'idempotency-key': `reorg-${serial}` });
    const second = await u.admin.request('POST', '/api/v1/reorganisations', body, { 'idempotency-key': `reorg-${serial}` });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(
      await srv.db.rows(`select 1 from audit_log where action = 'reorganisation.apply' and entity_id = $1`, [first.body.id]),
    ).toHaveLength(1);
  });

  it('only administrators reorganise: others get 403; bad input gets a Vietnamese 400', async () => {
    const a = await newUnit('Xã Không Quyền');
    const body = { changes: [{ kind: 'rename', unit: { unitId: a }, name: 'Xã Đổi Trộm' }] };
    expect((await reorganise(body, u.officer)).status).toBe(403);
    expect((await reorganise(body, u.unit)).status).toBe(403);
    expect((await u.officer.get('/api/v1/reorganisations')).status).toBe(403);
    expect((await u.officer.post('/api/v1/reorganisations/preview', { basis: BASIS, effectiveDate: '2025-07-01', ...body })).status).toBe(
      403,
    );
    const empty = await reorganise({ changes: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
    expect(empty.body.error.message).toMatch(/thay đổi/);
    const badDate = await reorganise({ effectiveDate: '01/07/2025', changes: body.changes });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/Dữ liệu chưa hợp lệ/);
    const unknownRef = await reorganise({ changes: [{ kind: 'move', unit: { unitId: a }, parent: { ref: 'chua-co' } }] });
    expect(unknownRef.status).toBe(400);
    expect(unknownRef.body.error.message).toContain('chua-co');
    expect((await unitRow(a)).name).toBe('Xã Không Quyền');
  });

  it('lists reorganisations and shows one with its changes and legal basis', async () => {
    const a = await newUnit('Xã Danh Sách');
    const r = await reorganise({ changes: [{ kind: 'rename', unit: { unitId: a }, name: 'Xã Danh Sách Mới' }] });
    const list = await u.admin.get('/api/v1/reorganisations');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: any) => x.id)).toContain(r.body.id);
    const one = await u.admin.get(`/api/v1/reorganisations/${r.body.id}`);
    expect(one.body).toMatchObject({ basis: BASIS, changes: [{ seq: 1, kind: 'rename' }], status: 'applied' });
  });
});
