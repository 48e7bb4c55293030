/**
 * Bulk writes of the tree's history for the loader of the 2025 reform (`seed/admin-history.ts`):
 * thousands of closed units, their versions and lineage rows in a few set-based statements, in the
 * caller's transaction. They keep the model of migration 0019: a closed unit hangs (today) under
 * its successor, its version keeps the path it had then, lineage names the reorganisation.
 */
import type { Queryable } from './db.js';

export interface OpenUnit {
  id: string;
  seq: number;
  path: string;
  parent_id: string | null;
  name: string;
}

/** Open units (valid_to null) by code: a closed unit sharing a code is not returned. */
export async function openUnitsByCode(q: Queryable, codes: string[]): Promise<Map<string, OpenUnit>> {
  if (codes.length === 0) return new Map();
  const { rows } = await q.query<OpenUnit & { code: string }>(
    `select id, seq, path::text as path, parent_id, name, code from unit where code = any($1::text[]) and valid_to is null`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

export interface ClosedUnitFound extends OpenUnit {
  /** The path of its version that ended on the date asked for (where it stood then). */
  then_path: string;
}

/** Closed units by code that ended on `validTo` (the units of a tree that was replaced). */
export async function closedUnitsByCode(q: Queryable, codes: string[], validTo: string): Promise<Map<string, ClosedUnitFound>> {
  if (codes.length === 0) return new Map();
  const { rows } = await q.query<ClosedUnitFound & { code: string }>(
    `select u.id, u.seq, u.path::text as path, u.parent_id, u.name, u.code, coalesce(v.path, u.path)::text as then_path
       from unit u left join unit_version v on v.unit_id = u.id and v.valid_to = $2::date
      where u.code = any($1::text[]) and u.valid_to = $2::date and not u.active`,
    [codes, validTo],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** Units among `ids` that already have a version ending on `validTo`. */
export async function unitsWithVersionEnding(q: Queryable, ids: string[], validTo: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await q.query<{ unit_id: string }>(
    `select unit_id from unit_version where unit_id = any($1::uuid[]) and valid_to = $2::date`,
    [ids, validTo],
  );
  return new Set(rows.map((r) => r.unit_id));
}

/** Reserves `n` unit sequence numbers (the immutable labels of paths). */
export async function nextUnitSeqs(q: Queryable, n: number): Promise<number[]> {
  if (n === 0) return [];
  const { rows } = await q.query<{ seq: number }>(`select nextval(pg_get_serial_sequence('unit', 'seq')) as seq from generate_series(1, $1::int)`, [
    n,
  ]);
  return rows.map((r) => r.seq);
}

export interface ClosedUnit {
  id: string;
  seq: number;
  parentId: string;
  path: string;
  code: string;
  name: string;
  nameKey: string;
  kind: string;
  level: string;
  validFrom: string;
  validTo: string;
}

const CHUNK = 2000;
function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Inserts closed units (inactive, with their validity) at the given paths. */
export async function insertClosedUnits(q: Queryable, units: ClosedUnit[]): Promise<void> {
  for (const part of chunks(units)) {
    await q.query(
      `insert into unit (id, seq, parent_id, path, code, name, name_key, kind, level, active, valid_from, valid_to)
       overriding system value
       select t.id, t.seq, t.parent_id, t.path::ltree, t.code, t.name, t.name_key, t.kind, t.level, false, t.valid_from, t.valid_to
         from unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::date[], $11::date[])
              as t(id, seq, parent_id, path, code, name, name_key, kind, level, valid_from, valid_to)`,
      [
        part.map((u) => u.id),
        part.map((u) => u.seq),
        part.map((u) => u.parentId),
        part.map((u) => u.path),
        part.map((u) => u.code),
        part.map((u) => u.name),
        part.map((u) => u.nameKey),
        part.map((u) => u.kind),
        part.map((u) => u.level),
        part.map((u) => u.validFrom),
        part.map((u) => u.validTo),
      ],
    );
  }
}

export interface VersionRow {
  unitId: string;
  validFrom: string;
  validTo: string | null;
  parentId: string | null;
  path: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  reorganisationId: string | null;
}

export async function insertVersions(q: Queryable, versions: VersionRow[]): Promise<void> {
  for (const part of chunks(versions)) {
    await q.query(
      `insert into unit_version (unit_id, valid_from, valid_to, parent_id, path, code, name, kind, level, reorganisation_id)
       select t.unit_id, t.valid_from, t.valid_to, t.parent_id, t.path::ltree, t.code, t.name, t.kind, t.level, t.reorganisation_id
         from unnest($1::uuid[], $2::date[], $3::date[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[])
              as t(unit_id, valid_from, valid_to, parent_id, path, code, name, kind, level, reorganisation_id)
       on conflict (unit_id, valid_from) do nothing`,
      [
        part.map((v) => v.unitId),
        part.map((v) => v.validFrom),
        part.map((v) => v.validTo),
        part.map((v) => v.parentId),
        part.map((v) => v.path),
        part.map((v) => v.code),
        part.map((v) => v.name),
        part.map((v) => v.kind),
        part.map((v) => v.level),
        part.map((v) => v.reorganisationId),
      ],
    );
  }
}

/** Gives each unit without an open version one from `validFrom`, as the unit stands now. */
export async function ensureOpenVersions(q: Queryable, ids: string[], validFrom: string): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `insert into unit_version (unit_id, valid_from, parent_id, path, code, name, kind, level)
     select u.id, $2::date, u.parent_id, u.path, u.code, u.name, u.kind, u.level from unit u
      where u.id = any($1::uuid[]) and u.valid_to is null
        and not exists (select 1 from unit_version v where v.unit_id = u.id and v.valid_to is null)
     on conflict (unit_id, valid_from) do nothing`,
    [ids, validFrom],
  );
}

/**
 * Moves the start of the open version of the given units to `validFrom`, unless they have a closed
 * version already (their history is written): a unit created by a reorganisation exists from its effective date, a unit
 * that was there before it from the beginning of time.
 */
export async function setOpenVersionStart(q: Queryable, ids: string[], validFrom: string, reorganisationId: string | null): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `update unit_version v set valid_from = $2::date, reorganisation_id = coalesce($3::uuid, v.reorganisation_id)
      where v.unit_id = any($1::uuid[]) and v.valid_to is null and v.valid_from <> $2::date
        and not exists (select 1 from unit_version o where o.unit_id = v.unit_id and o.valid_to is not null)`,
    [ids, validFrom, reorganisationId],
  );
}

