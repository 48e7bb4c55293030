/**
 * `npm test`: the whole suite, in tiers.
 *   1. type check (server and web), then lint and format check (ESLint, Prettier)
 *   2. domain tests (pure code)
 *   3. API tests through real HTTP on embedded PGlite, and real processes on one data folder
 *   4. the same API tests on a real PostgreSQL server (DVK_TEST_DATABASE_URL, or a throwaway
 *      cluster started here from the machine's PostgreSQL binaries)
 *      and reads served by a streaming replica (tests/api/replica.test.ts starts its own primary
 *      and replica from those binaries)
 *   5. browser tests in Chromium (/usr/bin/chromium) against the built web app, on both engines
 * With CI=true a missing PostgreSQL or Chromium is a failure, never a silent skip.
 * Ends with one line "N passed, N failed" (and skipped tiers, named) over every tier.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startThrowawayPostgres } from './throwaway-postgres.mjs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, '.tmp', 'test-results');
fs.mkdirSync(outDir, { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let passed = 0;
let failed = 0;
const skipped = [];
const problems = [];
/** How long each tier took, printed before the summary (where the suite's time goes). */
const timings = [];

function sh(title, cmd, args, env = {}) {
  console.log(`\n━━ ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  timings.push(`${title}: ${Math.round((Date.now() - started) / 1000)} s`);
  if (r.status !== 0) problems.push(title);
  return r.status === 0;
}

/**
 * Several checks at once (the type checks and the lint are independent and each mostly one core):
 * each one's output is printed whole, in the order given, when it ends. True for each that passed.
 */
async function shTogether(steps) {
  const started = Date.now();
  const runs = steps.map(
    ([title, cmd, args]) =>
      new Promise((resolve) => {
        const child = spawn(cmd, args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => out.push(d));
        child.on('error', (err) => resolve({ title, ok: false, out: Buffer.from(String(err)), at: Date.now() }));
        child.on('close', (code) => resolve({ title, ok: code === 0, out: Buffer.concat(out), at: Date.now() }));
      }),
  );
  const results = await Promise.all(runs);
  for (const r of results) {
    console.log(`\n━━ ${r.title}`);
    process.stdout.write(r.out);
    timings.push(`${r.title}: ${Math.round((r.at - started) / 1000)} s (together with the others of its step)`);
    if (!r.ok) problems.push(r.title);
  }
  return results.map((r) => r.ok);
}

function vitest(title, project, env = {}) {
  const file = path.join(outDir, `${title.replace(/\W+/g, '-')}.json`);
  fs.rmSync(file, { force: true });
  sh(title, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  if (!fs.existsSync(file)) {
    failed += 1;
    return;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numTotalTests === 0) problems.push(`${title}: no test ran`);
  if (report.numPendingTests + report.numTodoTests > 0) skipped.push(`${title}: ${report.numPendingTests + report.numTodoTests} skipped`);
}

function need(what, why) {
  if (ci) {
    problems.push(`${what} missing (${why})`);
    failed += 1;
  } else {
    skipped.push(`${what} missing: ${why}`);
  }
}

// The report test converts a Word document with LibreOffice; a developer without it is told so.
const officeFound = ['/usr/bin/soffice', '/usr/bin/libreoffice'].some((p) => fs.existsSync(p));
if (!officeFound) {
  if (process.env.CI) problems.push('LibreOffice missing: install libreoffice-writer-nogui');
  else {
    process.env.DVK_NO_OFFICE = '1';
    skipped.push('LibreOffice missing: the report-to-PDF check was left out (apt-get install libreoffice-writer-nogui poppler-utils)');
  }
}

const only = process.argv[2]; // optional: typecheck | lint | domain | api | process | pg | replica | browser | bench
const want = (tier) => !only || only === tier;

// Type checks (server, web) and lint and format (ESLint with typescript-eslint and the rules of
// hooks, Prettier, as `npm run lint`) side by side.
const checks = [];
if (want('typecheck')) checks.push(['Kiểm tra kiểu (TypeScript)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']]);
if (want('typecheck') && fs.existsSync(path.join(root, 'web', 'tsconfig.json')))
  checks.push(['Kiểm tra kiểu (web)', 'npx', ['tsc', '-p', 'web/tsconfig.json', '--noEmit']]);
if (want('lint')) checks.push(['Lint (ESLint, Prettier)', 'npm', ['run', '--silent', 'lint']]);
for (const ok of await shTogether(checks)) if (!ok) failed += 1;
if (want('domain')) vitest('domain', 'domain');
if (want('api')) vitest('api on PGlite', 'api', { DVK_TEST_DATABASE_URL: '' });
// Real DVK processes on one data folder (the embedded database's single-writer lock).
if (want('api') || want('process')) vitest('processes on PGlite', 'process', { DVK_TEST_DATABASE_URL: '' });

let pgUrl = process.env.DVK_TEST_DATABASE_URL;
let pgServer = null;
if ((want('pg') || want('browser')) && !pgUrl) {
  try {
    pgServer = await startThrowawayPostgres();
  } catch (err) {
    console.error(String(err));
  }
  if (pgServer) {
    pgUrl = pgServer.url;
    console.log(`\nPostgreSQL tạm thời: ${pgServer.version} tại ${pgUrl}`);
  }
}

try {
  if (want('pg')) {
    if (pgUrl) vitest('api on PostgreSQL', 'api', { DVK_TEST_DATABASE_URL: pgUrl });
    else need('PostgreSQL', 'install the postgresql package or set DVK_TEST_DATABASE_URL');
  }
  // Its own primary and streaming replica (pg_basebackup -R); fails under CI without the binaries.
  if (want('pg') || want('replica')) vitest('replica on PostgreSQL', 'replica');

  if (want('browser')) {
    if (fs.existsSync(chromium)) {
      if (sh('Build web', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])) {
        vitest('browser on PGlite', 'browser', { CHROMIUM_PATH: chromium, DVK_TEST_DATABASE_URL: '' });
        if (pgUrl) vitest('browser on PostgreSQL', 'browser', { CHROMIUM_PATH: chromium, DVK_TEST_DATABASE_URL: pgUrl });
        else need('PostgreSQL', 'the browser journeys run on both engines');
      } else {
        failed += 1;
      }
    } else {
      need('Chromium', `no browser at ${chromium}; install the chromium package`);
    }
  }
} finally {
  pgServer?.stop();
}

// The benchmark's small version: a tiny data set, every scenario a few times, answers checked, no timing.
if (want('bench') && !sh('Benchmark (thử nhanh)', 'npx', ['tsx', 'bench/run.ts', '--smoke'])) failed += 1;

console.log('');
for (const t of timings) console.log(`time: ${t}`);
for (const s of skipped) console.log(`skipped: ${s}`);
for (const p of problems) console.log(`problem: ${p}`);
const ok = failed === 0 && problems.length === 0;
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
