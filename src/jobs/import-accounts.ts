/** The import of accounts: its checker and its writer (see import-kinds.ts). */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../data/db.js';
import { insertAuditBulk, unitsUnder, usersByUsernames, type ImportJobRow } from '../data/imports-repo.js';
import { insertUser } from '../data/users-repo.js';
import { columnHeader, readUserRow, type ImportedUser, type RowCells } from '../domain/import-sheets.js';
import { checkPassword, WEAK_REASONS } from '../domain/password-strength.js';
import { can } from '../domain/policy.js';
import { inScope, inSubtree } from '../domain/scope.js';
import { tidyName } from '../domain/text.js';
import { hashPassword } from '../services/auth/passwords.js';
import { ImportStale, directoryOf, rejected, type Checked, type Importer, type KindHandler } from './import-kinds.js';

// ---- accounts ----------------------------------------------------------------------------------

interface StagedUser extends Omit<ImportedUser, 'password'> {
  id: string;
  passwordHash: string;
}

export async function userHandler(db: Queryable, job: ImportJobRow, actor: Importer): Promise<KindHandler> {
  // Units created by an earlier import are found, since the directory is read when the job starts.
  const all = await unitsUnder(db, inScope(job.scope_path));
  const units = directoryOf(all);
  const pathOf = new Map(all.map((u) => [u.id, u.path]));
  const seen = new Map<string, number>();
  return {
    async check(rows) {
      const names = rows.map((r) => String(r.cells.username ?? '').trim()).filter(Boolean);
      const existing = new Map((await usersByUsernames(db, names)).map((u) => [u.username.toLowerCase(), u]));
      const out: Checked[] = [];
      for (const row of rows) {
        const r = readUserRow(row.cells as RowCells, { units });
        if (!r.value) {
          out.push(rejected(r.problems));
          continue;
        }
        const v = r.value;
        const dup = seen.get(v.username);
        if (dup !== undefined) {
          out.push(
            rejected([{ column: columnHeader('users', 'username'), message: `tên đăng nhập '${v.username}' trùng với dòng ${dup}` }]),
          );
          continue;
        }
        seen.set(v.username, row.line);
        const paths = [v.unitId, v.entryUnitId, v.viewUnitId].flatMap((id) => (id ? [pathOf.get(id)!] : []));
        if (paths.some((p) => !can(actor, 'user.create', { path: p }))) {
          out.push(rejected([{ column: null, message: 'chỉ quản trị hệ thống tạo tài khoản, cho các đơn vị trong phạm vi của mình' }]));
          continue;
        }
        if (v.entryUnitId && !inSubtree(pathOf.get(v.entryUnitId)!, pathOf.get(v.viewUnitId)!)) {
          out.push(rejected([{ column: columnHeader('users', 'entryUnit'), message: 'phạm vi nhập liệu phải nằm trong phạm vi xem' }]));
          continue;
        }
        const found = existing.get(v.username);
        if (found) {
          const same =
            found.full_name === tidyName(v.fullName) &&
            (found.position ?? null) === (v.position ? tidyName(v.position) : null) &&
            found.role === v.role &&
            found.unit_id === v.unitId &&
            found.entry_unit_id === v.entryUnitId &&
            found.view_unit_id === v.viewUnitId;
          out.push(
            same
              ? { action: 'unchanged', targetId: found.id, data: null, problems: [] }
              : rejected([
                  {
                    column: columnHeader('users', 'username'),
                    message: `tên đăng nhập '${v.username}' đã có; sửa tài khoản tại màn hình Người dùng`,
                  },
                ]),
          );
          continue;
        }
        if (!v.password) {
          out.push(
            rejected([
              {
                column: columnHeader('users', 'password'),
                message: 'tài khoản mới cần mật khẩu ban đầu (người dùng phải đổi khi đăng nhập lần đầu)',
              },
            ]),
          );
          continue;
        }
        const verdict = checkPassword(v.password, [v.username, v.fullName, process.env.DVK_DEMO_PASSWORD]);
        if (!verdict.ok) {
          out.push(rejected([{ column: columnHeader('users', 'password'), message: `mật khẩu yếu: ${WEAK_REASONS[verdict.reason].vi}` }]));
          continue;
        }
        const { password, ...rest } = v;
        out.push({
          action: 'create',
          targetId: null,
          data: { ...rest, id: randomUUID(), passwordHash: await hashPassword(password) } satisfies StagedUser,
          problems: [],
        });
      }
      return out;
    },
    async write(q, rows) {
      let n = 0;
      for (const r of rows) {
        const v = r.data as StagedUser;
        if ((await usersByUsernames(q, [v.username])).length) throw new ImportStale(`tên đăng nhập '${v.username}' đã có`);
        await insertUser(q, {
          id: v.id,
          username: v.username,
          fullName: tidyName(v.fullName),
          position: v.position ? tidyName(v.position) : null,
          passwordHash: v.passwordHash,
          role: v.role,
          unitId: v.unitId,
          entryUnitId: v.entryUnitId,
          viewUnitId: v.viewUnitId,
          mustChangePassword: true,
        });
        await insertAuditBulk(q, [
          {
            actor_id: actor.id,
            actor_name: actor.name,
            action: 'user.create',
            entity_type: 'user',
            entity_id: v.id,
            entity_label: v.username,
            unit_path: pathOf.get(v.unitId) ?? null,
            before: null,
            after: { username: v.username, fullName: v.fullName, role: v.role, import: { importId: job.id, fileName: job.file_name } },
            ip: null,
          },
        ]);
        n += 1;
      }
      return n;
    },
  };
}
