/**
 * All SQL about units. Every read takes the caller's view-scope path and filters by it, so a
 * unit outside the scope is simply not found. Subtrees are ltree ranges (`path <@ scope`), one
 * indexed query however deep the tree.
 */
import type { Queryable } from './db.js';
import { rewriteSql, UNIT_PATH_COPIES } from './unit-path-copies.js';
import type { UnitKind, UnitLevel } from '../domain/unit-kinds.js';

export interface UnitRow {
  id: string;
  seq: number;
  parent_id: string | null;
  path: string;
  code: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  address: string | null;
  active: boolean;
  valid_from: string;
  valid_to: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  child_count: number;
}

const COLUMNS = `u.id, u.seq, u.parent_id, u.path::text as path, u.code, u.name, u.kind, u.level, u.address, u.active,
  u.valid_from, u.valid_to, u.version, u.created_at, u.updated_at,
  (select count(*) from unit c where c.parent_id = u.id) as child_count`;

export async function findUnitInScope(q: Queryable, id: string, scopePath: string): Promise<UnitRow | null> {
  const { rows } = await q.query<UnitRow>(
    `select ${COLUMNS} from unit u where u.id = $1 and u.path <@ $2::ltree`,
    [id, scopePath],
  );
  return rows[0] ?? null;
}

/** Locks the row for the rest of the transaction: concurrent edits of one unit queue. */
export async function lockUnitInScope(q: Queryable, id: string, scopePath: string): Promise<UnitRow | null> {
  const { rows } = await q.query<UnitRow>(
    `select ${COLUMNS} from unit u where u.id = $1 and u.path <@ $2::ltree for update`,
    [id, scopePath],
  );
  return rows[0] ?? null;
}

/** The open unit holding a code: a closed unit keeps its code, which a new unit may take. */
export async function findUnitByCode(q: Queryable, code: string): Promise<{ id: string } | null> {
  const { rows } = await q.query<{ id: string }>('select id from unit where code = $1 and valid_to is null', [code]);
  return rows[0] ?? null;
}

/** Ancestors of a path inside the scope, top first (the unit itself excluded). */
export async function ancestorsInScope(q: Queryable, path: string, scopePath: string) {
  const { rows } = await q.query<{ id: string; name: string; path: string }>(
    `select id, name, path::text as path from unit
      where path @> $1::ltree and path <> $1::ltree and path <@ $2::ltree
      order by nlevel(path)`,
    [path, scopePath],
  );
  return rows;
}

/** Typed % and _ are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

export interface UnitListFilter {
  scopePath: string;
  parentId?: string | undefined;
  /** Folded search text: matched against folded names and codes. */
  search?: string | undefined;
  kind?: string | undefined;
  includeInactive: boolean;
  limit: number;
  offset: number;
}

