/** The import of units: its checker and its writer (see import-kinds.ts). */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../data/db.js';
import { ancestorsOf, insertAuditBulk, unitsByCodes, unitsUnder, type ImportJobRow, type ScopeUnitRow } from '../data/imports-repo.js';
import { findUnitInScope, insertUnit, lockUnitInScope, updateUnitRow } from '../data/units-repo.js';
import { columnHeader, readUnitRow, type ImportedUnit, type RowCells } from '../domain/import-sheets.js';
import { can } from '../domain/policy.js';
import { inScope, inSubtree } from '../domain/scope.js';
import { foldVietnamese, tidyName } from '../domain/text.js';
import { ImportStale, directoryOf, isOpen, rejected, type Checked, type Importer, type KindHandler } from './import-kinds.js';

// ---- units -------------------------------------------------------------------------------------

interface StagedUnit extends ImportedUnit {
  id: string;
  version?: number;
  changes?: Record<string, unknown>;
  before?: Record<string, unknown>;
}

export async function unitHandler(db: Queryable, job: ImportJobRow, actor: Importer): Promise<KindHandler> {
  const all = [...(await ancestorsOf(db, inScope(job.scope_path))), ...(await unitsUnder(db, inScope(job.scope_path)))];
  const units = directoryOf(all);
  // The path policy checks a unit against: its own, or for one created by this file, its parent's.
  const pathOf = new Map(all.map((u) => [u.id, u.path]));
  const seen = new Map<string, number>();
  return {
    async check(rows) {
      const codes = rows.map((r) => String(r.cells.code ?? '').trim()).filter(Boolean);
      const existing = new Map<string, ScopeUnitRow[]>();
      for (const u of await unitsByCodes(db, codes)) existing.set(u.code.toUpperCase(), [...(existing.get(u.code.toUpperCase()) ?? []), u]);
      // Of the units holding a code, the one under the row's parent, else the open one.
      const match = (code: string, parentId: string) => {
        const all = existing.get(code) ?? [];
        return all.find((u) => u.parent_id === parentId) ?? all.find(isOpen) ?? all[0];
      };
      const out: Checked[] = [];
      for (const row of rows) {
        const r = readUnitRow(row.cells as RowCells, { units });
        if (!r.value) {
          out.push(rejected(r.problems));
          continue;
        }
        const v = r.value;
        const code = v.code.toUpperCase();
        const found = match(code, v.parentId);
        const dupKey = found ? found.id : code;
        const dup = seen.get(dupKey);
        if (dup !== undefined) {
          out.push(rejected([{ column: columnHeader('units', 'code'), message: `mã '${v.code}' trùng với dòng ${dup}` }]));
          continue;
        }
        seen.set(dupKey, row.line);
        const parentPath = pathOf.get(v.parentId)!;
        if (found) {
          if (!pathOf.has(found.id) || !inSubtree(found.path, job.scope_path)) {
            out.push(rejected([{ column: columnHeader('units', 'code'), message: `mã '${v.code}' đã được dùng cho một đơn vị khác` }]));
            continue;
          }
          if (found.parent_id !== v.parentId) {
            out.push(
              rejected([
                { column: columnHeader('units', 'parent'), message: 'chuyển đơn vị sang cấp trên khác dùng chức năng "Chuyển đơn vị"' },
              ]),
            );
            continue;
          }
          const want = { name: tidyName(v.name), kind: v.kind, level: v.level, address: v.address ? tidyName(v.address) : null };
          const changes: Record<string, unknown> = {};
          const before: Record<string, unknown> = {};
          for (const [k, val] of Object.entries(want)) {
            const cur = (found as unknown as Record<string, unknown>)[k] ?? null;
            if (cur !== val) {
              changes[k] = val;
              before[k] = cur;
            }
          }
          if (!Object.keys(changes).length) out.push({ action: 'unchanged', targetId: found.id, data: null, problems: [] });
          else if (!can(actor, 'unit.update', { path: found.path }))
            out.push(rejected([{ column: null, message: 'bạn không được sửa đơn vị này (chỉ các đơn vị bên dưới đơn vị của bạn)' }]));
          else
            out.push({
              action: 'update',
              targetId: found.id,
              data: { ...v, id: found.id, version: found.version, changes, before } satisfies StagedUnit,
              problems: [],
            });
          continue;
        }
        if (!can(actor, 'unit.create_child', { path: parentPath })) {
          out.push(rejected([{ column: columnHeader('units', 'parent'), message: 'đơn vị cấp trên nằm ngoài phạm vi nhập liệu của bạn' }]));
          continue;
        }
        const id = randomUUID();
        units.add({ id, code: v.code, name: v.name, parentId: v.parentId });
        pathOf.set(id, parentPath);
        out.push({ action: 'create', targetId: null, data: { ...v, id } satisfies StagedUnit, problems: [] });
      }
      return out;
    },
    async write(q, rows) {
      let n = 0;
      for (const r of rows) {
        const v = r.data as StagedUnit;
        if (r.action === 'create') {
          const parent = await lockUnitInScope(q, v.parentId, job.scope_path);
          const taken = (await unitsByCodes(q, [v.code])).filter(isOpen);
          if (!parent || taken.length) throw new ImportStale(`mã đơn vị '${v.code}' đã được dùng`);
          const name = tidyName(v.name);
          await insertUnit(q, {
            id: v.id,
            parentId: parent.id,
            parentPath: parent.path,
            code: v.code,
            name,
            nameKey: foldVietnamese(name),
            kind: v.kind,
            level: v.level,
            address: v.address ? tidyName(v.address) : null,
            validFrom: v.validFrom,
          });
          const row = (await findUnitInScope(q, v.id, job.scope_path))!;
          await insertAuditBulk(q, [
            {
              actor_id: actor.id,
              actor_name: actor.name,
              action: 'unit.create',
              entity_type: 'unit',
              entity_id: v.id,
              entity_label: name,
              unit_path: row.path,
              before: null,
              after: { code: v.code, name, kind: v.kind, level: v.level, import: { importId: job.id, fileName: job.file_name } },
              ip: null,
            },
          ]);
        } else {
          const c = v.changes!;
          const ok = await updateUnitRow(q, v.id, v.version!, {
            name: c.name as string | undefined,
            nameKey: c.name ? foldVietnamese(c.name as string) : undefined,
            kind: c.kind as string | undefined,
            level: c.level as string | undefined,
            address: c.address as string | null | undefined,
          });
          if (!ok) throw new ImportStale(`đơn vị '${v.code}' đã được sửa sau khi kiểm tra`);
          const row = (await findUnitInScope(q, v.id, job.scope_path))!;
          await insertAuditBulk(q, [
            {
              actor_id: actor.id,
              actor_name: actor.name,
              action: 'unit.update',
              entity_type: 'unit',
              entity_id: v.id,
              entity_label: row.name,
              unit_path: row.path,
              before: v.before,
              after: { ...c, import: { importId: job.id, fileName: job.file_name } },
              ip: null,
            },
          ]);
        }
        n += 1;
      }
      return n;
    },
  };
}
