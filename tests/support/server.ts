/**
 * Starts the real DVK server for a test file: real HTTP on a random loopback port, a real
 * database with the real migrations and the demo data. PGlite in memory by default; with
 * DVK_TEST_DATABASE_URL, a fresh database created on that PostgreSQL server and dropped after.
 * Under vitest the database is a private copy of the run's prepared one (tests/support/fixtures.ts:
 * migrated, with the demo data, with the demo's models), otherwise it is built here.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { openDb, type Db } from '../../src/data/db.js';
import { bootstrap } from '../../src/data/bootstrap.js';
import { buildApp, type AppOptions } from '../../src/http/app.js';
import { ROOT_DIR } from '../../src/config.js';
import { build, databaseUrl, DEMO_PASSWORD, type FixtureLevel, type Fixtures } from './fixtures.js';

export { DEMO_PASSWORD };

export interface TestServer {
  baseUrl: string;
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Where this server stores evidence files. */
  filesDir: string;
  /** The PostgreSQL database of this server, when it runs on one. */
  databaseUrl: string | null;
  /** The app itself (its scheduled jobs: `app.jobs`). */
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Options a test gives the app (its SMTP server, its clock); the jobs run only when the test asks. */
export type TestAppOptions = Pick<AppOptions, 'smtpUrl' | 'now' | 'jobIntervalMs'>;

/** The run's prepared databases (tests/support/fixtures.ts), when this runs under vitest with them. */
function fixtures(): Fixtures | null {
  if (!process.env.VITEST) return null;
  try {
    return inject('dvkFixtures') ?? null;
  } catch {
    return null;
  }
}

async function createDatabase(adminUrl: string, template: string | null): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dvk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  return {
    url: databaseUrl(adminUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A free loopback port, so that the app knows its own address (DVK_PUBLIC_URL) before it listens. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Builds an app whose public address is its own loopback address and starts it; a port taken
 * between the probe and the start is tried again with another one.
 */
async function listenOnOwnAddress(
  build: (publicUrl: string) => Promise<FastifyInstance>,
): Promise<{ app: FastifyInstance; baseUrl: string }> {
  for (let attempt = 0; ; attempt++) {
    const baseUrl = `http://127.0.0.1:${await freePort()}`;
    const app = await build(baseUrl);
    try {
      await app.listen({ port: Number(new URL(baseUrl).port), host: '127.0.0.1' });
      return { app, baseUrl };
    } catch (err) {
      await app.close();
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 4) throw err;
    }
  }
}

/**
 * `seed: false`: the migrations only; `models`: the demo data with the demo's models, proposals and
 * campaign; `fresh`: the migrations (and seeds) run here on an empty database, not copied.
 */
export async function startTestServer(
  opts: {
    seed?: boolean;
    models?: boolean;
    fresh?: boolean;
    web?: boolean;
    trustProxy?: boolean;
    app?: TestAppOptions;
    /** A database of the test's own (e.g. a primary with its streaming replica): built here, not dropped. */
    database?: { url: string; replicaUrl?: string; log?: (message: string) => void };
  } = {},
): Promise<TestServer> {
  const level: FixtureLevel = opts.seed === false ? 'migrated' : opts.models ? 'models' : 'demo';
  const own = opts.database;
  const adminUrl = own ? null : process.env.DVK_TEST_DATABASE_URL || null;
  const prepared = opts.fresh || own ? null : fixtures();
  // Copies only from a preparation on the same engine (and the same server).
  const source = prepared && prepared.adminUrl === adminUrl ? prepared.sources[level] : null;
  const created = adminUrl ? await createDatabase(adminUrl, source) : null;
  const db = await openDb(
    own
      ? { databaseUrl: own.url, replicaUrl: own.replicaUrl, log: own.log, poolSize: 5 }
      : created
        ? { databaseUrl: created.url, poolSize: 5 }
        : { dataDir: 'memory://', loadDataDir: source ? await fs.openAsBlob(source) : undefined },
  );
  if (source)
    await bootstrap(db); // the start-up check: nothing left to apply
  else await build(db, level);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-files-'));
  const webDir = opts.web === false ? null : path.join(ROOT_DIR, 'web', 'dist');
  const { app, baseUrl } = await listenOnOwnAddress((publicUrl) =>
    buildApp({ db, filesDir, webDir, publicUrl, trustProxy: opts.trustProxy, jobIntervalMs: 0, ...opts.app }),
  );
  return {
    baseUrl,
    app,
    db,
    engine: db.engine,
    filesDir,
    databaseUrl: created?.url ?? own?.url ?? null,
    async close() {
      await app.close();
      await db.close();
      await created?.drop();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/**
 * A second app instance on the same database, as behind a load balancer: on PostgreSQL its own
 * connection pool (and its own start-up migration check); PGlite lives in one process, so there the
 * two instances share it. Evidence files are shared, as they would be on common storage.
 */
export async function startSecondInstance(
  first: TestServer,
  opts: { trustProxy?: boolean; app?: TestAppOptions } = {},
): Promise<{ baseUrl: string; app: FastifyInstance; close(): Promise<void> }> {
  const db = first.databaseUrl ? await openDb({ databaseUrl: first.databaseUrl, poolSize: 5 }) : first.db;
  if (first.databaseUrl) await bootstrap(db);
  const { app, baseUrl } = await listenOnOwnAddress((publicUrl) =>
    buildApp({ db, filesDir: first.filesDir, webDir: null, publicUrl, trustProxy: opts.trustProxy, jobIntervalMs: 0, ...opts.app }),
  );
  return {
    baseUrl,
    app,
    async close() {
      await app.close();
      if (first.databaseUrl) await db.close();
    },
  };
}