export async function setUnitsValidFrom(q: Queryable, ids: string[], validFrom: string): Promise<void> {
  if (ids.length === 0) return;
  await q.query(`update unit set valid_from = $2::date where id = any($1::uuid[]) and valid_from <> $2::date`, [ids, validFrom]);
}

export interface LineageRow {
  predecessorId: string;
  successorId: string;
  effectiveDate: string;
  changeKind: 'merge' | 'split' | 'rename' | 'move' | 'abolish_level';
  reorganisationId: string;
  share: number | null;
  keepsCode: boolean;
}

export async function insertLineage(q: Queryable, rows: LineageRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    await q.query(
      `insert into unit_lineage (predecessor_id, successor_id, effective_date, change_kind, reorganisation_id, share, keeps_code)
       select * from unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::uuid[], $6::numeric[], $7::boolean[])
       on conflict (predecessor_id, successor_id) do nothing`,
      [
        part.map((r) => r.predecessorId),
        part.map((r) => r.successorId),
        part.map((r) => r.effectiveDate),
        part.map((r) => r.changeKind),
        part.map((r) => r.reorganisationId),
        part.map((r) => r.share),
        part.map((r) => r.keepsCode),
      ],
    );
  }
}

export interface AppliedReorganisation {
  effectiveDate: string;
  basisNumber: string;
  basisDate: string;
  basisIssuer: string;
  note: string;
}

/**
 * The applied reorganisation of this legal basis and date, made if missing; changes are appended
 * after its last one, so loading the country after one province adds to the same record.
 */
export async function ensureAppliedReorganisation(q: Queryable, r: AppliedReorganisation, id: string, actorId: string | null): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `select id from reorganisation where basis_number = $1 and effective_date = $2::date and status = 'applied' order by created_at limit 1`,
    [r.basisNumber, r.effectiveDate],
  );
  if (rows[0]) return rows[0].id;
  await q.query(
    `insert into reorganisation (id, effective_date, basis_number, basis_date, basis_issuer, note, status, created_by, applied_at)
     values ($1, $2::date, $3, $4::date, $5, $6, 'applied', $7, now())`,
    [id, r.effectiveDate, r.basisNumber, r.basisDate, r.basisIssuer, r.note, actorId],
  );
  return id;
}

export async function appendReorganisationChanges(
  q: Queryable,
  reorganisationId: string,
  changes: { kind: string; spec: unknown }[],
): Promise<void> {
  if (changes.length === 0) return;
  const { rows } = await q.query<{ n: number }>(`select coalesce(max(seq), 0) as n from reorganisation_change where reorganisation_id = $1`, [
    reorganisationId,
  ]);
  const start = rows[0]!.n;
  for (let i = 0; i < changes.length; i += CHUNK) {
    const part = changes.slice(i, i + CHUNK);
    await q.query(
      `insert into reorganisation_change (reorganisation_id, seq, kind, spec)
       select $1, t.seq, t.kind, t.spec::jsonb from unnest($2::int[], $3::text[], $4::text[]) as t(seq, kind, spec)`,
      [reorganisationId, part.map((_, j) => start + i + j + 1), part.map((c) => c.kind), part.map((c) => JSON.stringify(c.spec))],
    );
  }
  await q.query(`update reorganisation set change_count = (select count(*) from reorganisation_change where reorganisation_id = $1) where id = $1`, [
    reorganisationId,
  ]);
}
