/**
 * npx tsx bench/notify-fanout.ts [--accounts 10000] [--runs 3]
 *
 * Measures the fan-out of a campaign launch: the province of Vĩnh Long (the demo map) with
 * `--accounts` unit officers spread over its units (half with an e-mail address, one message per
 * event), a provincial officer launching a campaign for the whole province. Each run times the
 * launch request's transaction (the state change, the outbox row, one notification per account,
 * the e-mails queued, the audit row) and reads the database's own counters around it. Runs on a
 * throwaway PGlite in memory, or on PostgreSQL when DATABASE_URL names a server (a temporary
 * database is created there and dropped).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bootstrap } from '../src/data/bootstrap.js';
import { openDb, type Db } from '../src/data/db.js';
import { findUserByUsername } from '../src/data/users-repo.js';
import { seedDemo } from '../src/seed/demo.js';
import { createCampaign, setCampaignState } from '../src/services/campaigns/campaigns.js';
import { actorOf } from '../src/services/user-presenter.js';

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const accounts = Number(values.accounts);
const runs = Number(values.runs);

async function open(): Promise<{ db: Db; label: string; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { db: await openDb({ dataDir: 'memory://' }), label: 'PGlite (memory)', drop: async () => {} };
  const name = `dvk_bench_notify_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    db: await openDb({ databaseUrl: u.toString(), poolSize: 4 }),
    label: 'PostgreSQL 15',
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const { db, label, drop } = await open();
try {
  await bootstrap(db);
  await seedDemo(db, 'Bench-Notify-2026');
  // `accounts` unit officers over the province's units, round robin; every other one with an address.
  await db.pool.query(
    `insert into app_user (id, username, full_name, password_hash, role, unit_id, entry_unit_id, view_unit_id, email, mail_mode)
     select gen_random_uuid(), 'cb' || g, 'Cán bộ ' || g, 'x', 'unit_officer', u.id, u.id, u.id,
            case when g % 2 = 0 then 'cb' || g || '@example.vn' end, 'immediate'
       from generate_series(1, $1) g
       join (select id, row_number() over (order by path) - 1 as i, count(*) over () as n
               from unit where path <@ (select path from unit where code = 'T86')) u on u.i = g % u.n`,
    [accounts],
  );
  const units = (
    await db.pool.query<{ n: number }>(`select count(*) as n from unit where path <@ (select path from unit where code = 'T86')`)
  ).rows[0]!.n;
  const officer = actorOf((await findUserByUsername(db.pool, 'officer'))!);
  const ctx = { db, actor: officer, ip: null, lang: 'vi' as const };
  const province = (await db.pool.query<{ id: string }>(`select id from unit where code = 'T86'`)).rows[0]!.id;
  const stats = async () =>
    db.engine === 'postgres'
      ? (
          await db.pool.query<{ ins: number; hit: number; read: number; commits: number }>(
            `select tup_inserted as ins, blks_hit as hit, blks_read as read, xact_commit as commits
               from pg_stat_database where datname = current_database()`,
          )
        ).rows[0]!
      : null;
  console.log(`${label}: ${accounts} accounts over ${units} units of the province`);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c = await createCampaign(ctx, {
      unitId: province,
      title: `Phát động đo tải ${r + 1}`,
      yearFrom: 2026,
      yearTo: 2026,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      focusThemes: [],
      quotas: [],
    });
    await db.pool.query('select pg_stat_clear_snapshot()').catch(() => undefined);
    const before = await stats();
    const t0 = performance.now();
    await setCampaignState(ctx, c.id, c.version, 'launched');
    const ms = performance.now() - t0;
    await new Promise((res) => setTimeout(res, 600)); // the statistics collector reports after the commit
    await db.pool.query('select pg_stat_clear_snapshot()').catch(() => undefined);
    const after = await stats();
    const told = (
      await db.pool.query<{ n: number; m: number }>(
        `select count(*) as n, count(m.id) as m from notification n join outbox o on o.id = n.outbox_id
           left join mail_delivery m on m.notification_id = n.id where o.entity_id = $1`,
        [c.id],
      )
    ).rows[0]!;
    times.push(ms);
    const load =
      before && after
        ? `, rows inserted ${after.ins - before.ins}, buffers hit ${after.hit - before.hit}, read ${after.read - before.read}`
        : '';
    console.log(`run ${r + 1}: launch ${ms.toFixed(0)} ms, ${told.n} notifications, ${told.m} e-mails queued${load}`);
  }
  times.sort((a, b) => a - b);
  console.log(`median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms`);
} finally {
  await db.close();
  await drop();
}
