/**
 * Starts DVK: opens the database (embedded PGlite under DVK_DATA_DIR, or PostgreSQL when
 * DATABASE_URL is set), runs migrations, loads demo data on a first start, serves HTTP.
 */
import type { AddressInfo } from 'node:net';
import { openDb } from './data/db.js';
import { exitWhenDataDirLocked } from './data/data-dir-lock.js';
import { bootstrap } from './data/bootstrap.js';
import { buildApp } from './http/app.js';
import { loadConfig, pgliteDir } from './config.js';
import { demoAccounts, isSeeded, seedDemo } from './seed/demo.js';
import { hasDemoModels, seedDemoModels } from './seed/demo-models.js';
import { seedDemoShowcase } from './seed/demo-showcase.js';

const cfg = loadConfig();
// Refused with a Vietnamese message while another process holds the embedded database.
const db = await openDb({ databaseUrl: cfg.databaseUrl, replicaUrl: cfg.databaseReplicaUrl, dataDir: pgliteDir(cfg) }).catch(
  exitWhenDataDirLocked,
);
await bootstrap(db);
const firstStart = !(await isSeeded(db));
if (firstStart && process.env.DVK_DEMO !== 'false') {
  console.log('Lần chạy đầu: đang nạp dữ liệu mẫu (tỉnh Vĩnh Long)…');
  await seedDemo(db, cfg.demoPassword);
  if (!(await hasDemoModels(db))) await seedDemoModels(db);
  await seedDemoShowcase(db, cfg.filesDir);
}
const app = await buildApp({
  db,
  webDir: cfg.webDir,
  filesDir: cfg.filesDir,
  publicUrl: cfg.publicUrl,
  smtpUrl: cfg.smtpUrl,
  jobIntervalMs: cfg.jobIntervalSeconds * 1000,
  logger: process.env.DVK_LOG === 'true',
});
await app.listen({ port: cfg.port, host: cfg.host });

// The port actually bound (PORT=0 asks the system for a free one).
const url = cfg.publicUrl ?? `http://localhost:${(app.server.address() as AddressInfo).port}`;
const where = cfg.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite tại ${pgliteDir(cfg)}`;
console.log(`\nDVK đang chạy: ${url}\nCơ sở dữ liệu: ${where}\nTài liệu API: ${url}/api/v1/docs`);
if (process.env.DVK_DEMO !== 'false') {
  const accounts = await demoAccounts(db.pool).catch(() => []);
  if (accounts.length) {
    const pw = process.env.DVK_DEMO_PASSWORD ? '(giá trị của DVK_DEMO_PASSWORD)' : cfg.demoPassword;
    console.log(`\nTài khoản dùng thử (mật khẩu: ${pw}):`);
    for (const a of accounts) console.log(`  ${a.username.padEnd(8)} ${a.fullName} – ${a.position}`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void app
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
}
