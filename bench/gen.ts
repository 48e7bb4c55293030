/**
 * npm run gen -- --scale national|province|tiny [--seed N] [--history] [--models N]
 * Fills the database named by DATABASE_URL (PostgreSQL) or the embedded one under DVK_DATA_DIR.
 * `--history`: the tree of 30/06/2025 with the 2025 reform applied by the history loader, the
 * records of 2016–2024 on the old units (embedded: data/bench-<scale>-history).
 * `--models N`: that many models and exemplars instead of the scale's (the same units).
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig, pgliteDir, ROOT_DIR } from '../src/config.js';
import { bootstrap } from '../src/data/bootstrap.js';
import { openDb } from '../src/data/db.js';
import { exitWhenDataDirLocked } from '../src/data/data-dir-lock.js';
import { BENCH_PASSWORD, generate, SCALES } from './generate.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'province' },
    seed: { type: 'string', default: '2026' },
    history: { type: 'boolean', default: false },
    models: { type: 'string' },
  },
});
const history = values.history;
const scale = values.scale as keyof typeof SCALES;
if (!(scale in SCALES)) {
  console.error('Quy mô phải là national, province hoặc tiny.');
  process.exit(2);
}
// Without DATABASE_URL the data set goes to its own embedded database, never the everyday one.
const cfg = loadConfig({
  ...process.env,
  DVK_DATA_DIR: process.env.DVK_DATA_DIR ?? path.join(ROOT_DIR, 'data', `bench-${scale}${history ? '-history' : ''}`),
});
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
  history,
  ...(values.models ? { models: Number(values.models) } : {}),
  log: (s) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${s}`),
});
console.log(
  `Xong sau ${((Date.now() - t0) / 1000).toFixed(0)} s: ${r.units.toLocaleString('vi-VN')} đơn vị, ${r.registrations.toLocaleString('vi-VN')} mô hình, điển hình.`,
);
if (r.reform) {
  const f = r.reform;
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `Sắp xếp năm 2025: nạp lịch sử ${sec(f.loadMs)} (${f.oldUnitsAdded.toLocaleString('vi-VN')} đơn vị cũ, ${f.changesAdded.toLocaleString('vi-VN')} thay đổi); ` +
      `${f.oldUnits.toLocaleString('vi-VN')} tổ chức, ấp, khối của cây cũ; ${f.recordsMoved.toLocaleString('vi-VN')} hồ sơ chuyển đường dẫn ${sec(f.moveMs)}; ` +
      `sổ tổng hợp ${sec(f.talliesMs)}.`,
  );
}
console.log(`Tài khoản đo: bench_admin, bench_province, bench_commune (mật khẩu ${BENCH_PASSWORD}).`);
await db.close();
