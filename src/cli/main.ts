/**
 * `npm run dvk -- <command>`: administration from the command line, on the same database the
 * server uses (PGlite under DVK_DATA_DIR, or DATABASE_URL).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { openDb } from '../data/db.js';
import { exitWhenDataDirLocked, lockDataDir } from '../data/data-dir-lock.js';
import { bootstrap } from '../data/bootstrap.js';
import { insertAudit } from '../data/audit-repo.js';
import { findUserByUsername, insertUser } from '../data/users-repo.js';
import { loadConfig, pgliteDir, type Config } from '../config.js';
import { ensureRoot, loadAdminUnits } from '../seed/admin-units.js';
import { loadAdminHistory } from '../seed/admin-history.js';
import { seedDemo } from '../seed/demo.js';
import { hasDemoModels, seedDemoModels } from '../seed/demo-models.js';
import { seedDemoShowcase } from '../seed/demo-showcase.js';
import { assertStrongPassword, hashPassword } from '../services/auth/passwords.js';
import { AppError, errorMessage } from '../domain/errors.js';

const HELP = `Cách dùng: npm run dvk -- <lệnh> [tùy chọn]

Lệnh:
  migrate                     Chạy các bản cập nhật cấu trúc cơ sở dữ liệu
  create-admin --username U --password P [--name "Họ tên"]
                              Tạo tài khoản quản trị toàn hệ thống
  seed-demo [--password P]    Nạp dữ liệu mẫu (tỉnh Vĩnh Long, tài khoản dùng thử)
  reset-demo --yes            Xóa toàn bộ dữ liệu trong DVK_DATA_DIR (cơ sở dữ liệu nhúng và tệp minh chứng)
                              rồi nạp lại dữ liệu mẫu như lần chạy đầu; cần dừng DVK trước
  load-admin-units            Nạp bản đồ hành chính 2025: 34 tỉnh, thành và 3.321 xã, phường, đặc khu (mã chính thức)
  load-admin-history [--province 86 ...]
                              Nạp cây đơn vị hành chính trước 01/7/2025 (63 tỉnh, 696 huyện, 10.035 xã)
                              và áp dụng đợt sắp xếp năm 2025 theo các nghị quyết; chạy lại không thêm gì

Cơ sở dữ liệu: DATABASE_URL nếu có, nếu không là PGlite trong DVK_DATA_DIR (mặc định ./data).`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      province: { type: 'string', multiple: true },
      yes: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (!command || values.help) {
    console.log(HELP);
    return command ? 0 : 1;
  }
  const cfg = loadConfig();
  if (command === 'reset-demo') return resetDemo(cfg, values.yes === true, values.password);
  const db = await openDb({ databaseUrl: cfg.databaseUrl, replicaUrl: cfg.databaseReplicaUrl, dataDir: pgliteDir(cfg) }).catch(
    exitWhenDataDirLocked,
  );
  try {
    const applied = await bootstrap(db);
    switch (command) {
      case 'migrate':
        console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
        return 0;
      case 'create-admin': {
        const username = values.username?.trim().toLowerCase();
        const password = values.password;
        if (!username || !password) {
          console.error('Thiếu --username hoặc --password.\n\n' + HELP);
          return 1;
        }
        assertStrongPassword(password, { username, fullName: values.name });
        if (await findUserByUsername(db.pool, username)) {
          console.error(errorMessage('USERNAME_TAKEN', { username }, 'vi'));
          return 1;
        }
        const passwordHash = await hashPassword(password);
        await db.tx(async (q) => {
          const root = await ensureRoot(q);
          const id = randomUUID();
          const fullName = values.name?.trim() || 'Quản trị hệ thống';
          await insertUser(q, {
            id,
            username,
            fullName,
            position: 'Quản trị viên',
            passwordHash,
            role: 'admin',
            unitId: root.id,
            entryUnitId: root.id,
            viewUnitId: root.id,
            mustChangePassword: false,
          });
          await insertAudit(q, {
            actorId: null,
            actorName: 'Dòng lệnh',
            action: 'user.create',
            entityType: 'user',
            entityId: id,
            entityLabel: username,
            unitPath: root.path,
            after: { username, role: 'admin' },
          });
        });
        console.log(`Đã tạo tài khoản quản trị "${username}".`);
        return 0;
      }
      case 'seed-demo': {
        const accounts = await seedDemo(db, values.password ?? cfg.demoPassword);
        const models = (await hasDemoModels(db)) ? 0 : await seedDemoModels(db);
        const shown = await seedDemoShowcase(db, cfg.filesDir);
        console.log(
          `Đã nạp dữ liệu mẫu: ${models} mô hình, điển hình; ${shown} mô hình công khai. Tài khoản: ${accounts.map((a) => a.username).join(', ')}`,
        );
        return 0;
      }
      case 'load-admin-units': {
        const added = await loadAdminUnits(db);
        const { rows } = await db.pool.query<{ kind: string; n: number }>(
          `select kind, count(*) as n from unit where kind in ('province', 'commune') group by kind order by kind`,
        );
        console.log(
          `Đã thêm ${added.toLocaleString('vi-VN')} đơn vị. Hiện có: ${rows.map((r) => `${r.n.toLocaleString('vi-VN')} ${r.kind === 'province' ? 'tỉnh, thành' : 'xã, phường, đặc khu'}`).join('; ')}.`,
        );
        return 0;
      }
      case 'load-admin-history': {
        const started = Date.now();
        const r = await loadAdminHistory(db, { newProvinceCodes: values.province });
        const n = (x: number) => x.toLocaleString('vi-VN');
        console.log(
          r.oldUnitsAdded + r.versionsAdded + r.lineageAdded === 0
            ? 'Lịch sử sắp xếp năm 2025 đã được nạp từ trước: không có gì thêm.'
            : `Đã nạp: ${n(r.mapUnitsAdded)} đơn vị của bản đồ 2025, ${n(r.oldUnitsAdded)} đơn vị cũ đã kết thúc ngày 30/06/2025, ` +
                `${n(r.versionsAdded)} giai đoạn của đơn vị, ${n(r.lineageAdded)} quan hệ kế thừa, ${n(r.changesAdded)} thay đổi ` +
                `(${((Date.now() - started) / 1000).toFixed(1)} giây).`,
        );
        return 0;
      }
      default:
        console.error(`Lệnh không có: ${command}\n\n${HELP}`);
        return 1;
    }
  } catch (err) {
    if (err instanceof AppError) {
      console.error(errorMessage(err.code, err.params, 'vi'));
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

/**
 * Back to the demo data of a first start: the embedded database and the evidence files are
 * deleted and made again. Only the embedded database: a PostgreSQL server's database belongs to
 * whoever runs it, who drops and creates it (the next start loads the demo data).
 */
