/**
 * The databases the test servers start from, built once per test run (vitest globalSetup) instead
 * of once per test file: the real migrations on an empty database ("migrated"), then the demo data
 * ("demo"), then the demo's models, proposals and campaign ("models"). Each level is kept as a copy
 * source: on PGlite a tarball of its data folder (`dumpDataDir`), opened by every test file as a
 * private in-memory database (`loadDataDir`); on PostgreSQL a template database, which every test
 * file copies into a database of its own (`create database … template …`). Nothing is shared while
 * tests run: each file still writes to its own database only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb, type Db } from '../../src/data/db.js';
import { bootstrap } from '../../src/data/bootstrap.js';
import { seedDemo } from '../../src/seed/demo.js';
import { seedDemoModels } from '../../src/seed/demo-models.js';

export const DEMO_PASSWORD = 'Demo-Test-2026';

export const FIXTURE_LEVELS = ['migrated', 'demo', 'models'] as const;
export type FixtureLevel = (typeof FIXTURE_LEVELS)[number];

/** Where each level's copy source is: tarball paths (PGlite) or template database names (PostgreSQL). */
export interface Fixtures {
  engine: 'pglite' | 'postgres';
  /** The PostgreSQL server the templates live on (DVK_TEST_DATABASE_URL when they were built). */
  adminUrl: string | null;
  sources: Record<FixtureLevel, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    dvkFixtures: Fixtures | null;
  }
}

/** Brings a database from one level to the next, exactly as a test server without fixtures does. */
async function raise(db: Db, level: FixtureLevel): Promise<void> {
  if (level === 'migrated') await bootstrap(db);
  if (level === 'demo') await seedDemo(db, DEMO_PASSWORD);
  if (level === 'models') await seedDemoModels(db);
}

/** Brings a fresh, empty database up to `level` (the path without fixtures). */
export async function build(db: Db, level: FixtureLevel): Promise<void> {
  for (const l of FIXTURE_LEVELS.slice(0, FIXTURE_LEVELS.indexOf(level) + 1)) await raise(db, l);
}

async function admin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function buildPglite(): Promise<{ fixtures: Fixtures; teardown: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-fixtures-'));
  const db = await openDb({ dataDir: 'memory://' });
  const sources = {} as Record<FixtureLevel, string>;
  try {
    for (const level of FIXTURE_LEVELS) {
      await raise(db, level);
      const file = path.join(dir, `${level}.tar`);
      fs.writeFileSync(file, Buffer.from(await (await db.dumpDataDir!()).arrayBuffer()));
      sources[level] = file;
    }
  } finally {
    await db.close();
  }
  return {
    fixtures: { engine: 'pglite', adminUrl: null, sources },
    teardown: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function buildPostgres(adminUrl: string): Promise<{ fixtures: Fixtures; teardown: () => Promise<void> }> {
  const run = randomBytes(4).toString('hex');
  const sources = {} as Record<FixtureLevel, string>;
  const drop = async () => {
    await admin(adminUrl, async (c) => {
      for (const name of Object.values(sources)) await c.query(`drop database if exists ${name} with (force)`);
    });
  };
  try {
    let previous: string | null = null;
    for (const level of FIXTURE_LEVELS) {
      const name = `dvk_tpl_${run}_${level}`;
      await admin(adminUrl, (c) => c.query(`create database ${name}${previous ? ` template ${previous}` : ''}`));
      sources[level] = name;
      const db = await openDb({ databaseUrl: databaseUrl(adminUrl, name), poolSize: 1 });
      try {
        await raise(db, level);
      } finally {
        await db.close();
      }
      previous = name;
    }
  } catch (err) {
    await drop();
    throw err;
  }
  return { fixtures: { engine: 'postgres', adminUrl, sources }, teardown: drop };
}

/** vitest globalSetup: builds the levels once, hands their places to the test files, removes them after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.DVK_TEST_DATABASE_URL || null;
  const started = Date.now();
  const built = adminUrl ? await buildPostgres(adminUrl) : await buildPglite();
  console.log(`Test databases (${built.fixtures.engine}) built once in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('dvkFixtures', built.fixtures);
  return async () => {
    await built.teardown();
  };
}
