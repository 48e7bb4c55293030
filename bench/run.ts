/**
 * npm run bench [-- --target pg|pglite|both] [--seconds N] [--smoke] [--history]
 *
 * Starts DVK as its own process on a generated database (PostgreSQL from DATABASE_URL with the
 * national data set; PGlite under data/bench-province with the province one), runs the scenarios
 * over HTTP with concurrent clients, and prints p50, p95 and throughput of each, next to the same
 * question asked of the database directly (the repository functions the API calls, without HTTP,
 * sessions or JSON). Results go to bench/results/<target>.json. `--smoke` generates a tiny data
 * set in a temporary folder, runs every scenario a few times and checks the answers, not the times.
 * `--history`: the data set of `npm run gen -- --history` (PGlite under data/bench-province-history);
 * results go to bench/results/<target>-history.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT_DIR } from '../src/config.js';
import { bootstrap } from '../src/data/bootstrap.js';
import { openDb, type Db } from '../src/data/db.js';
import { BENCH_PASSWORD, generate } from './generate.js';
import { publishForBench } from './publish.js';
import { rawQuestions, SEARCHES, type Fixture } from './raw.js';
import { measure, printTable, type Result } from './measure.js';
import { Session } from './session.js';
import type { ResultsFile } from './table-render.js';
import { writeTable } from './table.js';

const { values } = parseArgs({
  options: {
    target: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '8' },
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    history: { type: 'boolean', default: false },
  },
});
const smoke = values.smoke;
const seconds = smoke ? 0 : Number(values.seconds);

interface Target {
  name: 'pg' | 'pglite';
  label: string;
  env: Record<string, string>;
  open: () => Promise<Db>;
}

function targets(): Target[] {
  const out: Target[] = [];
  if (smoke) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-bench-'));
    out.push({
      name: 'pglite',
      label: 'PGlite (thử nhanh)',
      env: { DVK_DATA_DIR: dir },
      open: () => openDb({ dataDir: path.join(dir, 'pglite') }),
    });
    return out;
  }
  if ((values.target === 'pg' || values.target === 'both') && process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    out.push({ name: 'pg', label: 'PostgreSQL', env: { DATABASE_URL: url }, open: () => openDb({ databaseUrl: url }) });
  } else if (values.target === 'pg') {
    throw new Error('DATABASE_URL is needed for the PostgreSQL benchmark (after npm run gen -- --scale national).');
  }
  if (values.target === 'pglite' || values.target === 'both') {
    const dir = path.join(ROOT_DIR, 'data', values.history ? 'bench-province-history' : 'bench-province');
    if (!fs.existsSync(path.join(dir, 'pglite')))
      throw new Error(`No province data set in ${dir}: run npm run gen -- --scale province${values.history ? ' --history' : ''} first.`);
    out.push({ name: 'pglite', label: 'PGlite', env: { DVK_DATA_DIR: dir }, open: () => openDb({ dataDir: path.join(dir, 'pglite') }) });
  }
  return out;
}

async function fixture(db: Db): Promise<Fixture> {
  const one = async <T extends object>(sql: string, params: unknown[] = []) => (await db.rows<T>(sql, params))[0]!;
  const root = await one<{ id: string; path: string }>(`select id, path::text as path from unit where code = 'VN'`);
  const user = async (name: string) =>
    one<{ unit_id: string; path: string }>(
      `select a.unit_id, u.path::text as path from app_user a join unit u on u.id = a.unit_id where a.username = $1`,
      [name],
    );
  const province = await user('bench_province');
  const commune = await user('bench_commune');
  const ids = (
    await db.rows<{ id: string }>(`select id from registration where unit_path <@ $1::ltree order by id limit 500`, [province.path])
  ).map((r) => r.id);
  const places = (await db.rows<{ id: string }>(`select id from unit where parent_id = $1 order by code`, [commune.unit_id])).map(
    (r) => r.id,
  );
  return {
    root,
    province: { id: province.unit_id, path: province.path },
    commune: { id: commune.unit_id, path: commune.path },
    registrationIds: ids,
    placeIds: places,
  };
}

function startServer(t: Target, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src', 'server.ts')], {
    cwd: ROOT_DIR,
    env: { ...process.env, ...t.env, PORT: String(port), DVK_DEMO: 'false', DVK_LOG: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 120_000;
    const poll = async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (r.ok) return resolve(child);
      } catch {
        /* not up yet */
      }
      if (child.exitCode !== null) return reject(new Error('the server stopped while starting'));
      if (Date.now() > deadline) return reject(new Error('the server did not start in 2 minutes'));
      setTimeout(poll, 300);
    };
    void poll();
  });
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The machine's load average over one minute, as `uptime` shows it first. */
const load1 = () => Math.round(os.loadavg()[0]! * 100) / 100;

