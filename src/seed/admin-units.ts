/**
 * The 2025 administrative map (34 provinces, 3,321 communes, official codes) as units under a
 * national root. Loading is idempotent: a unit whose code an open unit already has is left as it is.
 *
 * Unit codes are the official GSO codes with a letter for the level: `T` + 2 digits for a province,
 * `H` + 3 digits for a district (before 1 July 2025), `X` + 5 digits for a commune. A code is unique
 * among open units only: a new commune that took an old commune's code stands beside the closed one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Db, Queryable } from '../data/db.js';
import { insertChildren, insertUnit, type BulkUnit } from '../data/units-repo.js';
import { ensureOpenVersions, openUnitsByCode } from '../data/admin-history-repo.js';
import { foldVietnamese } from '../domain/text.js';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

/** new-provinces.csv */
export interface ProvinceRecord {
  code: string;
  name: string;
  fullName: string;
  type: string;
  oldProvinceCodes: string;
}
/** new-wards.csv */
export interface CommuneRecord {
  code: string;
  name: string;
  fullName: string;
  type: string;
  provinceCode: string;
  resolution: string;
  clause: string;
  oldWardCodes: string;
  oldDistrictCodes: string;
}

/**
 * Reads a CSV of `src/seed/data`. The shipped files quote nothing, and splitting their lines is ten
 * times faster than the general parser (1.3 s for the two largest, on the demo's first start);
 * a file with a quote in it goes through the parser.
 */
export function readCsv<T>(file: string): T[] {
  const text = fs.readFileSync(path.join(dataDir, file), 'utf8');
  if (text.includes('"')) return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as T[];
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = head!.split(',').map((c) => c.trim());
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()])) as T;
  });
}

export const readProvinces = () => readCsv<ProvinceRecord>('new-provinces.csv');
export const readCommunes = () => readCsv<CommuneRecord>('new-wards.csv');

export const ROOT_CODE = 'VN';
/** The 2025 map took effect on 1 July 2025. */
export const REFORM_DATE = '2025-07-01';
export const provinceCode = (p: { code: string }) => `T${p.code}`;
export const districtCode = (d: { code: string }) => `H${d.code}`;
export const communeCode = (c: { code: string }) => `X${c.code}`;

export async function ensureRoot(q: Queryable): Promise<{ id: string; path: string }> {
  const { rows } = await q.query<{ id: string; path: string }>(
    `select id, path::text as path from unit where code = $1 and valid_to is null`,
    [ROOT_CODE],
  );
  if (rows[0]) return rows[0];
  const id = randomUUID();
  const name = 'Trung ương';
  await insertUnit(q, {
    id,
    parentId: null,
    parentPath: null,
    code: ROOT_CODE,
    name,
    nameKey: foldVietnamese(name),
    kind: 'central',
    level: 'central',
    address: null,
    validFrom: '0001-01-01',
  });
  await ensureOpenVersions(q, [id], '0001-01-01');
  const root = await q.query<{ path: string }>('select path::text as path from unit where id = $1', [id]);
  return { id, path: root.rows[0]!.path };
}

export interface MapProgress {
  (p: { stage: string; rowsRead: number; unitsWritten: number }): void | Promise<void>;
}

/** Loads the given provinces (all when omitted) with their communes. Returns how many units were added. */
export function loadAdminUnits(db: Db, onlyProvinceCodes?: string[]): Promise<number> {
  return db.tx((q) => loadAdminUnitsIn(q, onlyProvinceCodes));
}

export async function loadAdminUnitsIn(q: Queryable, onlyProvinceCodes?: string[], progress?: MapProgress): Promise<number> {
  const provinces = readProvinces().filter((p) => !onlyProvinceCodes || onlyProvinceCodes.includes(p.code));
  const wanted = new Set(provinces.map((p) => p.code));
  const communes = readCommunes().filter((c) => wanted.has(c.provinceCode));
  const rowsRead = provinces.length + communes.length;
  const root = await ensureRoot(q);
  let added = 0;
  await progress?.({ stage: 'provinces', rowsRead, unitsWritten: added });
  const have = await openUnitsByCode(q, provinces.map(provinceCode));
  const newProvinces: BulkUnit[] = provinces
    .filter((p) => !have.has(provinceCode(p)))
    .map((p) => ({
      id: randomUUID(),
      code: provinceCode(p),
      name: p.fullName,
      nameKey: foldVietnamese(p.fullName),
      kind: 'province',
      level: 'province',
      validFrom: REFORM_DATE,
    }));
  await insertChildren(q, root, newProvinces);
  await ensureOpenVersions(
    q,
    newProvinces.map((u) => u.id),
    REFORM_DATE,
  );
  added += newProvinces.length;
  const parents = await openUnitsByCode(q, provinces.map(provinceCode));
  const haveC = await openUnitsByCode(q, communes.map(communeCode));
  for (const p of provinces) {
    const parent = parents.get(provinceCode(p))!;
    const fresh: BulkUnit[] = communes
      .filter((c) => c.provinceCode === p.code && !haveC.has(communeCode(c)))
      .map((c) => ({
        id: randomUUID(),
        code: communeCode(c),
        name: c.fullName,
        nameKey: foldVietnamese(c.fullName),
        kind: 'commune',
        level: 'commune',
        validFrom: REFORM_DATE,
      }));
    await insertChildren(q, parent, fresh);
    await ensureOpenVersions(
      q,
      fresh.map((u) => u.id),
      REFORM_DATE,
    );
    added += fresh.length;
    await progress?.({ stage: 'communes', rowsRead, unitsWritten: added });
  }
  return added;
}