async function resetDemo(cfg: Config, confirmed: boolean, password: string | undefined): Promise<number> {
  if (cfg.databaseUrl) {
    console.error(
      'reset-demo chỉ làm việc với cơ sở dữ liệu nhúng (PGlite). Với DATABASE_URL, hãy xóa và tạo lại cơ sở dữ liệu trên máy chủ PostgreSQL ' +
        '(dropdb, createdb); lần chạy sau DVK tự nạp lại dữ liệu mẫu.',
    );
    return 1;
  }
  const dbDir = pgliteDir(cfg);
  if (!confirmed) {
    console.error(
      `Lệnh này xóa toàn bộ dữ liệu trong ${dbDir} và ${cfg.filesDir} rồi nạp lại dữ liệu mẫu.\n` +
        'Nếu chắc chắn, chạy lại với --yes: npm run dvk -- reset-demo --yes',
    );
    return 1;
  }
  // Held while deleting, so a running DVK is never pulled from under its feet.
  const lock = await lockDataDir(dbDir).catch(exitWhenDataDirLocked);
  try {
    fs.rmSync(dbDir, { recursive: true, force: true });
    fs.rmSync(cfg.filesDir, { recursive: true, force: true });
  } finally {
    lock.release();
  }
  const db = await openDb({ dataDir: dbDir }).catch(exitWhenDataDirLocked);
  try {
    await bootstrap(db);
    const accounts = await seedDemo(db, password ?? cfg.demoPassword);
    const models = await seedDemoModels(db);
    const shown = await seedDemoShowcase(db, cfg.filesDir);
    console.log(
      `Đã xóa dữ liệu cũ và nạp lại dữ liệu mẫu: ${models} mô hình, điển hình; ${shown} mô hình công khai. ` +
        `Tài khoản: ${accounts.map((a) => a.username).join(', ')}`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