/** What the run measured on: counts of the data set (and its size on PostgreSQL). */
async function dataset(db: Db): Promise<NonNullable<ResultsFile['dataset']>> {
  const n = async (sql: string) => Number((await db.rows<{ n: string }>(sql))[0]!.n);
  const out: NonNullable<ResultsFile['dataset']> = {
    units: await n('select count(*) as n from unit'),
    versions: await n('select count(*) as n from unit_version'),
    registrations: await n('select count(*) as n from registration'),
    tallyRows: await n('select count(*) as n from registration_tally where n <> 0'),
  };
  if (db.engine === 'postgres') out.sizeMb = Math.round((await n('select pg_database_size(current_database()) as n')) / 2 ** 20);
  return out;
}

/** A pivot of the dashboard for one year, on one tree: the scenario's names and its URL. */
export const HISTORY_YEARS = [
  { year: 2024, vi: 'năm 2024 (trước sắp xếp)', en: '2024 (before the reform)' },
  { year: 2025, vi: 'năm 2025 (sau sắp xếp)', en: '2025 (after the reform)' },
] as const;
export const TREES = [
  { tree: 'today', vi: 'địa giới hiện nay', en: 'tree of today' },
  { tree: 'then', vi: 'địa giới khi đó', en: 'tree of their time' },
] as const;
export const LEVELS = [
  { key: 'root', vi: 'toàn quốc', en: 'whole country' },
  { key: 'province', vi: 'tỉnh', en: 'a province' },
  { key: 'commune', vi: 'xã', en: 'a commune' },
] as const;

