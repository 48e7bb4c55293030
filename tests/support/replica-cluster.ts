/**
 * A throwaway PostgreSQL primary and its streaming replica on loopback, from the machine's server
 * binaries (Debian: /usr/lib/postgresql/<version>/bin), as an operator would set one up: initdb a
 * primary with wal_level=replica, `pg_basebackup -R` from it (which writes standby.signal and
 * primary_conninfo), start the copy on another port. As root the servers run as the 'postgres'
 * system user (PostgreSQL refuses root), as scripts/throwaway-postgres.mjs does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  /** Runs SQL on the replica as its superuser (pausing and resuming replay). */
  onReplica<R extends pg.QueryResultRow>(sql: string): Promise<R[]>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stopReplica(): void;
  stop(): void;
}

/** The folder of initdb, pg_ctl and pg_basebackup, or null when the server binaries are missing. */
export function postgresBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    for (const v of fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(base, v, 'bin'));
  }
  return candidates.find((d) => ['initdb', 'pg_ctl', 'pg_basebackup'].every((b) => fs.existsSync(path.join(d, b)))) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(sql)).rows;
  } finally {
    await c.end();
  }
}

export async function startReplicaCluster(bin: string): Promise<ReplicaCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-replica-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primaryData = path.join(dir, 'primary');
  const replicaData = path.join(dir, 'replica');
  const common = `-c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=60`;
  let started: string[] = [];
  const stopOne = (data: string) => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    started = started.filter((d) => d !== data);
  };
  try {
    // initdb's pg_hba.conf lets local and loopback replication connections in (trust).
    run('initdb', ['-D', primaryData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    const primaryOpts = `${common} -p ${primaryPort} -c wal_level=replica -c max_wal_senders=4`;
    run('pg_ctl', ['-D', primaryData, '-o', primaryOpts, '-l', path.join(dir, 'primary.log'), '-w', 'start']);
    started.push(primaryData);
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaData,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    const replicaOpts = `${common} -p ${replicaPort} -c hot_standby=on`;
    run('pg_ctl', ['-D', replicaData, '-o', replicaOpts, '-l', path.join(dir, 'replica.log'), '-w', 'start']);
    started.push(replicaData);
  } catch (err) {
    for (const d of [...started].reverse()) stopOne(d);
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
  return {
    primaryUrl,
    replicaUrl,
    onReplica: (sql) => query(replicaUrl, sql),
    async caughtUp(timeoutMs = 30_000) {
      const lsn = (await query<{ lsn: string }>(primaryUrl, 'select pg_current_wal_insert_lsn()::text as lsn'))[0]!.lsn;
      const until = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await query<{ behind: boolean }>(replicaUrl, `select pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn as behind`);
        if (!row!.behind) return;
        if (Date.now() > until) throw new Error(`the replica did not replay ${lsn} in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stopReplica: () => stopOne(replicaData),
    stop() {
      try {
        for (const d of [...started].reverse()) stopOne(d);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
