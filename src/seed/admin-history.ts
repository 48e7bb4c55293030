/**
 * The tree in force on 30/06/2025 (63 provinces, 696 districts, 10,035 communes, official codes)
 * and the reform of 1 July 2025 applied to it as reorganisations with their legal basis: provinces
 * by Resolution 202/2025/QH15 (Quốc hội), communes by one resolution of the National Assembly
 * Standing Committee per new province (1654…1687/NQ-UBTVQH15), the district level ending with them.
 *
 * The 2025 map is loaded first where missing and its units are matched by code, never duplicated.
 * Then, following the model of migration 0019:
 * - an old unit that went on unchanged (11 provinces; 130 unchanged and 2 renamed communes) keeps
 *   its identity: it gains a version for the time before (under its old district) and a `move` or
 *   `rename` lineage row;
 * - every other old unit is a closed row (`valid_to` 30/06/2025), hanging today under its successor
 *   (a split commune: under the new commune that kept its code, else the first named; shares are
 *   unknown), with one version showing where it stood then, and a lineage row per successor;
 * - districts close where they stand (under their old province), lineage `abolish_level` to the
 *   new province; the island districts without communes merge into their special zones;
 * - new units exist from 01/07/2025 (their open version starts then).
 * The whole load is one transaction of set-based writes (`data/admin-history-repo.ts`); what is
 * already there is found and left alone, so a second run writes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../data/db.js';
import {
  appendReorganisationChanges,
  closedUnitsByCode,
  ensureAppliedReorganisation,
  insertClosedUnits,
  insertLineage,
  insertVersions,
  nextUnitSeqs,
  openUnitsByCode,
  setOpenVersionStart,
  setUnitsValidFrom,
  unitsWithVersionEnding,
  type ClosedUnit,
  type LineageRow,
  type VersionRow,
} from '../data/admin-history-repo.js';
import { foldVietnamese } from '../domain/text.js';
import {
  communeCode,
  districtCode,
  ensureRoot,
  loadAdminUnitsIn,
  provinceCode,
  readCommunes,
  readCsv,
  REFORM_DATE,
  type MapProgress,
} from './admin-units.js';

/** The last day of the old tree. */
export const OLD_TREE_END = '2025-06-30';
const BEGINNING = '0001-01-01';

export const PROVINCE_BASIS = { number: '202/2025/QH15', date: '2025-06-12', issuer: 'Quốc hội' } as const;
export const COMMUNE_BASIS = { date: '2025-06-16', issuer: 'Ủy ban Thường vụ Quốc hội' } as const;

interface OldProvince {
  code: string;
  name: string;
  fullName: string;
}
interface OldDistrict {
  code: string;
  fullName: string;
  provinceCode: string;
}
interface OldWard {
  code: string;
  fullName: string;
  districtCode: string;
  provinceCode: string;
}
interface WardMappingRow {
  oldWardCode: string;
  oldDistrictCode: string;
  oldProvinceCode: string;
  newWardCode: string;
  newProvinceCode: string;
  kind: 'unchanged' | 'renamed' | 'merged' | 'split-part';
  part: string;
  resolution: string;
}
interface ProvinceMappingRow {
  oldProvinceCode: string;
  newProvinceCode: string;
  kind: 'unchanged' | 'merged';
}
interface DistrictMappingRow {
  oldDistrictCode: string;
  newWardCode: string;
  newProvinceCode: string;
}

export interface HistoryFilter {
  /** New provinces (official codes) whose history is loaded: the old units that formed them. */
  newProvinceCodes?: string[] | undefined;
  /** Or old districts: their communes, the new communes those formed, and what formed them. */
  oldDistrictCodes?: string[] | undefined;
}

export interface HistoryResult {
  mapUnitsAdded: number;
  oldUnitsAdded: number;
  versionsAdded: number;
  lineageAdded: number;
  changesAdded: number;
}

type Change = { kind: 'merge' | 'split' | 'rename' | 'move' | 'abolish_level'; spec: Record<string, unknown> };
const ref = (unitId: string) => ({ unitId });

