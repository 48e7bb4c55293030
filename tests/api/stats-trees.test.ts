/**
 * Statistics on two trees after reorganisations: `tree=today` follows lineage to today's units
 * (a split unit's records apportioned by the shares), `tree=then` groups each period's records by
 * the units as they stood on its last day. Totals are the same on both, and the list behind every
 * row holds exactly the row's count.
 */
import { describe, expect, it } from 'vitest';
import { apportion, cellFilter, type StatsResult } from '../../src/domain/statistics.js';
import type { TestServer } from '../support/server.js';
import { bornOn, mergeByHand, renameByHand, splitByHand } from '../support/reorganise-by-hand.js';
import { useDemo, type Users } from './helpers.js';

let u: Users;
let srv: TestServer;
let province: string;
const unitIds: Record<string, string> = {};
const made: Record<string, string[]> = {};
const NAMES = {
  A: 'Xã Hòa An',
  B: 'Xã Hòa Bình',
  C: 'Xã Hòa Lợi',
  D: 'Xã Tân Hòa',
  R: 'Xã Long Đức',
  S1: 'Xã Tân Hòa Mới',
  S2: 'Xã Tân Hòa Tây',
};
const RECORDS = { A: 5, B: 4, C: 3, D: 7, R: 2 } as const;

useDemo(async (demo) => {
  ({ u, srv } = demo);
  province = demo.units.province;
  for (const [key, name] of Object.entries(NAMES)) {
    const c = await u.officer.post('/api/v1/units', { parentId: province, code: `TT-${key}`, name, kind: 'commune', level: 'commune' });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    unitIds[key] = c.body.id;
  }
  let i = 0;
  for (const [key, n] of Object.entries(RECORDS)) {
    made[key] = [];
    for (let k = 0; k < n; k++, i++) {
      const d = await u.officer.post('/api/v1/registrations', {
        kind: 'model',
        unitId: unitIds[key],
        holder: 'collective',
        title: `Mô hình dân vận khéo ${key} số ${k + 1}`,
        fieldCode: i % 2 ? 'economic' : 'cultural_social',
        startDate: '2022-02-01',
        endDate: '2022-11-30',
        level: 'commune',
        plannedWorkdays: 1 + k,
        criteria: [{ name: 'Số hộ tham gia', target: 10 }],
      });
      expect(d.status, JSON.stringify(d.body)).toBe(201);
      const s = await u.officer.post(`/api/v1/registrations/${d.body.id}/submit`, { version: d.body.version });
      expect(s.status).toBe(200);
      made[key].push(d.body.id);
    }
  }
  // A into B in 2023, B (with A) into C in mid-2025: A is merged twice. D split between S1 (keeps
  // the code, 40%) and S2 (60%). R only renamed.
  await mergeByHand(srv.db, [unitIds.A!], unitIds.B!, '2023-01-01');
  await bornOn(srv.db, unitIds.S1!, '2025-07-01');
  await bornOn(srv.db, unitIds.S2!, '2025-07-01');
  await mergeByHand(srv.db, [unitIds.B!], unitIds.C!, '2025-07-01');
  await splitByHand(
    srv.db,
    unitIds.D!,
    [
      { id: unitIds.S1!, share: 0.4 },
      { id: unitIds.S2!, share: 0.6 },
    ],
    '2025-07-01',
  );
  await renameByHand(srv.db, unitIds.R!, 'Xã Long Đức Mới', '2024-01-01');
});

const qs = (o: Record<string, string>) => new URLSearchParams(o).toString();

