/**
 * One writer per embedded database. PGlite keeps the whole database in one process's memory and
 * writes it back to its folder; a second process opening the same folder works on its own copy
 * and the two overwrite each other's writes (lost registrations, duplicate keys, wrong tallies).
 * So whoever opens an embedded database first holds `<folder>.lock` next to it until it closes
 * or exits, and everyone else is refused with the holder's process id.
 *
 * The lock file names its holder: process id, host name and the process start time (from
 * /proc, Linux), plus a random token for this opening. A lock whose process is gone, or whose
 * process id now belongs to another process (start time differs), is stale and is taken over,
 * so a holder killed with -9 blocks nobody. A lock written on another host cannot be checked
 * from here and counts as held.
 *
 * Why it cannot be doubly taken:
 * - a lock file appears complete in one step: written to a private file, then hard-linked to
 *   its name (link fails if the name exists), so nobody reads a half-written lock;
 * - a stale lock is removed only by the process that first creates its claim file
 *   `<lock>.takeover-<inode>` (also by link, so exactly one taker per stale lock). The claimant
 *   checks that the lock still is the stale one it judged, removes it, and everybody (claimant
 *   included) races to link a new one again: one wins, the others find a live holder. A claim
 *   left by a taker killed during those few steps is itself stale and taken over the same way.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, errorMessage } from '../domain/errors.js';

export interface LockHolder {
  pid: number;
  host: string;
  /** The process start time in clock ticks after boot (/proc/<pid>/stat field 22); null off Linux. */
  start: number | null;
  token: string;
  since: string;
}

export interface DataDirLock {
  file: string;
  holder: LockHolder;
  /** Removes the lock file if it is still this opening's. Safe to call twice. */
  release(): void;
}

/** The start time of a process, or null when /proc cannot tell (not Linux, no such process). */
export function processStartTime(pid: number | 'self'): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = Number(fields[19]);
    return Number.isFinite(start) ? start : null;
  } catch {
    return null;
  }
}

/** True when the holder may still be running: we cannot prove that it is gone. */
export function holderAlive(h: LockHolder): boolean {
  if (h.host !== os.hostname()) return true;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: the process exists but belongs to another user.
  }
  if (h.start !== null) {
    const now = processStartTime(h.pid);
    if (now !== null && now !== h.start) return false; // the pid now names another process
  }
  return true;
}

interface Seen {
  holder: LockHolder | null;
  ino: number;
}

/** Reads a lock or claim file with the inode it was read from; null when it does not exist. */
function readLock(file: string): Seen | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const ino = fs.fstatSync(fd).ino;
    const text = fs.readFileSync(fd, 'utf8');
    return { holder: parseHolder(text), ino };
  } finally {
    fs.closeSync(fd);
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string' || typeof h.token !== 'string') return null;
    return { pid: h.pid, host: h.host, start: typeof h.start === 'number' ? h.start : null, token: h.token, since: String(h.since ?? '') };
  } catch {
    return null;
  }
}

/** Creates `file` with the holder's record in one step; false when the name is taken. */
function createExclusive(file: string, holder: LockHolder): boolean {
  const text = JSON.stringify(holder);
  const tmp = `${file}.${holder.pid}-${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, text, { flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
    // A file system without hard links: exclusive create, then write (a reader may meet it empty).
    try {
      fs.writeFileSync(file, text, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function removeIfSame(file: string, ino: number, token: string | null): boolean {
  const now = readLock(file);
  if (!now || now.ino !== ino || (now.holder?.token ?? null) !== token) return false;
  fs.rmSync(file, { force: true });
  return true;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Tries to hold `file`. Returns null when held, or the live holder that refuses it. A stale
 * holder is removed under a claim (see the header); a file that cannot be read as a lock
 * (written by a file system without hard links, or damaged) gets a moment to be completed,
 * then counts as stale.
 */
async function hold(file: string, me: LockHolder, depth = 0): Promise<LockHolder | null> {
  for (let attempt = 0; ; attempt++) {
    if (createExclusive(file, me)) return null;
    const seen = readLock(file);
    if (!seen) continue; // released meanwhile: race for it again
    if (seen.holder && holderAlive(seen.holder)) {
      if (depth === 0 || attempt > 200) return seen.holder;
      // A live claimant is finishing a takeover: it takes milliseconds.
      await sleep(10);
      continue;
    }
    if (!seen.holder && attempt < 20) {
      await sleep(50);
      continue;
    }
    if (depth > 5) throw new Error(`cannot take over the stale lock ${file}`);
    const claim = `${file}.takeover-${seen.ino}`;
    const other = await hold(claim, me, depth + 1);
    if (other) return other; // a claimant that stays alive for seconds: report it as the holder
    try {
      removeIfSame(file, seen.ino, seen.holder?.token ?? null);
    } finally {
      removeIfSame(claim, readLock(claim)?.ino ?? -1, me.token);
    }
  }
}

/**
 * Holds the lock of an embedded database folder for this process, or throws DATA_DIR_LOCKED
 * naming the data folder and the process that holds it.
 */
export async function lockDataDir(databaseDir: string): Promise<DataDirLock> {
  const resolved = path.resolve(databaseDir);
  const file = `${resolved}.lock`;
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    start: processStartTime('self'),
    token: randomBytes(12).toString('hex'),
    since: new Date().toISOString(),
  };
  const other = await hold(file, me);
  if (other) {
    throw new AppError('DATA_DIR_LOCKED', { dataDir: path.dirname(resolved), pid: other.pid, host: other.host, lockFile: file });
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    const seen = readLock(file);
    if (seen?.holder?.token === me.token) fs.rmSync(file, { force: true });
  };
  // A normal exit without close (an error in a command, process.exit) still frees the folder.
  process.on('exit', release);
  return { file, holder: me, release };
}

/**
 * For the programs that open the database (server, command line, data generator): a folder held
 * by another process ends this one with the Vietnamese message and exit code 1, not a stack trace.
 */
export function exitWhenDataDirLocked(err: unknown): never {
  if (err instanceof AppError && err.code === 'DATA_DIR_LOCKED') {
    console.error(errorMessage(err.code, err.params, 'vi'));
    process.exit(1);
  }
  throw err;
}