interface Placed {
  id: string;
  /** Path today. */
  path: string;
  /** Path on 30/06/2025. */
  thenPath: string;
}

export function loadAdminHistory(db: Db, filter: HistoryFilter = {}, opts: { actorId?: string | null; progress?: MapProgress } = {}) {
  return db.tx((q) => loadAdminHistoryIn(q, filter, opts));
}

export async function loadAdminHistoryIn(
  q: Queryable,
  filter: HistoryFilter = {},
  opts: { actorId?: string | null; progress?: MapProgress } = {},
): Promise<HistoryResult> {
  const actorId = opts.actorId ?? null;
  const mapping = readCsv<WardMappingRow>('ward-mapping.csv');
  const provinceMapping = readCsv<ProvinceMappingRow>('province-mapping.csv');
  const districtMapping = readCsv<DistrictMappingRow>('district-mapping.csv');
  const newWards = readCommunes();

  // What is in scope.
  let newWardCodes: Set<string>;
  if (filter.oldDistrictCodes) {
    const ds = new Set(filter.oldDistrictCodes);
    newWardCodes = new Set([
      ...mapping.filter((r) => ds.has(r.oldDistrictCode)).map((r) => r.newWardCode),
      ...districtMapping.filter((r) => ds.has(r.oldDistrictCode)).map((r) => r.newWardCode),
    ]);
  } else if (filter.newProvinceCodes) {
    const ps = new Set(filter.newProvinceCodes);
    newWardCodes = new Set(newWards.filter((w) => ps.has(w.provinceCode)).map((w) => w.code));
  } else newWardCodes = new Set(newWards.map((w) => w.code));
  const wardsIn = new Set(mapping.filter((r) => newWardCodes.has(r.newWardCode)).map((r) => r.oldWardCode));
  const rowsByOld = new Map<string, WardMappingRow[]>();
  for (const r of mapping) if (wardsIn.has(r.oldWardCode)) rowsByOld.set(r.oldWardCode, [...(rowsByOld.get(r.oldWardCode) ?? []), r]);
  const newProvinceCodes = [...new Set(newWards.filter((w) => newWardCodes.has(w.code)).map((w) => w.provinceCode))].sort();
  const oldProvinceCodes = new Set(
    filter.oldDistrictCodes
      ? [...rowsByOld.values()].map((rs) => rs[0]!.oldProvinceCode)
      : provinceMapping.filter((p) => newProvinceCodes.includes(p.newProvinceCode)).map((p) => p.oldProvinceCode),
  );
  const districtsWanted = filter.oldDistrictCodes
    ? new Set([...filter.oldDistrictCodes, ...[...rowsByOld.values()].map((rs) => rs[0]!.oldDistrictCode)])
    : null;
  const oldProvinces = readCsv<OldProvince>('old-provinces.csv').filter((p) => oldProvinceCodes.has(p.code));
  for (const p of oldProvinces) oldProvinceCodes.add(p.code);
  const oldDistricts = readCsv<OldDistrict>('old-districts.csv').filter(
    (d) => oldProvinceCodes.has(d.provinceCode) && (!districtsWanted || districtsWanted.has(d.code)),
  );
  const oldWards = readCsv<OldWard>('old-wards.csv').filter((w) => wardsIn.has(w.code));
  const rowsRead = oldProvinces.length + oldDistricts.length + oldWards.length + mapping.length;

  // The 2025 map of the new provinces concerned, loaded where missing.
  const mapUnitsAdded = await loadAdminUnitsIn(q, newProvinceCodes, opts.progress);
  const root = await ensureRoot(q);
  const newProvinceByOld = new Map(provinceMapping.map((p) => [p.oldProvinceCode, p]));
  const open = await openUnitsByCode(q, [
    ...newProvinceCodes.map((code) => provinceCode({ code })),
    ...new Set([...rowsByOld.values()].flat().map((r) => communeCode({ code: r.newWardCode }))),
    ...districtMapping
      .filter((d) => oldDistricts.some((o) => o.code === d.oldDistrictCode))
      .map((d) => communeCode({ code: d.newWardCode })),
  ]);
  const openNew = (code: string, kind: 'T' | 'X') => {
    const u = open.get(kind + code);
    if (!u) throw new Error(`2025 unit ${kind}${code} missing`);
    return u;
  };
  const closed = await closedUnitsByCode(
    q,
    [...oldProvinces.map(provinceCode), ...oldDistricts.map(districtCode), ...oldWards.map(communeCode)],
    OLD_TREE_END,
  );

  // Reorganisations are made on first use: a run that finds everything in place writes none.
  const reorganisations = new Map<string, Promise<string>>();
  const changes = new Map<string, Change[]>();
  const reorganisation = (basisNumber: string, basisDate: string, issuer: string, note: string) => {
    let id = reorganisations.get(basisNumber);
    if (!id) {
      id = ensureAppliedReorganisation(
        q,
        { effectiveDate: REFORM_DATE, basisNumber, basisDate, basisIssuer: issuer, note },
        randomUUID(),
        actorId,
      );
      reorganisations.set(basisNumber, id);
    }
    return id;
  };
  const provinceReorganisation = () =>
    reorganisation(
      PROVINCE_BASIS.number,
      PROVINCE_BASIS.date,
      PROVINCE_BASIS.issuer,
      'Sắp xếp đơn vị hành chính cấp tỉnh năm 2025 (63 tỉnh, thành phố thành 34).',
    );
  const resolutionOf = new Map(newWards.map((w) => [w.provinceCode, w.resolution]));
  const communeReorganisation = (newProvince: string) =>
    reorganisation(
      resolutionOf.get(newProvince)!,
      COMMUNE_BASIS.date,
      COMMUNE_BASIS.issuer,
      'Sắp xếp đơn vị hành chính cấp xã năm 2025; kết thúc hoạt động của đơn vị hành chính cấp huyện (Luật Tổ chức chính quyền địa phương số 72/2025/QH15).',
    );
  const addChange = (key: string, c: Change) => changes.set(key, [...(changes.get(key) ?? []), c]);

  const units: ClosedUnit[] = [];
  const versions: VersionRow[] = [];
  const lineage: LineageRow[] = [];
  const lineageTo = async (
    predecessorId: string,
    successorId: string,
    changeKind: LineageRow['changeKind'],
    reorg: Promise<string>,
    keepsCode: boolean,
  ) =>
    lineage.push({
      predecessorId,
      successorId,
      effectiveDate: REFORM_DATE,
      changeKind,
      reorganisationId: await reorg,
      share: null,
      keepsCode,
    });
  const progress = (stage: string) => opts.progress?.({ stage, rowsRead, unitsWritten: mapUnitsAdded + units.length });

  // Provinces.
  await progress('old-provinces');
  const provinces = new Map<string, Placed>();
  const seqs = await nextUnitSeqs(q, oldProvinces.length + oldDistricts.length + oldWards.length);
  let s = 0;
  const mergedInto = new Map<string, string[]>();
  const sameIdentity: string[] = [];
  for (const p of oldProvinces) {
    const m = newProvinceByOld.get(p.code)!;
    const successor = openNew(m.newProvinceCode, 'T');
    const seq = seqs[s++]!;
    if (m.kind === 'unchanged') {
      provinces.set(p.code, { id: successor.id, path: successor.path, thenPath: successor.path });
      sameIdentity.push(successor.id);
      continue;
    }
    const found = closed.get(provinceCode(p));
    if (found) {
      provinces.set(p.code, { id: found.id, path: found.path, thenPath: found.then_path });
      continue;
    }
    const id = randomUUID();
    const placed = { id, path: `${successor.path}.${seq}`, thenPath: `${root.path}.${seq}` };
    provinces.set(p.code, placed);
    units.push(closedUnit(id, seq, successor.id, placed.path, provinceCode(p), p.fullName, 'province'));
    versions.push(oldVersion(id, root.id, placed.thenPath, provinceCode(p), p.fullName, 'province'));
    await lineageTo(id, successor.id, 'merge', provinceReorganisation(), p.code === m.newProvinceCode);
    mergedInto.set(successor.id, [...(mergedInto.get(successor.id) ?? []), id]);
  }
  for (const [into, from] of mergedInto)
    addChange(PROVINCE_BASIS.number, { kind: 'merge', spec: { kind: 'merge', from: from.map(ref), into: ref(into) } });
  // Provinces that went on unchanged have existed all along; merged ones from the reform.
  await setOpenVersionStart(q, sameIdentity, BEGINNING, null);
  await setUnitsValidFrom(q, sameIdentity, BEGINNING);
  const newMerged = [
    ...new Set(oldProvinces.filter((p) => newProvinceByOld.get(p.code)!.kind === 'merged').map((p) => newProvinceByOld.get(p.code)!)),
  ];
  for (const m of newMerged) {
    const id = openNew(m.newProvinceCode, 'T').id;
    if (mergedInto.has(id)) await setOpenVersionStart(q, [id], REFORM_DATE, await provinceReorganisation());
  }

  // Districts.
  await progress('old-districts');
  const districts = new Map<string, Placed>();
  const islands = new Map(districtMapping.map((d) => [d.oldDistrictCode, d]));
  for (const d of oldDistricts) {
    const seq = seqs[s++]!;
    const province = provinces.get(d.provinceCode)!;
    const found = closed.get(districtCode(d));
    if (found) {
      districts.set(d.code, { id: found.id, path: found.path, thenPath: found.then_path });
      continue;
    }
    const newProvince = newProvinceByOld.get(d.provinceCode)!.newProvinceCode;
    const reorg = communeReorganisation(newProvince);
    const island = islands.get(d.code);
    const zone = island ? openNew(island.newWardCode, 'X') : null;
    const id = randomUUID();
    const placed = { id, path: `${zone ? zone.path : province.path}.${seq}`, thenPath: `${province.thenPath}.${seq}` };
    districts.set(d.code, placed);
    units.push(closedUnit(id, seq, zone ? zone.id : province.id, placed.path, districtCode(d), d.fullName, 'district'));
    versions.push(oldVersion(id, province.id, placed.thenPath, districtCode(d), d.fullName, 'district'));
    if (zone) {
      await lineageTo(id, zone.id, 'merge', reorg, false);
      addChange(newProvince, { kind: 'merge', spec: { kind: 'merge', from: [ref(id)], into: ref(zone.id) } });
    } else {
      await lineageTo(id, openNew(newProvince, 'T').id, 'abolish_level', reorg, false);
      addChange(newProvince, { kind: 'abolish_level', spec: { kind: 'abolish_level', unit: ref(id) } });
    }
  }

  // Communes.
  await progress('old-communes');
  const keptIds = oldWards
    .filter((w) => ['unchanged', 'renamed'].includes(rowsByOld.get(w.code)![0]!.kind))
    .map((w) => openNew(w.code, 'X').id);
  const keptDone = await unitsWithVersionEnding(q, keptIds, OLD_TREE_END);
  const mergesInto = new Map<string, { province: string; from: string[] }>();
  const newCommunes = new Map<string, string>(); // id → new province, for the start of their version
  for (const w of oldWards) {
    const seq = seqs[s++]!;
    const rows = rowsByOld.get(w.code)!;
    const district = districts.get(w.districtCode)!;
    const newProvince = rows[0]!.newProvinceCode;
    if (rows[0]!.kind === 'unchanged' || rows[0]!.kind === 'renamed') {
      const unit = openNew(w.code, 'X');
      if (keptDone.has(unit.id)) continue;
      const reorg = communeReorganisation(newProvince);
      await setOpenVersionStart(q, [unit.id], REFORM_DATE, await reorg);
      versions.push(oldVersion(unit.id, district.id, `${district.thenPath}.${unit.seq}`, communeCode(w), w.fullName, 'commune'));
      sameIdentity.push(unit.id);
      const renamed = rows[0]!.kind === 'renamed';
      await lineageTo(unit.id, unit.id, renamed ? 'rename' : 'move', reorg, true);
      const name = newWards.find((n) => n.code === w.code)!.fullName;
      if (renamed) addChange(newProvince, { kind: 'rename', spec: { kind: 'rename', unit: ref(unit.id), name } });
      addChange(newProvince, { kind: 'move', spec: { kind: 'move', unit: ref(unit.id), parent: ref(openNew(newProvince, 'T').id) } });
      continue;
    }
    if (closed.has(communeCode(w))) continue;
    const reorg = communeReorganisation(newProvince);
    const nest = openNew((rows.find((r) => r.newWardCode === w.code) ?? rows[0]!).newWardCode, 'X');
    const id = randomUUID();
    units.push(closedUnit(id, seq, nest.id, `${nest.path}.${seq}`, communeCode(w), w.fullName, 'commune'));
    versions.push(oldVersion(id, district.id, `${district.thenPath}.${seq}`, communeCode(w), w.fullName, 'commune'));
    for (const r of rows) {
      const successor = openNew(r.newWardCode, 'X');
      newCommunes.set(successor.id, newProvince);
      await lineageTo(id, successor.id, r.kind === 'split-part' ? 'split' : 'merge', reorg, r.newWardCode === w.code);
      if (r.kind === 'merged') {
        const m = mergesInto.get(successor.id) ?? { province: newProvince, from: [] };
        m.from.push(id);
        mergesInto.set(successor.id, m);
      }
    }
    if (rows[0]!.kind === 'split-part') {
      const into = rows.map((r) => ({ ...ref(openNew(r.newWardCode, 'X').id), ...(r.newWardCode === w.code ? { keepsCode: true } : {}) }));
      addChange(newProvince, { kind: 'split', spec: { kind: 'split', from: ref(id), into } });
    }
  }
  for (const [into, m] of mergesInto)
    addChange(m.province, { kind: 'merge', spec: { kind: 'merge', from: m.from.map(ref), into: ref(into) } });
  for (const province of new Set(newCommunes.values())) {
    const ids = [...newCommunes].filter(([, p]) => p === province).map(([id]) => id);
    await setOpenVersionStart(q, ids, REFORM_DATE, await communeReorganisation(province));
  }
  await setUnitsValidFrom(q, sameIdentity, BEGINNING);

  // Writes.
  await progress('writing');
  await insertClosedUnits(q, units);
  await insertVersions(q, versions);
  await insertLineage(q, lineage);
  let changesAdded = 0;
  for (const [key, list] of changes) {
    const basis = key === PROVINCE_BASIS.number ? key : resolutionOf.get(key)!;
    // Merges and splits first, then moves and renames, then the districts that end.
    const order = { split: 0, merge: 1, move: 2, rename: 3, abolish_level: 4 } as const;
    await appendReorganisationChanges(
      q,
      await reorganisations.get(basis)!,
      [...list].sort((a, b) => order[a.kind] - order[b.kind]),
    );
    changesAdded += list.length;
  }
  const result = { mapUnitsAdded, oldUnitsAdded: units.length, versionsAdded: versions.length, lineageAdded: lineage.length, changesAdded };
  await opts.progress?.({ stage: 'done', rowsRead, unitsWritten: mapUnitsAdded + units.length });
  return result;
}

function closedUnit(
  id: string,
  seq: number,
  parentId: string,
  path: string,
  code: string,
  name: string,
  kind: 'province' | 'district' | 'commune',
): ClosedUnit {
  return {
    id,
    seq,
    parentId,
    path,
    code,
    name,
    nameKey: foldVietnamese(name),
    kind,
    level: kind,
    validFrom: BEGINNING,
    validTo: OLD_TREE_END,
  };
}

function oldVersion(
  unitId: string,
  parentId: string,
  path: string,
  code: string,
  name: string,
  kind: 'province' | 'district' | 'commune',
): VersionRow {
  return { unitId, validFrom: BEGINNING, validTo: OLD_TREE_END, parentId, path, code, name, kind, level: kind, reorganisationId: null };
}