async function runTarget(
  t: Target,
): Promise<{ results: Result[]; maxRssMb: number; checks: string[]; failures: string[]; dataset: ResultsFile['dataset'] }> {
  const checks: string[] = [];
  // 1. The data, and the database asked directly (PGlite cannot be opened twice: before the server).
  const db = await t.open();
  await bootstrap(db);
  if (smoke) {
    await generate(db, { scale: 'tiny', seed: 7 });
  }
  const fx = await fixture(db);
  const slugs = await publishForBench(db);
  const data = smoke ? undefined : await dataset(db);
  const raw = await rawQuestions(db, fx, { seconds, smoke, history: values.history || smoke });
  await db.close();

  // 2. DVK over HTTP.
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = await startServer(t, port);
  let maxRss = rssMb(server.pid!);
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb(server.pid!));
  }, 200);
  try {
    const base = `http://127.0.0.1:${port}/api/v1`;
    const admin = await Session.login(base, 'bench_admin', BENCH_PASSWORD);
    const province = await Session.login(base, 'bench_province', BENCH_PASSWORD);
    const commune = await Session.login(base, 'bench_commune', BENCH_PASSWORD);
    const results: (Result & { en?: string; load1?: number })[] = [];
    const failures: string[] = [];
    const scenario = async (name: string, concurrency: number, fn: (i: number) => Promise<unknown>, rawKey?: string, en?: string) => {
      if (values.only && !name.toLowerCase().includes(values.only.toLowerCase())) return;
      let firstError: unknown = null;
      const r = await measure(name, concurrency, seconds, smoke ? 3 : 0, (i) =>
        fn(i).catch((e) => {
          firstError ??= e;
          throw e;
        }),
      );
      const sql = rawKey ? raw.get(rawKey) : undefined;
      results.push({ ...r, ...(en ? { en } : {}), rawP50: sql?.p50 ?? null, rawP95: sql?.p95 ?? null, load1: load1() });
      if (r.errors) failures.push(`${name}: ${r.errors} lỗi, ví dụ ${(firstError as Error | null)?.message ?? ''}`);
    };
    const queries = SEARCHES;

    // answers first: the API agrees with the database
    const total = await admin.json(`/stats?groupBy=field`);
    if (total.total.count !== raw.answers.rootCount)
      throw new Error(`dashboard total ${total.total.count} ≠ database ${raw.answers.rootCount}`);
    checks.push(`tổng toàn quốc ${total.total.count} = đếm trực tiếp`);
    const hits = await admin.json(`/search?q=${encodeURIComponent(queries[0]!)}`);
    if (hits.total !== raw.answers.searchTotal) throw new Error(`search total ${hits.total} ≠ database ${raw.answers.searchTotal}`);
    checks.push(`tìm kiếm "${queries[0]}": ${hits.total} kết quả = truy vấn trực tiếp`);

    await scenario('Bảng thống kê – toàn quốc', 8, () => admin.json(`/stats?groupBy=child,field`), 'dashboard-root');
    await scenario('Bảng thống kê – tỉnh', 8, () => province.json(`/stats?groupBy=child,field`), 'dashboard-province');
    await scenario('Bảng thống kê – xã', 8, () => commune.json(`/stats?groupBy=child,field`), 'dashboard-commune');
    // The same pivots on the tree as it stood in each record's year.
    await scenario(
      'Bảng thống kê theo cây khi đó – toàn quốc',
      8,
      () => admin.json(`/stats?groupBy=child,field&tree=then`),
      'dashboard-root-then',
      'dashboard pivot on the tree of their time (each record on its year), whole country',
    );
    await scenario(
      'Bảng thống kê theo cây khi đó – tỉnh',
      8,
      () => province.json(`/stats?groupBy=child,field&tree=then`),
      'dashboard-province-then',
      'dashboard pivot on the tree of their time, a province',
    );
    await scenario(
      'Bảng thống kê theo cây khi đó – xã',
      8,
      () => commune.json(`/stats?groupBy=child,field&tree=then`),
      'dashboard-commune-then',
      'dashboard pivot on the tree of their time, a commune',
    );
    // The data set with the tree's history: the pivots of a year before the reform and of one after
    // it, on either tree, each beside its SQL twin.
    if (values.history || smoke) {
      const who = { root: admin, province, commune };
      for (const y of HISTORY_YEARS)
        for (const tr of TREES)
          for (const l of LEVELS)
            await scenario(
              `Bảng thống kê ${y.vi}, ${tr.vi} – ${l.vi}`,
              8,
              () => who[l.key].json(`/stats?groupBy=child,field&year=${y.year}&tree=${tr.tree}`),
              `dashboard-${l.key}-${y.year}-${tr.tree}`,
              `dashboard pivot ${y.en}, ${tr.en}, ${l.en}`,
            );
    }
    await scenario(
      'Tìm kiếm không dấu – toàn quốc',
      8,
      (i) => admin.json(`/search?q=${encodeURIComponent(queries[i % queries.length]!)}`),
      'search',
    );
    await scenario(
      'Tìm kiếm không dấu – tỉnh',
      8,
      (i) => province.json(`/search?q=${encodeURIComponent(queries[i % queries.length]!)}`),
      'search-province',
    );
    await scenario(
      'Danh sách có lọc',
      8,
      (i) => province.json(`/registrations?fieldCode=${['economic', 'cultural_social'][i % 2]}&year=${2016 + (i % 10)}&pageSize=50`),
      'list',
    );
    await scenario(
      'Trang hồ sơ mô hình',
      8,
      (i) => province.json(`/registrations/${fx.registrationIds[i % fx.registrationIds.length]}`),
      'model',
    );
    const publicPage = async (url: string) => {
      const r = await fetch(`http://127.0.0.1:${port}${url}`);
      if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
      return (await r.text()).length;
    };
    if (slugs.length) {
      await scenario('Trang công khai – danh sách', 8, (i) => publicPage(i % 2 ? '/cong-khai' : '/cong-khai?trang=2'));
      await scenario('Trang công khai – một mô hình', 8, (i) => publicPage(`/cong-khai/mo-hinh/${slugs[i % slugs.length]}`));
      await scenario('Trang công khai – tìm kiếm', 8, (i) =>
        publicPage(`/cong-khai?tim=${encodeURIComponent(queries[i % queries.length]!)}`),
      );
      checks.push(`trang công khai: danh sách ${Math.round((await publicPage('/cong-khai')) / 1024)} KB HTML, không có script`);
    }
    await scenario('Đăng ký mô hình (16 người)', 16, async (i) => {
      const r = await commune.post('/registrations', {
        // officers of the commune's organisations and hamlets, in every field
        kind: 'model',
        unitId: fx.placeIds[i % fx.placeIds.length],
        holder: 'collective',
        title: `Mô hình đo hiệu năng số ${i}`,
        fieldCode: ['economic', 'cultural_social', 'defence_security', 'political_system', 'other'][i % 5],
        startDate: '2026-02-01',
        endDate: '2026-12-31',
        level: 'grassroots',
        criteria: [{ name: 'Số hộ tham gia', target: 10 }],
      });
      if (r.status !== 201) throw new Error(`registration: ${r.status} ${JSON.stringify(r.body)}`);
    });
    const report = await province.post('/review-reports', {
      unitId: fx.province.id,
      kind: 'final',
      yearFrom: 2016,
      yearTo: 2025,
      title: 'Tổng kết phong trào thi đua “Dân vận khéo” giai đoạn 2016 – 2025',
      issuingBody: 'Ban Chỉ đạo phong trào “Dân vận khéo”',
      place: 'Vĩnh Long',
      reportDate: '2026-11-23',
    });
    if (report.status !== 201) throw new Error(`report: ${report.status}`);
    const reportId = (report.body as { id: string }).id;
    await scenario(
      'Báo cáo tổng kết của tỉnh (.docx)',
      1,
      async () => {
        const r = await province.raw(`/review-reports/${reportId}/docx`);
        if (r.status !== 200 || r.body.subarray(0, 2).toString() !== 'PK') throw new Error(`docx: ${r.status}`);
      },
      'report',
    );
    if (!failures.length) checks.push('báo cáo .docx tạo được');
    return { results, maxRssMb: Math.round(maxRss), checks, failures, dataset: data };
  } finally {
    clearInterval(sampler);
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

const out = path.join(ROOT_DIR, 'bench', 'results');
fs.mkdirSync(out, { recursive: true });
let failed = false;
let wrote = false;
for (const t of targets()) {
  console.log(`\n━━ ${t.label}`);
  const startedAt = new Date().toISOString();
  const loadAtStart = load1();
  try {
    const r = await runTarget(t);
    printTable(r.results);
    console.log(`Bộ nhớ lớn nhất của tiến trình DVK: ${r.maxRssMb} MB`);
    for (const c of r.checks) console.log(`✓ ${c}`);
    for (const f of r.failures) console.log(`✗ ${f}`);
    if (r.failures.length) failed = true;
    if (!smoke && !values.only) {
      const file: ResultsFile = {
        target: t.label,
        at: startedAt,
        seconds,
        maxRssMb: r.maxRssMb,
        history: values.history,
        ...(r.dataset ? { dataset: r.dataset } : {}),
        load: { start: loadAtStart, end: load1() },
        results: r.results,
      };
      fs.writeFileSync(path.join(out, `${t.name}${values.history ? '-history' : ''}.json`), JSON.stringify(file, null, 2) + '\n');
      wrote = true;
    }
  } catch (e) {
    failed = true;
    console.error(`✗ ${t.label}: ${(e as Error).message}`);
  }
}
// docs/PERFORMANCE.md's results tables follow the files just written.
if (wrote && writeTable()) console.log('docs/PERFORMANCE.md: đã cập nhật bảng kết quả (npm run bench:table).');
process.exit(failed ? 1 : 0);
