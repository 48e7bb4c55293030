/**
 * The 2025 reform's size through the reorganisation engine, on PGlite in memory: a synthetic tree
 * of 63 provinces, 696 districts and 10,035 communes, then one reorganisation that abolishes the
 * districts, merges the provinces into 34 and the communes into 3,321 new ones, each new commune
 * under its province's successor — applied with `applyReorganisationIn` in one transaction.
 *
 *   npx tsx bench/reorganisation.ts
 */
import { randomUUID } from 'node:crypto';
import { bootstrap } from '../src/data/bootstrap.js';
import { openDb } from '../src/data/db.js';
import { applyReorganisationIn } from '../src/data/reorganisations-repo.js';
import { insertChildren, insertUnit } from '../src/data/units-repo.js';
import type { Change } from '../src/domain/reorganisation-schemas.js';

const PROVINCES = 63,
  PROVINCES_AFTER = 34,
  DISTRICTS = 696,
  COMMUNES = 10_035,
  COMMUNES_AFTER = 3_321;

const db = await openDb({ dataDir: 'memory://' });
await bootstrap(db);
const t0 = Date.now();
const rootId = randomUUID();
const tree = await db.tx(async (q) => {
  await insertUnit(q, {
    id: rootId,
    parentId: null,
    parentPath: null,
    code: 'VN-BENCH',
    name: 'Việt Nam',
    nameKey: 'viet nam',
    kind: 'central',
    level: 'central',
    address: null,
    validFrom: null,
  });
  const root = (await q.query<{ path: string }>('select path::text as path from unit where id = $1', [rootId])).rows[0]!;
  const provinces = Array.from({ length: PROVINCES }, (_, i) => ({
    id: randomUUID(),
    code: `BP${i}`,
    name: `Tỉnh ${i}`,
    nameKey: `tinh ${i}`,
    kind: 'province',
    level: 'province',
  }));
  await insertChildren(q, { id: rootId, path: root.path }, provinces);
  const pRows = (await q.query<{ id: string; path: string }>('select id, path::text as path from unit where parent_id = $1', [rootId]))
    .rows;
  const districts: { id: string; province: number }[] = [];
  for (const [pi, p] of pRows.entries()) {
    const n = Math.floor(DISTRICTS / PROVINCES) + (pi < DISTRICTS % PROVINCES ? 1 : 0);
    const ds = Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      code: `BD${pi}-${i}`,
      name: `Huyện ${pi}-${i}`,
      nameKey: `huyen ${pi}-${i}`,
      kind: 'district',
      level: 'district',
    }));
    await insertChildren(q, p, ds);
    ds.forEach((d) => districts.push({ id: d.id, province: pi }));
  }
  const dRows = new Map(
    (await q.query<{ id: string; path: string }>(`select id, path::text as path from unit where kind = 'district'`)).rows.map((r) => [
      r.id,
      r.path,
    ]),
  );
  const communes: { id: string; province: number }[] = [];
  for (const [di, d] of districts.entries()) {
    const n = Math.floor(COMMUNES / DISTRICTS) + (di < COMMUNES % DISTRICTS ? 1 : 0);
    const cs = Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      code: `BC${di}-${i}`,
      name: `Xã ${di}-${i}`,
      nameKey: `xa ${di}-${i}`,
      kind: 'commune',
      level: 'commune',
    }));
    await insertChildren(q, { id: d.id, path: dRows.get(d.id)! }, cs);
    cs.forEach((c) => communes.push({ id: c.id, province: d.province }));
  }
  return { provinces: pRows.map((p, i) => ({ id: provinces.find((x) => x.id === p.id)!.id, i })), districts, communes };
});
console.log(
  `tree: ${tree.provinces.length} provinces, ${tree.districts.length} districts, ${tree.communes.length} communes in ${Date.now() - t0} ms`,
);

const provinceIds = (await db.rows<{ id: string; code: string }>(`select id, code from unit where kind = 'province' order by seq`)).map(
  (r) => r.id,
);
// Province i merges into survivor i % 34.
const survivor = (i: number) => provinceIds[i % PROVINCES_AFTER]!;
const changes: Change[] = [];
for (const d of tree.districts) changes.push({ kind: 'abolish_level', unit: { unitId: d.id } });
for (let i = PROVINCES_AFTER; i < PROVINCES; i++)
  changes.push({ kind: 'merge', from: [{ unitId: provinceIds[i]! }], into: { unitId: survivor(i) } });
// Communes of each old province, in groups of three (or so) into a new commune of its successor.
let made = 0;
const byProvince = new Map<number, string[]>();
for (const c of tree.communes) byProvince.set(c.province, [...(byProvince.get(c.province) ?? []), c.id]);
const per = COMMUNES / COMMUNES_AFTER;
for (const [pi, ids] of byProvince) {
  const groups = Math.max(1, Math.round(ids.length / per));
  for (let g = 0; g < groups; g++) {
    const from = ids.slice(Math.floor((g * ids.length) / groups), Math.floor(((g + 1) * ids.length) / groups));
    changes.push({
      kind: 'merge',
      from: from.map((unitId) => ({ unitId })),
      into: { new: { code: `NC${made}`, name: `Xã mới ${made}`, kind: 'commune', level: 'commune', parent: { unitId: survivor(pi) } } },
    });
    made++;
  }
}
console.log(`changes: ${changes.length} (${made} new communes)`);
const t1 = Date.now();
const result = await db.tx((q) =>
  applyReorganisationIn(
    q,
    {
      id: randomUUID(),
      effectiveDate: '2025-07-01',
      basisNumber: '1680/NQ-UBTVQH15',
      basisDate: '2025-06-16',
      basisIssuer: 'Ủy ban Thường vụ Quốc hội',
      note: null,
      createdBy: null,
    },
    changes,
    null,
  ),
);
console.log(`applied in ${Date.now() - t1} ms`, result.counts);
const check = await db.rows<{ kind: string; active: boolean; n: number }>(
  'select kind, active, count(*)::int as n from unit group by 1, 2 order by 1, 2',
);
console.log(check);
await db.close();
