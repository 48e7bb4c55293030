/**
 * Migrations are plain SQL files run in name order, once each, all in one transaction: a start-up
 * either applies every pending file or none. An advisory lock keeps two app instances starting
 * together from running them twice; `after` runs under the same lock (seeding catalogues).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './db.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 4_201_2026;

export async function migrate(db: Db, after?: (q: Queryable) => Promise<void>): Promise<string[]> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return db.tx(async (q) => {
    await q.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await q.query(`create table if not exists schema_migration (
      name text primary key, applied_at timestamptz not null default now())`);
    const done = new Set((await q.query<{ name: string }>('select name from schema_migration')).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      await q.query(fs.readFileSync(path.join(dir, file), 'utf8'));
      await q.query('insert into schema_migration (name) values ($1)', [file]);
      applied.push(file);
    }
    if (after) await after(q);
    return applied;
  });
}
