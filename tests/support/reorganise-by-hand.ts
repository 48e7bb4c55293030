/**
 * Reorganisations written straight into the tables, as the reorganisation engine leaves them
 * (see migration 0019): the closed unit keeps its row, gets `valid_to` the day before and is moved
 * under its successor; versions are closed and opened; lineage rows carry shares. The statistics
 * tests use it to set up a history without going through the engine's API.
 */
import type { Db, Queryable } from '../../src/data/db.js';
import { findUnitInScope, moveSubtree } from '../../src/data/units-repo.js';

async function unit(q: Queryable, id: string) {
  const row = await findUnitInScope(
    q,
    id,
    (await q.query<{ path: string }>('select subpath(path, 0, 1)::text as path from unit where id = $1', [id])).rows[0]!.path,
  );
  if (!row) throw new Error(`no unit ${id}`);
  return row;
}

/** Units made by the API before the engine writes their first version get one from the beginning of time. */
async function ensureVersions(q: Queryable) {
  await q.query(`insert into unit_version (unit_id, valid_from, valid_to, parent_id, path, code, name, kind, level)
    select id, date '0001-01-01', valid_to, parent_id, path, code, name, kind, level from unit u
     where not exists (select 1 from unit_version v where v.unit_id = u.id)`);
}

/** A unit made by a reorganisation: it stands from the effective date only. */
export async function bornOn(db: Db, id: string, date: string) {
  await db.tx(async (q) => {
    await ensureVersions(q);
    await q.query('update unit_version set valid_from = $2 where unit_id = $1', [id, date]);
    await q.query('update unit set valid_from = $2 where id = $1', [id, date]);
  });
}

/** Closes the open version of every unit under `path` the day before `date`, and opens one from it. */
async function newVersions(q: Queryable, path: string, date: string) {
  await q.query(
    `update unit_version v set valid_to = $2::date - 1 from unit u
      where u.id = v.unit_id and u.path <@ $1::ltree and v.valid_to is null and v.valid_from < $2::date`,
    [path, date],
  );
  await q.query(
    `insert into unit_version (unit_id, valid_from, parent_id, path, code, name, kind, level)
    select id, $2, parent_id, path, code, name, kind, level from unit u where u.path <@ $1::ltree and u.valid_to is null
    on conflict (unit_id, valid_from) do update set parent_id = excluded.parent_id, path = excluded.path, code = excluded.code, name = excluded.name`,
    [path, date],
  );
}

async function close(q: Queryable, id: string, date: string) {
  await q.query('update unit set active = false, valid_to = $2::date - 1, version = version + 1 where id = $1', [id, date]);
  await q.query('update unit_version set valid_to = $2::date - 1 where unit_id = $1 and valid_to is null', [id, date]);
}

export async function mergeByHand(db: Db, from: string[], into: string, date: string) {
  await db.tx(async (q) => {
    await ensureVersions(q);
    const target = await unit(q, into);
    for (const id of from) {
      await close(q, id, date);
      await moveSubtree(q, await unit(q, id), target.id, target.path);
      await q.query(
        `insert into unit_lineage (predecessor_id, successor_id, effective_date, change_kind, keeps_code) values ($1, $2, $3, 'merge', false)`,
        [id, into, date],
      );
    }
  });
}

/** `into[0]` keeps the code and takes the closed unit under it. */
export async function splitByHand(db: Db, from: string, into: { id: string; share: number | null }[], date: string) {
  await db.tx(async (q) => {
    await ensureVersions(q);
    await close(q, from, date);
    const keeper = await unit(q, into[0]!.id);
    await moveSubtree(q, await unit(q, from), keeper.id, keeper.path);
    for (const [i, s] of into.entries())
      await q.query(
        `insert into unit_lineage (predecessor_id, successor_id, effective_date, change_kind, share, keeps_code) values ($1, $2, $3, 'split', $4, $5)`,
        [from, s.id, date, s.share, i === 0],
      );
  });
}

export async function renameByHand(db: Db, id: string, name: string, date: string) {
  await db.tx(async (q) => {
    await ensureVersions(q);
    await q.query('update unit set name = $2, version = version + 1 where id = $1', [id, name]);
    await newVersions(q, (await unit(q, id)).path, date);
  });
}
