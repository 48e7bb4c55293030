/**
 * The 2025 administrative map (34 provinces, ~3,320 communes) as units under a national root.
 * Loading is idempotent: units whose code already exists are left as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Db, Queryable } from '../data/db.js';
import { insertChildren, insertUnit, type BulkUnit } from '../data/units-repo.js';
import { foldVietnamese } from '../domain/text.js';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

export interface ProvinceRecord {
  code: string;
  name: string;
  fullName: string;
  type: string;
}
export interface CommuneRecord {
  code: string;
  name: string;
  fullName: string;
  type: string;
  provinceCode: string;
}

function readCsv<T>(file: string): T[] {
  return parse(fs.readFileSync(path.join(dataDir, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as T[];
}

export const readProvinces = () => readCsv<ProvinceRecord>('provinces.csv');
export const readCommunes = () => readCsv<CommuneRecord>('wards.csv');

export const ROOT_CODE = 'VN';
/** The 2025 map took effect on 1 July 2025. */
export const REFORM_DATE = '2025-07-01';
export const provinceCode = (p: { code: string }) => `T${p.code}`;
export const communeCode = (c: { code: string }) => `X${c.code}`;

/** "Phường Rạch Giá, Tỉnh An Giang" → "Phường Rạch Giá". */
export function communeDisplayName(c: CommuneRecord): string {
  return c.fullName.split(',')[0]!.trim();
}

export async function ensureRoot(q: Queryable): Promise<{ id: string; path: string }> {
  const { rows } = await q.query<{ id: string; path: string }>(`select id, path::text as path from unit where code = $1`, [ROOT_CODE]);
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
    validFrom: REFORM_DATE,
  });
  const root = await q.query<{ path: string }>('select path::text as path from unit where id = $1', [id]);
  return { id, path: root.rows[0]!.path };
}

async function existingCodes(q: Queryable, codes: string[]): Promise<Set<string>> {
  const { rows } = await q.query<{ code: string }>('select code from unit where code = any($1::text[])', [codes]);
  return new Set(rows.map((r) => r.code));
}

/** Loads the given provinces (all when omitted) with their communes. Returns how many units were added. */
export function loadAdminUnits(db: Db, onlyProvinceCodes?: string[]): Promise<number> {
  return db.tx((q) => loadAdminUnitsIn(q, onlyProvinceCodes));
}

export async function loadAdminUnitsIn(q: Queryable, onlyProvinceCodes?: string[]): Promise<number> {
  const provinces = readProvinces().filter((p) => !onlyProvinceCodes || onlyProvinceCodes.includes(p.code));
  const communes = readCommunes();
  {
    const root = await ensureRoot(q);
    let added = 0;
    const have = await existingCodes(q, provinces.map(provinceCode));
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
    added += newProvinces.length;
    for (const p of provinces) {
      const { rows } = await q.query<{ id: string; path: string }>('select id, path::text as path from unit where code = $1', [
        provinceCode(p),
      ]);
      const parent = rows[0]!;
      const mine = communes.filter((c) => c.provinceCode === p.code);
      const haveC = await existingCodes(q, mine.map(communeCode));
      const fresh: BulkUnit[] = mine
        .filter((c) => !haveC.has(communeCode(c)))
        .map((c) => {
          const name = communeDisplayName(c);
          return {
            id: randomUUID(),
            code: communeCode(c),
            name,
            nameKey: foldVietnamese(name),
            kind: 'commune',
            level: 'commune',
            validFrom: REFORM_DATE,
          };
        });
      await insertChildren(q, parent, fresh);
      added += fresh.length;
    }
    return added;
  }
}