export async function listUnits(q: Queryable, f: UnitListFilter): Promise<{ rows: UnitRow[]; total: number }> {
  const where = ['u.path <@ $1::ltree'];
  const params: unknown[] = [f.scopePath];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.parentId) add('u.parent_id = ?', f.parentId);
  else if (!f.search) add('u.path = ?::ltree', f.scopePath);
  if (f.search) {
    // Every typed word must appear in the name, in any order ("hoi phu nu" finds "Hội Liên hiệp Phụ nữ").
    params.push(f.search.split(' ').filter(Boolean).map((w) => `%${escapeLike(w)}%`), f.search);
    where.push(`(u.name_key like all($${params.length - 1}::text[]) or lower(u.code) = $${params.length})`);
  }
  if (f.kind) add('u.kind = ?', f.kind);
  if (!f.includeInactive) where.push('u.active');
  const whereSql = where.join(' and ');
  const total = (await q.query<{ n: number }>(`select count(*) as n from unit u where ${whereSql}`, params)).rows[0]!.n;
  // Search results: shallow units first (a province before its communes), then by name.
  const order = f.search ? 'nlevel(u.path), u.name_key, u.code' : 'u.name_key, u.code';
  params.push(f.limit, f.offset);
  const { rows } = await q.query<UnitRow>(
    `select ${COLUMNS} from unit u where ${whereSql} order by ${order}
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { rows, total };
}

/** Names of every ancestor of the given paths inside the scope, keyed by path. */
export async function namesByPath(q: Queryable, paths: string[], scopePath: string): Promise<Map<string, string>> {
  if (paths.length === 0) return new Map();
  const { rows } = await q.query<{ path: string; name: string }>(
    `select path::text as path, name from unit
      where path @> any($1::ltree[]) and path <@ $2::ltree`,
    [paths, scopePath],
  );
  return new Map(rows.map((r) => [r.path, r.name]));
}

export interface NewUnit {
  id: string;
  parentId: string | null;
  parentPath: string | null;
  code: string;
  name: string;
  nameKey: string;
  kind: string;
  level: string;
  address: string | null;
  validFrom: string | null;
}

/** Inserts a unit; its path is the parent's path plus its own sequence number. */
export async function insertUnit(q: Queryable, u: NewUnit): Promise<void> {
  await q.query(
    `with s as (select nextval(pg_get_serial_sequence('unit', 'seq')) as seq)
     insert into unit (id, seq, parent_id, path, code, name, name_key, kind, level, address, valid_from)
     overriding system value
     select $1, s.seq, $2,
            case when $3::text is null then s.seq::text::ltree else ($3::text || '.' || s.seq)::ltree end,
            $4, $5, $6, $7, $8, $9, coalesce($10::date, current_date)
       from s`,
    [u.id, u.parentId, u.parentPath, u.code, u.name, u.nameKey, u.kind, u.level, u.address, u.validFrom],
  );
  await insertFirstVersions(q, [u.id]);
}

/**
 * A unit entered by hand (or loaded) has always existed as far as DVK knows: its first version
 * starts at the beginning of time, so a period before its creation in DVK still finds it.
 */
export async function insertFirstVersions(q: Queryable, ids: string[]): Promise<void> {
  await q.query(
    `insert into unit_version (unit_id, valid_from, valid_to, parent_id, path, code, name, kind, level)
     select id, date '0001-01-01', valid_to, parent_id, path, code, name, kind, level from unit where id = any($1::uuid[])`,
    [ids],
  );
}

export interface UnitChanges {
  code?: string | undefined;
  name?: string | undefined;
  nameKey?: string | undefined;
  kind?: string | undefined;
  level?: string | undefined;
  address?: string | null | undefined;
  active?: boolean | undefined;
  validTo?: string | null | undefined;
}

const CHANGE_COLUMNS: Record<keyof UnitChanges, string> = {
  code: 'code',
  name: 'name',
  nameKey: 'name_key',
  kind: 'kind',
  level: 'level',
  address: 'address',
  active: 'active',
  validTo: 'valid_to',
};

/** Applies changes only if the row still has the expected version; returns false otherwise. */
export async function updateUnitRow(q: Queryable, id: string, version: number, changes: UnitChanges): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [id, version];
  for (const [key, column] of Object.entries(CHANGE_COLUMNS) as [keyof UnitChanges, string][]) {
    if (changes[key] === undefined) continue;
    params.push(changes[key]);
    sets.push(`${column} = $${params.length}`);
  }
  const r = await q.query(
    `update unit set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
      where id = $1 and version = $2`,
    params,
  );
  return r.rowCount === 1;
}

/** Re-roots a whole subtree under a new parent in one statement. */
export async function moveSubtree(q: Queryable, unit: UnitRow, newParentId: string, newParentPath: string): Promise<number> {
  const newPath = `${newParentPath}.${unit.seq}`;
  const r = await q.query(
    `update unit
        set path = case when path = $1::ltree then $2::ltree else $2::ltree || subpath(path, nlevel($1::ltree)) end,
            updated_at = now()
      where path <@ $1::ltree`,
    [unit.path, newPath],
  );
  await q.query(
    'update unit set parent_id = $2, version = version + 1 where id = $1',
    [unit.id, newParentId],
  );
  // Records keep a copy of their unit's path for scoped reads: they move with the unit.
  // (The audit log keeps the path each entry was written under: it is history.)
  for (const copy of UNIT_PATH_COPIES) await q.query(rewriteSql(copy), [unit.path, newPath]);
  return r.rowCount ?? 0;
}

export async function countActiveChildren(q: Queryable, id: string): Promise<number> {
  return (await q.query<{ n: number }>('select count(*) as n from unit where parent_id = $1 and active', [id])).rows[0]!.n;
}

export interface BulkUnit {
  id: string;
  code: string;
  name: string;
  nameKey: string;
  kind: string;
  level: string;
  validFrom?: string;
}

/** Inserts many children of one parent in one statement (loading the national tree, seeding). */
export async function insertChildren(q: Queryable, parent: { id: string; path: string }, units: BulkUnit[]): Promise<void> {
  if (units.length === 0) return;
  await q.query(
    `insert into unit (id, seq, parent_id, path, code, name, name_key, kind, level, valid_from)
     overriding system value
     select s.id, s.seq, $1, ($2::text || '.' || s.seq)::ltree, s.code, s.name, s.name_key, s.kind, s.level,
            coalesce(s.valid_from, current_date)
       from (select t.*, nextval(pg_get_serial_sequence('unit', 'seq')) as seq
               from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[])
                    as t(id, code, name, name_key, kind, level, valid_from)) s`,
    [
      parent.id,
      parent.path,
      units.map((u) => u.id),
      units.map((u) => u.code),
      units.map((u) => u.name),
      units.map((u) => u.nameKey),
      units.map((u) => u.kind),
      units.map((u) => u.level),
      units.map((u) => u.validFrom ?? null),
    ],
  );
  await insertFirstVersions(
    q,
    units.map((u) => u.id),
  );
}

/** The few columns of the unit at a path that a filter or a comparison needs. */
export async function unitAtPath(q: Queryable, path: string): Promise<{ id: string; name: string; path: string; level: UnitLevel } | null> {
  const { rows } = await q.query<{ id: string; name: string; path: string; level: UnitLevel }>(
    'select id, name, path::text as path, level from unit where path = $1::ltree', [path]);
  return rows[0] ?? null;
}

/** The ids of the units a unit was formed from (merge, split, …). */
export async function predecessorIds(q: Queryable, unitId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>('select predecessor_id as id from unit_lineage where successor_id = $1', [unitId]);
  return rows.map((r) => r.id);
}

/**
 * The model of time for a change made through the unit screen, effective `date`: the open version
 * of each unit of the subtree under `path` (just the unit when `subtree` is false) closes the day
 * before and a new one, copied from the unit as it is now, opens from `date` (one opened the same
 * day is replaced). Call after the change.
 */
export async function recordUnitVersions(q: Queryable, unitId: string, date: string, subtree: boolean): Promise<void> {
  const ids = subtree
    ? `(select d.id from unit u join unit d on d.path <@ u.path where u.id = $1)`
    : `(select $1::uuid)`;
  await q.query(
    `insert into unit_version (unit_id, valid_from, valid_to, parent_id, path, code, name, kind, level)
     select u.id, date '0001-01-01', null, u.parent_id, u.path, u.code, u.name, u.kind, u.level
       from unit u where u.id in ${ids} and u.valid_to is null and not exists (select 1 from unit_version v where v.unit_id = u.id)`,
    [unitId],
  );
  await q.query(`delete from unit_version where unit_id in ${ids} and valid_to is null and valid_from = $2::date`, [unitId, date]);
  await q.query(
    `update unit_version set valid_to = $2::date - 1 where unit_id in ${ids} and valid_to is null and valid_from < $2::date`,
    [unitId, date],
  );
  await q.query(
    `insert into unit_version (unit_id, valid_from, valid_to, parent_id, path, code, name, kind, level)
     select u.id, $2::date, null, u.parent_id, u.path, u.code, u.name, u.kind, u.level
       from unit u where u.id in ${ids} and u.active and u.valid_to is null
     on conflict (unit_id, valid_from) do nothing`,
    [unitId, date],
  );
}

/** The first day of the unit's open version (its last change), or null. */
export async function openVersionSince(q: Queryable, unitId: string): Promise<string | null> {
  const { rows } = await q.query<{ valid_from: string }>('select valid_from from unit_version where unit_id = $1 and valid_to is null', [unitId]);
  return rows[0]?.valid_from ?? null;
}

/** Closing a unit on its last day: its open version ends that day too. */
export async function closeUnitVersion(q: Queryable, unitId: string, lastDay: string): Promise<void> {
  await q.query('update unit_version set valid_to = $2::date where unit_id = $1 and valid_to is null', [unitId, lastDay]);
}

/** Reopening a unit from `date`: a version that ended the day before goes on; otherwise a new one starts. */
export async function reopenUnitVersion(q: Queryable, unitId: string, date: string): Promise<void> {
  const r = await q.query(
    `update unit_version set valid_to = null
      where unit_id = $1 and valid_to >= $2::date - 1
        and valid_from = (select max(valid_from) from unit_version where unit_id = $1)`,
    [unitId, date],
  );
  if ((r.rowCount ?? 0) > 0) return;
  await q.query(
    `insert into unit_version (unit_id, valid_from, valid_to, parent_id, path, code, name, kind, level)
     select id, $2::date, null, parent_id, path, code, name, kind, level from unit where id = $1
     on conflict (unit_id, valid_from) do update set valid_to = null`,
    [unitId, date],
  );
}
