/**
 * Reads served by a real PostgreSQL streaming replica (DATABASE_REPLICA_URL). The test starts a
 * primary and a replica made with `pg_basebackup -R` from the machine's PostgreSQL binaries. Replay
 * is paused on the replica to hold it behind: the user who just saved a registration still finds it
 * everywhere (read from the primary), another user's statistics come (stale) from the replica, and
 * once replay resumes everybody sees it. A replica that goes down costs no request.
 *
 * Runs in its own tier (`npm test`, scripts/test.mjs): under CI=true missing PostgreSQL binaries
 * fail it; elsewhere it is skipped and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLAY_CACHE_MS } from '../../src/data/read-routing.js';
import { postgresBinDir, startReplicaCluster, type ReplicaCluster } from '../support/replica-cluster.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DEMO_UNITS, loginAll, unitId, type Users } from './helpers.js';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const bin = postgresBinDir();
if (!bin && ci) throw new Error('PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) are missing: install the postgresql package');
if (!bin) console.warn('replica.test.ts skipped: no PostgreSQL server binaries (install the postgresql package, or set PG_BIN_DIR)');

let cluster: ReplicaCluster;
let srv: TestServer;
let u: Users;
const logged: string[] = [];

describe.skipIf(!bin)('reads served by a streaming replica', () => {
  beforeAll(async () => {
    cluster = await startReplicaCluster(bin!);
    srv = await startTestServer({
      web: false,
      database: { url: cluster.primaryUrl, replicaUrl: cluster.replicaUrl, log: (m) => logged.push(m) },
    });
    u = await loginAll(srv);
    await cluster.caughtUp();
  });
  afterAll(async () => {
    await srv?.close();
    cluster?.stop();
  });

  const routing = () => ({ ...srv.db.readRouting! });
  const stats = async (who: keyof Users) => {
    const r = await u[who].get('/api/v1/stats?allStates=true');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.total.count as number;
  };
  /** Asks for an export of every registration in view and waits for it: the number of rows it wrote. */
  const exportTotal = async (who: keyof Users) => {
    const r = await u[who].post('/api/v1/exports', { kind: 'registrations', filter: {} });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    for (let i = 0; i < 400; i++) {
      const j = await u[who].get(`/api/v1/exports/${r.body.id}`);
      if (j.body.state === 'failed') throw new Error(JSON.stringify(j.body));
      if (j.body.state === 'done') return j.body.total as number;
      await new Promise((res) => setTimeout(res, 25));
    }
    throw new Error('export not finished');
  };
  const search = async (who: keyof Users, q: string) => {
    const r = await u[who].get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body.items as { id: string }[]).map((x) => x.id);
  };

  it('statistics and search are answered by the replica, a transaction by the primary', async () => {
    const before = routing();
    await stats('officer');
    await search('officer', 'dan van kheo');
    const after = routing();
    expect(after.replica).toBeGreaterThan(before.replica);
    expect(after.primary).toBe(before.primary);
    // The pool those reads went to is the standby; inside a transaction the same call gives the primary.
    const reader = await srv.db.reads();
    expect((await reader.query<{ standby: boolean }>('select pg_is_in_recovery() as standby')).rows[0]!.standby).toBe(true);
    const inside = await srv.db.tx(async () => {
      const q = await srv.db.reads();
      return (await q.query<{ standby: boolean }>('select pg_is_in_recovery() as standby')).rows[0]!.standby;
    });
    expect(inside).toBe(false);
  });

  it('with replay paused the writer still sees the new registration everywhere, another user reads the replica as it was; after resume everybody sees it', async () => {
    const writerBefore = await stats('unit');
    const otherBefore = await stats('officer');
    const exportedBefore = await exportTotal('officer');
    const commune = await unitId(u.admin, DEMO_UNITS.commune);

    await cluster.onReplica('select pg_wal_replay_pause()');
    for (let i = 0; i < 100; i++) {
      const [row] = await cluster.onReplica<{ state: string }>('select pg_get_wal_replay_pause_state() as state');
      if (row!.state === 'paused') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    try {
      const title = 'Mô hình Sân chơi an toàn cho thiếu nhi ấp Mỹ Hòa';
      const saved = await u.unit.post('/api/v1/registrations', {
        kind: 'model',
        unitId: commune,
        holder: 'collective',
        title,
        fieldCode: 'cultural_social',
        startDate: '2026-02-01',
        endDate: '2026-11-30',
        level: 'commune',
        origin: 'new',
        plannedFundsVnd: 5_000_000,
        plannedWorkdays: 10,
        criteria: [{ name: 'Số trẻ em tham gia', target: 40 }],
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      const id = saved.body.id as string;
      // Replay is paused: the replica does not have it.
      const onReplica = await cluster.onReplica<{ n: number }>(`select count(*)::int as n from registration where id = '${id}'`);
      expect(onReplica[0]!.n).toBe(0);

      // The writer: the record page, their list, their search and their statistics all show it.
      const page = await u.unit.get(`/api/v1/registrations/${id}`);
      expect(page.status).toBe(200);
      expect(page.body.title).toBe(title);
      const list = await u.unit.get('/api/v1/registrations?pageSize=200&sort=-updated');
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      expect((list.body.items as { id: string }[]).map((x) => x.id)).toContain(id);
      const before = routing();
      expect(await search('unit', 'san choi an toan thieu nhi my hoa')).toContain(id);
      expect(await stats('unit')).toBe(writerBefore + 1);
      const mid = routing();
      expect(mid.replica).toBe(before.replica);
      expect(mid.primary).toBeGreaterThan(before.primary);

      // Another user's statistics come from the replica, as it stood before the write.
      expect(await stats('officer')).toBe(otherBefore);
      expect(routing().replica).toBeGreaterThan(mid.replica);

      // An export job, whoever asked and whichever instance runs it, never reads behind what was
      // committed before it started: with the replica held back it reads the primary.
      const held = routing();
      expect(await exportTotal('officer')).toBe(exportedBefore + 1);
      expect(routing().replica).toBe(held.replica);
    } finally {
      await cluster.onReplica('select pg_wal_replay_resume()');
    }

    await cluster.caughtUp();
    // The replay position is cached briefly: once that has passed, DVK asks the replica again.
    await new Promise((r) => setTimeout(r, REPLAY_CACHE_MS + 50));
    expect(await stats('officer')).toBe(otherBefore + 1);
    // The writer's reads go back to the replica once it has replayed the write.
    const back = routing();
    expect(await stats('unit')).toBe(writerBefore + 1);
    expect(routing().replica).toBeGreaterThan(back.replica);
    expect(routing().primary).toBe(back.primary);
    // Caught up, the export job reads the replica.
    const caught = routing();
    expect(await exportTotal('officer')).toBe(exportedBefore + 1);
    expect(routing().replica).toBeGreaterThan(caught.replica);
  });

  it('a replica that is down: reads fall back to the primary, the trouble is logged, no request fails', async () => {
    const expected = await stats('officer');
    cluster.stopReplica();
    const before = routing();
    expect(await stats('officer')).toBe(expected);
    expect(await search('officer', 'san choi an toan thieu nhi my hoa')).toHaveLength(1);
    const after = routing();
    expect(after.fallbacks + after.primary).toBeGreaterThan(before.fallbacks + before.primary);
    expect(after.replica).toBe(before.replica);
    expect(logged.some((m) => m.includes('Bản sao cơ sở dữ liệu không trả lời'))).toBe(true);
  });
});
