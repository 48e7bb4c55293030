/**
 * One writer per embedded database, with real processes: a second server or command on the
 * same DVK_DATA_DIR is refused with the folder and the holder's process id while the first
 * runs; after the first is killed with -9 its lock is stale and a new start serves; several
 * processes racing for a stale lock leave exactly one holder. The embedded database only:
 * DATABASE_URL is removed from the processes' environment whatever the test run uses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';

interface Proc {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

const spawned: ChildProcess[] = [];
const tempDirs: string[] = [];

function run(script: string, args: string[], dataDir: string): Proc {
  const env: NodeJS.ProcessEnv = { ...process.env, DVK_DATA_DIR: dataDir, DVK_DEMO: 'false', PORT: '0', HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  delete env.DVK_LOG;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, script), ...args], {
    cwd: ROOT_DIR,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let text = '';
  child.stdout!.on('data', (b: Buffer) => (text += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (text += b.toString()));
  // 'close' comes after the output is read to its end (unlike 'exit').
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, out: () => text, exited };
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, p: Proc, ms = 240_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (p.child.exitCode !== null || p.child.signalCode !== null) {
      const code = await p.exited;
      const last = await probe();
      if (last !== undefined) return last;
      throw new Error(`the process ended (${code}) before ${what}:\n${p.out()}`);
    }
    if (Date.now() > deadline) throw new Error(`no ${what} in time:\n${p.out()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts the real server on a data folder and waits until /api/health answers at the printed address. */
async function startServer(dataDir: string): Promise<Proc & { baseUrl: string }> {
  const p = run('src/server.ts', [], dataDir);
  const baseUrl = await until('printed address', () => /DVK đang chạy: (http:\/\/localhost:\d+)/.exec(p.out())?.[1], p);
  await until('healthy answer', async () => ((await health(baseUrl)) ? true : undefined), p);
  return { ...p, baseUrl };
}

async function health(baseUrl: string): Promise<boolean> {
  try {
    const r = await fetch(`${baseUrl}/api/health`);
    return r.ok && (await r.json()).database === 'pglite';
  } catch {
    return false;
  }
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-one-writer-'));
  tempDirs.push(dir);
  return dir;
}

const refusal = (dataDir: string, pid: number) => [`Không mở được cơ sở dữ liệu trong thư mục dữ liệu ${dataDir}`, `mã tiến trình ${pid}`];

let dataDir: string;
let first: Proc & { baseUrl: string };

beforeAll(async () => {
  dataDir = tempDir();
  first = await startServer(dataDir);
}, 300_000);

afterAll(async () => {
  for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(spawned.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.on('exit', r)))));
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('one writer per embedded database', () => {
  it('a second server on the same data folder is refused with the folder and the first one’s process id', async () => {
    const second = run('src/server.ts', [], dataDir);
    // Whichever comes first: the second server ends, or it says it serves (the defect).
    const started = await until(
      'an exit or a start',
      async () => {
        if (/DVK đang chạy: http/.test(second.out())) return true;
        if (second.child.exitCode !== null) return (await second.exited, false);
        return undefined;
      },
      second,
    );
    expect(started).toBe(false);
    expect(await second.exited).not.toBe(0);
    for (const words of refusal(dataDir, first.child.pid!)) expect(second.out()).toContain(words);
    expect(await health(first.baseUrl)).toBe(true);
  }, 120_000);

  it('a command that opens the embedded database (migrate) is refused the same way', async () => {
    const migrate = run('src/cli/main.ts', ['migrate'], dataDir);
    expect(await migrate.exited).not.toBe(0);
    for (const words of refusal(dataDir, first.child.pid!)) expect(migrate.out()).toContain(words);
    expect(await health(first.baseUrl)).toBe(true);
  }, 120_000);

  it('after the holder is killed with -9 its lock does not block: a new start serves', async () => {
    const lockFile = path.join(dataDir, 'pglite.lock');
    first.child.kill('SIGKILL');
    await first.exited;
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(first.child.pid); // left behind
    const next = await startServer(dataDir);
    expect(await health(next.baseUrl)).toBe(true);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(next.child.pid);
    // a normal stop frees the folder
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 300_000);

  it('processes racing to take over a stale lock leave exactly one holder', async () => {
    const dir = path.join(tempDir(), 'pglite');
    // A lock naming a living process (this one) with another start time: the pid was reused.
    fs.writeFileSync(
      `${dir}.lock`,
      JSON.stringify({ pid: process.pid, host: os.hostname(), start: 1, token: 'old', since: '2026-01-01T00:00:00Z' }),
    );
    const racers = [0, 1, 2].map(() => run('tests/support/hold-data-dir.ts', [dir], dir));
    for (const r of racers) await until('ready', () => (r.out().includes('ready') ? true : undefined), r, 60_000);
    for (const r of racers) r.child.stdin!.write('go\n');
    const said = await Promise.all(racers.map((r) => until('answer', () => /(held|refused) (\d+)/.exec(r.out()) ?? undefined, r, 60_000)));
    const holders = said.filter((m) => m[1] === 'held');
    expect(holders).toHaveLength(1);
    const winner = Number(holders[0]![2]);
    for (const m of said.filter((x) => x[1] === 'refused')) expect(Number(m[2])).toBe(winner);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(winner);
    for (const r of racers) r.child.stdin!.end();
    await Promise.all(racers.map((r) => r.exited));
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  }, 120_000);
});
