/**
 * npm run gen -- --scale national|province|tiny [--seed N]
 * Fills the database named by DATABASE_URL (PostgreSQL) or the embedded one under DVK_DATA_DIR.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig, pgliteDir, ROOT_DIR } from '../src/config.js';
import { bootstrap } from '../src/data/bootstrap.js';
import { openDb } from '../src/data/db.js';
import { exitWhenDataDirLocked } from '../src/data/data-dir-lock.js';
import { BENCH_PASSWORD, generate, SCALES } from './generate.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'province' }, seed: { type: 'string', default: '2026' } } });
const scale = values.scale as keyof typeof SCALES;
if (!(scale in SCALES)) {
  console.error('Quy mô phải là national, province hoặc tiny.');
  process.exit(2);
}
// Without DATABASE_URL the data set goes to its own embedded database, never the everyday one.
const cfg = loadConfig({ ...process.env, DVK_DATA_DIR: process.env.DVK_DATA_DIR ?? path.join(ROOT_DIR, 'data', `bench-${scale}`) });
if (scale === 'national' && !cfg.databaseUrl) {
  console.error('Quy mô toàn quốc (5 triệu mô hình) cần PostgreSQL: đặt DATABASE_URL.');
  process.exit(2);
}
const db = await openDb({ databaseUrl: cfg.databaseUrl, dataDir: pgliteDir(cfg) }).catch(exitWhenDataDirLocked);
console.log(`Cơ sở dữ liệu: ${cfg.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : pgliteDir(cfg)}`);
await bootstrap(db);
const t0 = Date.now();
const r = await generate(db, {
  scale,
  seed: Number(values.seed),
  log: (s) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${s}`),
});
console.log(
  `Xong sau ${((Date.now() - t0) / 1000).toFixed(0)} s: ${r.units.toLocaleString('vi-VN')} đơn vị, ${r.registrations.toLocaleString('vi-VN')} mô hình, điển hình.`,
);
console.log(`Tài khoản đo: bench_admin, bench_province, bench_commune (mật khẩu ${BENCH_PASSWORD}).`);
await db.close();