async function stats(query: Record<string, string>, who: keyof Users = 'officer'): Promise<StatsResult> {
  const r = await u[who].get(`/api/v1/stats?${qs(query)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** The list behind every row: exactly the row's count; returns the ids of each row's list. */
async function listsMatch(base: Record<string, string>, result: StatsResult, who: keyof Users = 'officer') {
  const states = result.states.join(',');
  const ids = new Map<string, string[]>();
  for (const row of result.rows) {
    const filter = cellFilter({ ...base, states } as never, row);
    const list = await u[who].get(`/api/v1/registrations?${qs({ ...filter, pageSize: '200' })}`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.total, `${JSON.stringify(row.labels)} → ${qs(filter)}`).toBe(row.count);
    expect(list.body.items, `${JSON.stringify(row.labels)} → ${qs(filter)}`).toHaveLength(row.count);
    ids.set(Object.values(row.labels).join('|'), list.body.items.map((x: { id: string }) => x.id).sort());
  }
  return ids;
}

const byLabel = (s: StatsResult) => Object.fromEntries(s.rows.filter((r) => r.count).map((r) => [r.labels.child, r.count]));
const ours = (s: StatsResult) => Object.fromEntries(Object.entries(byLabel(s)).filter(([k]) => /Hòa|Long Đức/.test(k ?? '')));

describe('statistics on the tree of their time and on today’s tree', () => {
  const period = { unitId: '', groupBy: 'child', yearFrom: '2022', yearTo: '2022' };

  it('today: merged units count in today’s unit (merged twice too), a split unit is apportioned by its shares', async () => {
    const s = await stats({ ...period, unitId: province, tree: 'today' });
    expect(s.tree).toBe('today');
    expect(s.treeNote).toBe('Số liệu theo địa giới hành chính hiện nay');
    const [s1, s2] = apportion(7, [0.4, 0.6]);
    expect([s1, s2]).toEqual([3, 4]); // 2.8 and 4.2: the floors 2 and 4, the one left to the larger remainder
    expect(ours(s)).toEqual({ 'Xã Hòa Lợi': 12, 'Xã Tân Hòa Mới': 3, 'Xã Tân Hòa Tây': 4, 'Xã Long Đức Mới': 2 });
    const flagged = s.rows
      .filter((r) => r.apportioned)
      .map((r) => r.labels.child)
      .sort();
    expect(flagged).toEqual(['Xã Tân Hòa Mới', 'Xã Tân Hòa Tây']);
    expect(s.apportioned).toBe(true);
    const ids = await listsMatch({ unitId: province, yearFrom: '2022', yearTo: '2022', tree: 'today' }, s);
    // today's commune lists its predecessors' records, A's (merged twice) among them
    expect(ids.get('Xã Hòa Lợi')).toEqual([...made.A!, ...made.B!, ...made.C!].sort());
    // the split unit's records are dealt out whole: no record in both successors, none lost
    const dealt = [...ids.get('Xã Tân Hòa Mới')!, ...ids.get('Xã Tân Hòa Tây')!].sort();
    expect(dealt).toEqual([...made.D!].sort());

    // inside today's commune, its predecessors are rows of their own, named as closed units
    const inside = await stats({ ...period, unitId: unitIds.C!, tree: 'today' });
    expect(byLabel(inside)).toEqual({ 'Xã Hòa Lợi (trực tiếp)': 3, 'Xã Hòa Bình (cũ)': 9 });
    await listsMatch({ unitId: unitIds.C!, yearFrom: '2022', yearTo: '2022', tree: 'today' }, inside);
    // the successor that kept the code sees its share, the other one its own
    const keeper = await stats({ unitId: unitIds.S1!, groupBy: 'field', tree: 'today' });
    expect(keeper.total.count).toBe(s1);
    await listsMatch({ unitId: unitIds.S1!, tree: 'today' }, keeper);
    const other = await stats({ unitId: unitIds.S2!, tree: 'today' });
    expect(other.total.count).toBe(4);
    expect(other.rows[0]!.apportioned).toBe(true);
    await listsMatch({ unitId: unitIds.S2!, tree: 'today' }, other);
  });

  it('then: the records are grouped by the units as they stood on the period’s last day', async () => {
    const s = await stats({ ...period, unitId: province, tree: 'then' });
    expect(s.tree).toBe('then');
    expect(s.treeNote).toBe('Số liệu theo địa giới hành chính tại thời điểm cuối kỳ');
    expect(ours(s)).toEqual({
      'Xã Hòa An (cũ)': 5,
      'Xã Hòa Bình (cũ)': 4,
      'Xã Hòa Lợi': 3,
      'Xã Tân Hòa (cũ)': 7,
      'Xã Long Đức': 2, // the name it had then
    });
    expect(s.rows.some((r) => r.apportioned)).toBe(false);
    expect(s.rows.find((r) => r.labels.child === 'Xã Hòa An (cũ)')!.closed).toBe(true);
    const ids = await listsMatch({ unitId: province, yearFrom: '2022', yearTo: '2022', tree: 'then' }, s);
    expect(ids.get('Xã Hòa An (cũ)')).toEqual([...made.A!].sort());
    // the same totals on both trees
    const today = await stats({ ...period, unitId: province, tree: 'today' });
    expect(s.total).toEqual(today.total);

    // a period ending after A joined B: on its last day A's records were B's
    const later = await stats({ unitId: province, groupBy: 'child', yearFrom: '2022', yearTo: '2024', tree: 'then' });
    expect(ours(later)).toEqual({ 'Xã Hòa Bình (cũ)': 9, 'Xã Hòa Lợi': 3, 'Xã Tân Hòa (cũ)': 7, 'Xã Long Đức Mới': 2 });
    expect(later.total).toEqual(today.total);
    await listsMatch({ unitId: province, yearFrom: '2022', yearTo: '2024', tree: 'then' }, later);

    // a closed unit can be chosen: its figures as it stood
    const closed = await stats({ unitId: unitIds.B!, groupBy: 'field', yearFrom: '2022', yearTo: '2024', tree: 'then' });
    expect(closed.unit.name).toBe('Xã Hòa Bình (cũ)');
    expect(closed.total.count).toBe(9);
    await listsMatch({ unitId: unitIds.B!, yearFrom: '2022', yearTo: '2024', tree: 'then' }, closed);
    // the picker lists the units as they stood, closed ones included
    const picker = await u.officer.get(`/api/v1/stats/units?at=2022-12-31&parentId=${province}`);
    expect(picker.status).toBe(200);
    const names = picker.body.items.map((x: { name: string }) => x.name);
    expect(names).toEqual(expect.arrayContaining(['Xã Hòa An (cũ)', 'Xã Tân Hòa (cũ)', 'Xã Long Đức']));
    expect(names).not.toContain('Xã Tân Hòa Tây');
  });

  it('a rename alone changes no figure, only the name the period shows', async () => {
    const then = await stats({ unitId: unitIds.R!, groupBy: 'field', yearFrom: '2022', yearTo: '2022', tree: 'then' });
    const today = await stats({ unitId: unitIds.R!, groupBy: 'field', yearFrom: '2022', yearTo: '2022', tree: 'today' });
    expect(then.unit.name).toBe('Xã Long Đức');
    expect(today.unit.name).toBe('Xã Long Đức Mới');
    expect(then.rows.map((r) => [r.keys.field, r.count])).toEqual(today.rows.map((r) => [r.keys.field, r.count]));
    expect(then.total).toEqual(today.total);
    expect(today.apportioned).toBe(false);
  });

  it('the review report prints its figures on either tree, says which, and marks apportioned figures', async () => {
    const created = await u.officer.post('/api/v1/review-reports', {
      unitId: province,
      kind: 'interim',
      yearFrom: 2022,
      yearTo: 2022,
      title: 'Sơ kết phong trào thi đua “Dân vận khéo” năm 2022',
      issuingBody: 'Ban Chỉ đạo phong trào “Dân vận khéo” tỉnh',
      place: 'Vĩnh Long',
      reportDate: '2022-12-20',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    const today = (await u.officer.get(`/api/v1/review-reports/${id}/figures`)).body;
    const then = (await u.officer.get(`/api/v1/review-reports/${id}/figures?tree=then`)).body;
    expect(today.tree).toBe('today');
    expect(then.treeNote).toBe('Số liệu theo địa giới hành chính tại thời điểm cuối kỳ');
    expect(then.total).toEqual(today.total);
    const rows = (f: { byChild: { label: string; total: number; apportioned?: boolean }[] }) =>
      Object.fromEntries(
        f.byChild.filter((l) => /Hòa|Long Đức/.test(l.label) && l.total).map((l) => [l.label, [l.total, !!l.apportioned]]),
      );
    expect(rows(then)).toEqual({
      'Xã Hòa An (cũ)': [5, false],
      'Xã Hòa Bình (cũ)': [4, false],
      'Xã Hòa Lợi': [3, false],
      'Xã Tân Hòa (cũ)': [7, false],
      'Xã Long Đức': [2, false],
    });
    expect(rows(today)).toEqual({
      'Xã Hòa Lợi': [12, false],
      'Xã Tân Hòa Mới': [3, true],
      'Xã Tân Hòa Tây': [4, true],
      'Xã Long Đức Mới': [2, false],
    });
    expect(today.apportioned).toBe(true);
    expect(then.apportioned).toBe(false);
    for (const tree of ['today', 'then']) {
      const docx = await fetch(`${srv.baseUrl}/api/v1/review-reports/${id}/docx?tree=${tree}`, { headers: { cookie: u.officer.cookie! } });
      expect(docx.status).toBe(200);
      const xlsx = await fetch(`${srv.baseUrl}/api/v1/review-reports/${id}/xlsx?tree=${tree}`, { headers: { cookie: u.officer.cookie! } });
      expect(xlsx.status).toBe(200);
    }
  });

  it('a split whose shares are not known leaves the records with the successor that kept the code', async () => {
    await srv.db.rows(`update unit_lineage set share = null where successor_id = $1`, [unitIds.S2]);
    const s = await stats({ ...period, unitId: province, tree: 'today' });
    expect(ours(s)).toEqual({ 'Xã Hòa Lợi': 12, 'Xã Tân Hòa Mới': 7, 'Xã Long Đức Mới': 2 });
    expect(s.apportioned).toBe(false);
    await srv.db.rows(`update unit_lineage set share = 0.6 where successor_id = $1`, [unitIds.S2]);
  });
});
