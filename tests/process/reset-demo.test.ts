/**
 * `npm run dvk -- reset-demo`: the command an installer runs to go back to the demo data of a
 * first start. It asks for --yes, leaves a folder a running DVK holds alone, and otherwise
 * deletes what was there and loads the demo accounts and models again. The embedded database
 * only: DATABASE_URL is removed from the processes' environment whatever the test run uses.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';
import { openDb } from '../../src/data/db.js';
import { lockDataDir } from '../../src/data/data-dir-lock.js';

let dataDir: string;

function dvk(args: string[]): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DVK_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src/cli/main.ts'), ...args], {
    cwd: ROOT_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-reset-'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run dvk -- reset-demo', () => {
  it('asks for --yes and leaves a folder a running DVK holds alone', async () => {
    fs.mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'pglite', 'old-data'), 'old');

    const unconfirmed = await dvk(['reset-demo']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.out).toContain('reset-demo --yes');

    const lock = await lockDataDir(path.join(dataDir, 'pglite'));
    let whileHeld;
    try {
      whileHeld = await dvk(['reset-demo', '--yes']);
    } finally {
      lock.release();
    }
    expect(whileHeld.code).toBe(1);
    expect(whileHeld.out).toContain(String(process.pid));
    expect(fs.existsSync(path.join(dataDir, 'pglite', 'old-data'))).toBe(true);
  });

  it('deletes the database and the evidence files and loads the demo accounts and models', async () => {
    fs.mkdirSync(path.join(dataDir, 'files'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'files', 'old-evidence.jpg'), 'old');

    const reset = await dvk(['reset-demo', '--yes']);
    expect(reset.code, reset.out).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pglite', 'old-data'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'files', 'old-evidence.jpg'))).toBe(false);
    const db = await openDb({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const users = await db.pool.query<{ username: string }>('select username from app_user order by username');
      expect(users.rows.map((r) => r.username)).toEqual(expect.arrayContaining(['admin', 'officer', 'member', 'unit', 'viewer']));
      const models = await db.pool.query<{ n: number }>('select count(*)::int as n from registration');
      expect(models.rows[0]!.n).toBeGreaterThan(50);
    } finally {
      await db.close();
    }
  }, 900_000);
});
