/**
 * The tree of 30/06/2025 and the 2025 reform, loaded from the data set on two new provinces:
 * Vĩnh Long (86: Vĩnh Long, Bến Tre and Trà Vinh merged; the demo's province, its map already
 * loaded) and Hà Tĩnh (42: unchanged as a province; Xã Kỳ Lợi split in three).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/seed/admin-units.js';
import { loadAdminHistory } from '../../src/seed/admin-history.js';
import { DEMO_COMMUNE_UNIT } from '../../src/seed/demo.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginAll, type Users } from './helpers.js';

const PROVINCES = ['86', '42'];
const mapping = readCsv<{ oldWardCode: string; oldProvinceCode: string; newProvinceCode: string; kind: string }>('ward-mapping.csv');
const provinceMapping = readCsv<{ oldProvinceCode: string; newProvinceCode: string; kind: string }>('province-mapping.csv');
const oldProvinces = provinceMapping.filter((p) => PROVINCES.includes(p.newProvinceCode)).map((p) => p.oldProvinceCode);
const oldDistricts = readCsv<{ code: string; provinceCode: string }>('old-districts.csv').filter((d) =>
  oldProvinces.includes(d.provinceCode),
);
const oldWards = readCsv<{ code: string; provinceCode: string }>('old-wards.csv').filter((w) => oldProvinces.includes(w.provinceCode));
const newWards = readCsv<{ code: string; provinceCode: string }>('new-wards.csv').filter((w) => PROVINCES.includes(w.provinceCode));
const rowsIn = mapping.filter((r) => PROVINCES.includes(r.newProvinceCode));
const keptWards = new Set(rowsIn.filter((r) => r.kind === 'unchanged' || r.kind === 'renamed').map((r) => r.oldWardCode));
const mergedProvinces = provinceMapping.filter((p) => PROVINCES.includes(p.newProvinceCode) && p.kind === 'merged');

let srv: TestServer;
let empty: TestServer;
let u: Users;

beforeAll(async () => {
  // One after the other: two servers starting together on a loaded machine can miss Fastify's plugin timeout.
  srv = await startTestServer({ web: false });
  empty = await startTestServer({ web: false, seed: false });
  u = await loginAll(srv);
});
afterAll(async () => {
  await Promise.all([srv?.close(), empty?.close()]);
});

/** Units of each kind in the tree as it stood on a date (versions in force), under the given provinces then. */
async function treeOn(s: TestServer, date: string) {
  const rows = await s.db.rows<{ kind: string; n: number }>(
    `select v.kind, count(*)::int as n from unit_version v
      where v.valid_from <= $1::date and (v.valid_to is null or v.valid_to >= $1::date) and v.kind in ('province', 'district', 'commune')
        and exists (select 1 from unit_version p where p.kind = 'province' and p.path @> v.path
                     and p.code = any($2::text[]) and p.valid_from <= $1::date and (p.valid_to is null or p.valid_to >= $1::date))
      group by v.kind`,
    [date, [...oldProvinces, ...PROVINCES].map((c) => `T${c}`)],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

async function counts(s: TestServer) {
  const [r] = await s.db.rows<Record<string, number>>(
    `select (select count(*) from unit)::int as units, (select count(*) from unit_version)::int as versions,
            (select count(*) from unit_lineage)::int as lineage, (select count(*) from reorganisation)::int as reorganisations,
            (select count(*) from reorganisation_change)::int as changes`,
  );
  return r!;
}

describe.each([
  ['on a database with the 2025 map and the demo', () => srv],
  ['on an empty database', () => empty],
])('load-admin-history %s', (_label, server) => {
  it('keeps the tree of 30/06/2025 closed, today’s map open, one lineage row per link, and finds today’s units by code', async () => {
    const s = server();
    const openBefore = await s.db.rows<{ code: string; id: string }>(
      `select code, id from unit where valid_to is null and code like 'X%' and kind = 'commune'`,
    );
    // The demo has loaded the former Huyện Càng Long already: those units are found, not added again.
    const [{ n: closedBefore }] = (await s.db.rows<{ n: number }>(
      `select count(*)::int as n from unit where not active and valid_to = '2025-06-30'`,
    )) as [{ n: number }];
    const r = await loadAdminHistory(s.db, { newProvinceCodes: PROVINCES });
    expect(r.oldUnitsAdded).toBe(mergedProvinces.length + oldDistricts.length + oldWards.length - keptWards.size - closedBefore);

    // Then: the old provinces, every old district and commune; now: the new provinces and communes only.
    expect(await treeOn(s, '2025-06-30')).toEqual({
      province: oldProvinces.length,
      district: oldDistricts.length,
      commune: oldWards.length,
    });
    expect(await treeOn(s, '2025-07-01')).toEqual({ province: PROVINCES.length, commune: newWards.length });

    const open = await s.db.rows<{ kind: string; n: number }>(
      `select kind, count(*)::int as n from unit where valid_to is null and kind in ('province', 'district', 'commune')
          and code = any($1::text[]) group by kind order by kind`,
      [[...PROVINCES.map((c) => `T${c}`), ...newWards.map((w) => `X${w.code}`)]],
    );
    expect(open).toEqual([
      { kind: 'commune', n: newWards.length },
      { kind: 'province', n: PROVINCES.length },
    ]);
    const closed = await s.db.rows<{ kind: string; n: number }>(
      `select kind, count(*)::int as n from unit where not active and valid_to = '2025-06-30' group by kind order by kind`,
    );
    expect(closed).toEqual([
      { kind: 'commune', n: oldWards.length - keptWards.size },
      { kind: 'district', n: oldDistricts.length },
      { kind: 'province', n: mergedProvinces.length },
    ]);
    // One row per (old commune, new commune) pair, per district and per merged province.
    const lineage = await s.db.rows<{ change_kind: string; n: number }>(
      `select change_kind, count(*)::int as n from unit_lineage where effective_date = '2025-07-01' group by change_kind order by change_kind`,
    );
    const byKind = (k: string) => rowsIn.filter((r) => r.kind === k).length;
    expect(Object.fromEntries(lineage.map((l) => [l.change_kind, l.n]))).toEqual({
      abolish_level: oldDistricts.length,
      merge: byKind('merged') + mergedProvinces.length,
      split: byKind('split-part'),
      move: byKind('unchanged'),
      ...(byKind('renamed') ? { rename: byKind('renamed') } : {}),
    });
    // The communes that were there before keep their ids: nothing duplicated.
    const after = new Map(
      (
        await s.db.rows<{ code: string; id: string }>(
          `select code, id from unit where valid_to is null and code like 'X%' and kind = 'commune'`,
        )
      ).map((x) => [x.code, x.id]),
    );
    for (const b of openBefore) expect(after.get(b.code)).toBe(b.id);
    expect(after.size).toBe(new Set([...after.keys()]).size);
  });

  it('a split commune has each of its successors, shares unknown; it hangs under the one that kept its code or the first', async () => {
    const s = server();
    const split = await s.db.rows<{ successor: string; change_kind: string; share: string | null; keeps_code: boolean }>(
      `select n.name as successor, l.change_kind, l.share, l.keeps_code from unit_lineage l
         join unit o on o.id = l.predecessor_id join unit n on n.id = l.successor_id
        where o.code = 'X18796' and not o.active order by n.name`,
    );
    expect(split).toEqual([
      { successor: 'Phường Hoành Sơn', change_kind: 'split', share: null, keeps_code: false },
      { successor: 'Phường Sông Trí', change_kind: 'split', share: null, keeps_code: false },
      { successor: 'Phường Vũng Áng', change_kind: 'split', share: null, keeps_code: false },
    ]);
    const [kyLoi] = await s.db.rows<{ name: string; nested: boolean; then_parent: string }>(
      `select o.name, o.path <@ (select path from unit where id = o.parent_id) and p.kind = 'commune' as nested,
              (select d.name from unit_version v join unit d on d.id = v.parent_id where v.unit_id = o.id and v.valid_to = '2025-06-30') as then_parent
         from unit o join unit p on p.id = o.parent_id where o.code = 'X18796' and not o.active`,
    );
    expect(kyLoi).toEqual({ name: 'Xã Kỳ Lợi', nested: true, then_parent: 'Thị xã Kỳ Anh' });
  });

  it('stores the legal basis of each reorganisation, applied on 01/07/2025', async () => {
    const s = server();
    const rows = await s.db.rows(
      `select basis_number, basis_date, basis_issuer, effective_date, status from reorganisation order by basis_number`,
    );
    expect(rows).toEqual([
      {
        basis_number: '1665/NQ-UBTVQH15',
        basis_date: '2025-06-16',
        basis_issuer: 'Ủy ban Thường vụ Quốc hội',
        effective_date: '2025-07-01',
        status: 'applied',
      },
      {
        basis_number: '1687/NQ-UBTVQH15',
        basis_date: '2025-06-16',
        basis_issuer: 'Ủy ban Thường vụ Quốc hội',
        effective_date: '2025-07-01',
        status: 'applied',
      },
      {
        basis_number: '202/2025/QH15',
        basis_date: '2025-06-12',
        basis_issuer: 'Quốc hội',
        effective_date: '2025-07-01',
        status: 'applied',
      },
    ]);
    // The demo loaded Trà Vinh's part first: the province's merge may come in two changes of one reorganisation.
    const merges = await s.db.rows<{ spec: { kind: string; from: unknown[] } }>(
      `select c.spec from reorganisation_change c join reorganisation r on r.id = c.reorganisation_id where r.basis_number = '202/2025/QH15'`,
    );
    expect(merges.every((m) => m.spec.kind === 'merge')).toBe(true);
    expect(merges.flatMap((m) => m.spec.from)).toHaveLength(3); // Vĩnh Long, Bến Tre and Trà Vinh into the new Vĩnh Long
  });

  it('a code taken again by a new unit stays apart from the closed unit that had it', async () => {
    const s = server();
    const rows = await s.db.rows<{ name: string; active: boolean; valid_from: string; valid_to: string | null }>(
      `select name, active, valid_from, valid_to from unit where code = $1 order by valid_from`,
      [DEMO_COMMUNE_UNIT],
    );
    expect(rows).toEqual([
      { name: 'Thị trấn Càng Long', active: false, valid_from: '0001-01-01', valid_to: '2025-06-30' },
      { name: 'Xã Càng Long', active: true, valid_from: '2025-07-01', valid_to: null },
    ]);
    const [link] = await s.db.rows<{ keeps_code: boolean; nested: boolean }>(
      `select l.keeps_code, o.path <@ n.path as nested from unit_lineage l join unit o on o.id = l.predecessor_id join unit n on n.id = l.successor_id
        where o.code = $1 and n.code = $1`,
      [DEMO_COMMUNE_UNIT],
    );
    expect(link).toEqual({ keeps_code: true, nested: true });
  });

  it('a second run writes nothing', async () => {
    const s = server();
    const before = await counts(s);
    const r = await loadAdminHistory(s.db, { newProvinceCodes: PROVINCES });
    expect(r).toEqual({ mapUnitsAdded: 0, oldUnitsAdded: 0, versionsAdded: 0, lineageAdded: 0, changesAdded: 0 });
    expect(await counts(s)).toEqual(before);
  });
});

describe('after the reform', () => {
  it('the officer of a new commune sees its predecessors; an officer of another commune does not', async () => {
    const [old] = await srv.db.rows<{ id: string }>(`select id from unit where code = 'X29269' and not active`); // Xã Mỹ Cẩm → Xã Càng Long
    const mine = await u.unit.get(`/api/v1/units/${old!.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.name).toBe('Xã Mỹ Cẩm');
    const [other] = await srv.db.rows<{ id: string }>(`select id from unit where code = 'X28756' and not active`); // a Bến Tre commune
    expect((await u.unit.get(`/api/v1/units/${other!.id}`)).status).toBe(404);
    expect((await u.officer.get(`/api/v1/units/${other!.id}`)).status).toBe(200);
  });
});
