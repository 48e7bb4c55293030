/**
 * The statistics API: counts by any cut, the list behind every cell has exactly the cell's count,
 * and nobody sees figures outside their subtree.
 */
import { describe, expect, it } from 'vitest';
import { cellFilter, type StatsResult } from '../../src/domain/statistics.js';
import { recognise, useDemo, type Users } from './helpers.js';

let u: Users;
let province: string, commune: string, otherCommune: string, womenUnion: string, farmers: string, hamlet: string, otherFarmers: string;

const made: string[] = [];
const FIELDS = ['economic', 'cultural_social', 'defence_security', 'political_system'];

async function register(who: keyof Users, unit: string, i: number, over: Record<string, unknown> = {}) {
  const year = 2022 + (i % 4);
  const draft = await u[who].post('/api/v1/registrations', {
    kind: i % 5 === 0 ? 'exemplar' : 'model',
    unitId: unit,
    holder: i % 3 === 0 ? 'individual' : 'collective',
    personName: i % 3 === 0 ? `Nguyễn Văn ${i}` : undefined,
    title: `Mô hình số ${i} của đơn vị`,
    fieldCode: FIELDS[i % 4],
    startDate: `${year}-02-01`,
    endDate: `${year}-11-30`,
    level: i % 2 ? 'commune' : 'grassroots',
    ...(i % 7 === 3 && made.length ? { origin: 'consolidation', originId: made.at(-1) } : { origin: 'new' }),
    plannedFundsVnd: 1_000_000 * (i % 5),
    plannedWorkdays: i,
    criteria: [{ name: 'Số hộ tham gia', target: 10 }],
    ...over,
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  made.push(draft.body.id);
  return draft.body;
}

async function submit(who: keyof Users, r: { id: string; version: number }) {
  const s = await u[who].post(`/api/v1/registrations/${r.id}/submit`, { version: r.version });
  expect(s.status).toBe(200);
  return s.body;
}

useDemo(async (demo) => {
  ({
    u,
    units: { province, commune, otherCommune, womenUnion, farmers, hamlet, otherFarmers },
  } = demo);

  // 24 in Càng Long (in its organisations, a hamlet and the commune itself), 8 in Phường Trà Vinh.
  const units = [womenUnion, farmers, hamlet, commune];
  for (let i = 0; i < 24; i++) {
    const r = await register('unit', units[i % 4]!, i);
    if (i % 6 !== 5) await submit('unit', r); // every sixth stays a draft
  }
  for (let i = 0; i < 8; i++) await submit('officer', await register('officer', otherFarmers, 100 + i));
  // decisions: some accepted, one refused, one returned
  const queue = await u.officer.get('/api/v1/registrations?queue=awaiting_appraisal&unitId=' + commune + '&pageSize=200');
  const items = queue.body.items as { id: string }[];
  for (const [n, it] of items.entries()) {
    const reg = (await u.officer.get(`/api/v1/registrations/${it.id}`)).body;
    if (n === 0)
      expect(
        (await u.officer.post(`/api/v1/registrations/${it.id}/reject`, { version: reg.version, reason: 'Trùng nội dung' })).status,
      ).toBe(200);
    else if (n === 1)
      expect(
        (await u.officer.post(`/api/v1/registrations/${it.id}/return`, { version: reg.version, reason: 'Bổ sung tiêu chí' })).status,
      ).toBe(200);
    else if (n % 2 === 0)
      expect((await u.officer.post(`/api/v1/registrations/${it.id}/accept`, { version: reg.version })).status).toBe(200);
  }
});

const qs = (o: Record<string, string>) => new URLSearchParams(o).toString();

async function stats(who: keyof Users, query: Record<string, string>): Promise<StatsResult> {
  const r = await u[who].get(`/api/v1/stats?${qs(query)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** Opens the list behind every row and checks it holds exactly the row's count. */
async function expectListsMatch(who: keyof Users, base: Record<string, string>, result: StatsResult) {
  const states = result.states.join(',');
  for (const row of result.rows) {
    const filter = cellFilter({ ...base, states } as never, row);
    const list = await u[who].get(`/api/v1/registrations?${qs({ ...filter, pageSize: '200' })}`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.total, `${JSON.stringify(row.labels)} → ${qs(filter)}`).toBe(row.count);
  }
  const all = await u[who].get(`/api/v1/registrations?${qs({ ...base, states, pageSize: '1' })}`);
  expect(all.body.total).toBe(result.total.count);
}

describe('statistics', () => {
  it('counts the registered models of a commune by field, without drafts or refusals', async () => {
    const s = await stats('officer', { unitId: commune, groupBy: 'field' });
    expect(s.unit.name).toBe('Xã Càng Long');
    // 24 made, 4 drafts, 1 refused
    expect(s.total.count).toBe(19);
    expect(s.states).not.toContain('draft');
    expect(s.states).not.toContain('rejected');
    // every active field is listed, zeros too, in the catalogue's order
    expect(s.rows.map((r) => r.labels.field)).toEqual([
      'Kinh tế',
      'Văn hóa – xã hội',
      'Quốc phòng – an ninh',
      'Xây dựng hệ thống chính trị',
      'Khác',
    ]);
    expect(s.rows.at(-1)!.count).toBe(0);
    const all = await stats('officer', { unitId: commune, groupBy: 'field', allStates: 'true' });
    expect(all.total.count).toBe(24);
    await expectListsMatch('officer', { unitId: commune }, s);
  });

  it('the list behind every cell has the cell’s count, for many cuts', async () => {
    const cuts = ['child', 'child,field', 'level,holder', 'kind,origin', 'state', 'year,field', 'recognised,commended'];
    for (const groupBy of cuts) {
      const s = await stats('officer', { unitId: province, groupBy, yearFrom: '2022', yearTo: '2024' });
      expect(s.total.count, groupBy).toBeGreaterThan(0);
      await expectListsMatch('officer', { unitId: province, yearFrom: '2022', yearTo: '2024' }, s);
    }
  });

  it('rows by child unit list every unit below, the unit’s own registrations apart, and drill down', async () => {
    const s = await stats('officer', { unitId: commune, groupBy: 'child' });
    const own = s.rows.find((r) => r.own);
    expect(own?.labels.child).toBe('Xã Càng Long (trực tiếp)');
    expect(s.rows[0]).toBe(own);
    const hpn = s.rows.find((r) => r.labels.child === 'Hội Liên hiệp Phụ nữ Càng Long')!;
    expect(hpn.count).toBeGreaterThan(0);
    const none = s.rows.find((r) => r.labels.child === 'Trạm Y tế Càng Long')!;
    expect(none.count).toBe(0); // registered nothing, still listed
    const down = await stats('officer', { unitId: String(hpn.keys.child), groupBy: 'field' });
    expect(down.total.count).toBe(hpn.count);
    // funds and workdays sum like the counts
    expect(s.rows.reduce((t, r) => t + r.fundsVnd, 0)).toBe(s.total.fundsVnd);
    await expectListsMatch('officer', { unitId: commune }, s);
  });

  it('a commune officer sees only the commune’s figures; other units are not found', async () => {
    const mine = await stats('unit', { groupBy: 'field' });
    expect(mine.unit.name).toBe('Xã Càng Long');
    const provinceWide = await stats('officer', { groupBy: 'field' });
    expect(provinceWide.unit.name).toBe('Tỉnh Vĩnh Long');
    expect(provinceWide.total.count).toBe(mine.total.count + 8);
    const other = await u.unit.get(`/api/v1/stats?unitId=${otherCommune}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    const list = await u.unit.get(`/api/v1/registrations?unitId=${otherCommune}`);
    expect(list.status).toBe(404);
  });

  it('refuses a bad cut with a Vietnamese message', async () => {
    const r = await u.officer.get('/api/v1/stats?groupBy=field,colour');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    const many = await u.officer.get('/api/v1/stats?groupBy=field,year,kind,holder');
    expect(many.status).toBe(400);
  });

  it('counts recognised and commended registrations, and keeps them after the model ends', async () => {
    const before = await stats('officer', { unitId: commune, groupBy: 'commended' });
    const accepted = (await u.officer.get(`/api/v1/registrations?unitId=${commune}&state=accepted`)).body.items[0];
    const beforeRecognised = await stats('officer', { unitId: commune, groupBy: 'recognised' });
    await recognise(u, province, accepted.id);
    const recognisedNow = await stats('officer', { unitId: commune, groupBy: 'recognised' });
    const isRec = (s: StatsResult) => s.rows.find((r) => r.keys.recognised === true)?.count ?? 0;
    expect(isRec(recognisedNow)).toBe(isRec(beforeRecognised) + 1);
    // the measure beside every count agrees with the cut by the flag
    expect(recognisedNow.total.recognised).toBe(isRec(recognisedNow));
    expect((await stats('officer', { unitId: commune, groupBy: 'child' })).total.recognised).toBe(isRec(recognisedNow));
    const reg = (await u.officer.get(`/api/v1/registrations/${accepted.id}`)).body;
    const c = await u.officer.post(`/api/v1/registrations/${reg.id}/commendations`, {
      formCode: 'giay_khen',
      issuer: 'Ban Thường vụ Đảng ủy xã',
      decisionNo: '12-QĐ/ĐU',
      decisionDate: '2025-12-20',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const after = await stats('officer', { unitId: commune, groupBy: 'commended' });
    const yes = (s: StatsResult) => s.rows.find((r) => r.keys.commended === true)?.count ?? 0;
    expect(yes(after)).toBe(yes(before) + 1);
    expect(after.total.count).toBe(before.total.count);
    const done = await u.unit.post(`/api/v1/registrations/${reg.id}/complete`, {
      version: (await u.unit.get(`/api/v1/registrations/${reg.id}`)).body.version,
    });
    expect(done.status).toBe(200);
    expect(yes(await stats('officer', { unitId: commune, groupBy: 'commended' }))).toBe(yes(after));
    expect(isRec(await stats('officer', { unitId: commune, groupBy: 'recognised' }))).toBe(isRec(recognisedNow));
  });
});
