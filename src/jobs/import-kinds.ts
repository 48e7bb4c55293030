/**
 * What each kind of import checks and writes. A checker takes a batch of rows read from the file
 * and decides, for each, create / update / unchanged / rejected (with the reasons), looking up what
 * already exists inside the importer's entry scope; a writer takes the staged rows and writes them
 * inside the one transaction of the confirmation, re-checking that nothing changed meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { listCommendationForms, listFields } from '../data/catalogues-repo.js';
import type { Queryable } from '../data/db.js';
import {
  ancestorsOf,
  findRegistrationsByKeys,
  insertAuditBulk,
  insertCommendationsBulk,
  insertDecidedCandidatesBulk,
  insertEventsBulk,
  insertImportRound,
  insertRegistrationsBulk,
  unitsByCodes,
  unitsUnder,
  usersByUsernames,
  type ExistingRegistration,
  type ImportJobRow,
  type NewImportedRegistration,
  type RowAction,
  type ScopeUnitRow,
  type StagedRow,
} from '../data/imports-repo.js';
import { findRegistrationInScope, updateRegistrationRow } from '../data/registrations-repo.js';
import { findUnitInScope, insertUnit, lockUnitInScope, updateUnitRow } from '../data/units-repo.js';
import { insertUser } from '../data/users-repo.js';
import { AppError } from '../domain/errors.js';
import {
  columnHeader,
  readRegistrationRow,
  readUnitRow,
  readUserRow,
  type ImportedRegistration,
  type ImportedUnit,
  type ImportedUser,
  type ImportKind,
  type Problem,
  type RowCells,
} from '../domain/import-sheets.js';
import { FIELD_ALIASES, FORM_ALIASES, UnitDirectory, type CatalogueEntry } from '../domain/import-values.js';
import { checkPassword, WEAK_REASONS } from '../domain/password-strength.js';
import { can, type Actor } from '../domain/policy.js';
import { inScope, inSubtree } from '../domain/scope.js';
import { formatDateVi } from '../domain/statistics.js';
import { foldVietnamese, tidyName } from '../domain/text.js';
import { hashPassword } from '../services/auth/passwords.js';
import type { SheetRow } from './import-read.js';

export interface Importer extends Actor {
  name: string;
}

export interface Checked {
  action: RowAction;
  targetId: string | null;
  data: unknown;
  problems: Problem[];
}

export interface KindHandler {
  check(rows: SheetRow[]): Promise<Checked[]>;
  /** Writes a page of staged rows (in file order) inside the confirmation's transaction; answers how many. */
  write(q: Queryable, rows: StagedRow[]): Promise<number>;
}

export class ImportStale extends Error {}

/** A closed unit may share its code with the open unit that took it: the open one answers to the code. */
const isOpen = (u: ScopeUnitRow) => u.active && u.valid_to === null;

function directoryOf(rows: ScopeUnitRow[]): UnitDirectory {
  const ordered = [...rows.filter((u) => !isOpen(u)), ...rows.filter(isOpen)];
  return new UnitDirectory(ordered.map((u) => ({ id: u.id, code: u.code, name: u.name, parentId: u.parent_id })));
}

const rejected = (problems: Problem[]): Checked => ({ action: 'rejected', targetId: null, data: null, problems });

// ---- registrations -----------------------------------------------------------------------------

interface StagedRegistration extends ImportedRegistration {
  newId?: string;
  version?: number;
  changes?: Record<string, unknown>;
  before?: Record<string, unknown>;
}

const COMPARED: [keyof ExistingRegistration, (r: ImportedRegistration) => unknown][] = [
  ['title', (r) => tidyName(r.input.title)],
  ['holder', (r) => r.input.holder],
  ['person_name', (r) => r.input.personName ?? null],
  ['person_position', (r) => r.input.personPosition ?? null],
  ['field_code', (r) => r.input.fieldCode],
  ['level', (r) => r.input.level],
  ['start_date', (r) => r.input.startDate],
  ['end_date', (r) => r.input.endDate],
  ['planned_funds_vnd', (r) => r.input.plannedFundsVnd ?? null],
  ['planned_workdays', (r) => r.input.plannedWorkdays ?? null],
  ['problem', (r) => r.input.problem ?? null],
  ['purpose', (r) => r.input.purpose ?? null],
  ['place_address', (r) => r.input.placeAddress ?? null],
  ['forces', (r) => r.input.forces ?? null],
  ['targets', (r) => r.input.targets ?? null],
  ['solutions', (r) => r.input.solutions ?? null],
];

/** The timeline's words for an imported record: the file, and the decisions it came with. */
function importReason(fileName: string, v: ImportedRegistration): string {
  const parts = [`Nhập từ tệp "${fileName}"`];
  if (v.recognition)
    parts.push(`công nhận theo quyết định số ${v.recognition.decisionNo} ngày ${formatDateVi(v.recognition.decisionDate)}`);
  if (v.commendation)
    parts.push(`khen thưởng theo quyết định số ${v.commendation.decisionNo} ngày ${formatDateVi(v.commendation.decisionDate)}`);
  return parts.join('; ');
}

async function registrationHandler(db: Queryable, job: ImportJobRow, actor: Importer): Promise<KindHandler> {
  const scoped = await unitsUnder(db, inScope(job.scope_path));
  const above = await ancestorsOf(db, inScope(job.scope_path));
  const all = [...above, ...scoped];
  const facts = new Map(all.map((u) => [u.id, { path: u.path, level: u.level, active: u.active, validTo: u.valid_to }]));
  const units = directoryOf(all);
  const fields: CatalogueEntry[] = (await listFields(db))
    .filter((f) => f.active)
    .map((f) => ({ code: f.code, name: f.name, aliases: FIELD_ALIASES[f.code] }));
  const forms: CatalogueEntry[] = (await listCommendationForms(db))
    .filter((f) => f.active)
    .map((f) => ({ code: f.code, name: f.name, aliases: FORM_ALIASES[f.code] }));
  const seen = new Map<string, number>();
  const keyOf = (r: { unitId: string; input: { kind: string; title: string; year?: number | undefined } }) =>
    `${r.unitId}|${r.input.kind}|${foldVietnamese(tidyName(r.input.title))}|${r.input.year}`;
  let round: string | null = null;

  return {
    async check(rows) {
      const read = rows.map((row) =>
        readRegistrationRow(row.cells as RowCells, { actor, fields, forms, units, facts: (id) => facts.get(id) }),
      );
      const wanted = read.flatMap((r) => (r.value ? [r.value] : []));
      const existing = await findRegistrationsByKeys(
        db,
        inScope(job.scope_path),
        wanted.map((v) => ({
          unitId: v.unitId,
          kind: v.input.kind,
          titleKey: foldVietnamese(tidyName(v.input.title)),
          year: v.input.year!,
        })),
        wanted.flatMap((v) => (v.id ? [v.id] : [])),
      );
      const byId = new Map(existing.map((e) => [e.id, e]));
      const byKey = new Map(existing.map((e) => [`${e.unit_id}|${e.kind}|${e.title_key}|${e.year}`, e]));
      return read.map((r, i): Checked => {
        if (!r.value) return rejected(r.problems);
        const v = r.value;
        const key = keyOf(v);
        const dup = seen.get(key);
        if (dup !== undefined) {
          return rejected([{ column: columnHeader('registrations', 'title'), message: `trùng với dòng ${dup} (cùng đơn vị, tên và năm)` }]);
        }
        seen.set(key, rows[i]!.line);
        const found = v.id ? byId.get(v.id) : byKey.get(key);
        if (v.id && !found)
          return rejected([
            { column: columnHeader('registrations', 'id'), message: `không tìm thấy hồ sơ mã '${v.id}' trong phạm vi của bạn` },
          ]);
        if (!found)
          return { action: 'create', targetId: null, data: { ...v, newId: randomUUID() } satisfies StagedRegistration, problems: [] };
        const changes: Record<string, unknown> = {};
        const before: Record<string, unknown> = {};
        for (const [col, get] of COMPARED) {
          const want = get(v);
          if ((found[col] ?? null) !== want) {
            changes[col] = want;
            before[col] = found[col] ?? null;
          }
        }
        if (found.unit_id !== v.unitId) {
          return rejected([{ column: columnHeader('registrations', 'unit'), message: 'đơn vị của hồ sơ không đổi được bằng nhập tệp' }]);
        }
        const stateGiven = (rows[i]!.cells.state ?? '') !== '';
        if (stateGiven && found.state !== v.state) {
          return rejected([
            {
              column: columnHeader('registrations', 'state'),
              message: 'trạng thái chỉ thay đổi qua các bước xử lý hồ sơ, không bằng nhập tệp',
            },
          ]);
        }
        if (Object.keys(changes).length === 0) return { action: 'unchanged', targetId: found.id, data: null, problems: [] };
        if (!can(actor, 'registration.update', { path: found.unit_path }) || !['draft', 'returned'].includes(found.state)) {
          return rejected([
            { column: null, message: 'hồ sơ này không được sửa ở trạng thái hiện tại (chỉ sửa bản nháp hoặc hồ sơ bị trả lại)' },
          ]);
        }
        if (changes.title !== undefined) changes.title_key = foldVietnamese(changes.title as string);
        return {
          action: 'update',
          targetId: found.id,
          data: { ...v, version: found.version, changes, before } satisfies StagedRegistration,
          problems: [],
        };
      });
    },

    async write(q, rows) {
      const creates = rows.filter((r) => r.action === 'create').map((r) => r.data as StagedRegistration);
      if (creates.length) {
        const clash = await findRegistrationsByKeys(
          q,
          inScope(job.scope_path),
          creates.map((v) => ({
            unitId: v.unitId,
            kind: v.input.kind,
            titleKey: foldVietnamese(tidyName(v.input.title)),
            year: v.input.year!,
          })),
          [],
        );
        if (clash.length) throw new ImportStale(`'${clash[0]!.title}' đã có trong hệ thống`);
        const regs: NewImportedRegistration[] = creates.map((v) => ({
          id: v.newId!,
          kind: v.input.kind,
          unit_id: v.unitId,
          unit_path: v.unitPath,
          holder: v.input.holder,
          person_name: v.input.personName ?? null,
          person_position: v.input.personPosition ?? null,
          title: tidyName(v.input.title),
          title_key: foldVietnamese(tidyName(v.input.title)),
          field_code: v.input.fieldCode,
          start_date: v.input.startDate,
          end_date: v.input.endDate,
          planned_funds_vnd: v.input.plannedFundsVnd ?? null,
          planned_workdays: v.input.plannedWorkdays ?? null,
          problem: v.input.problem ?? null,
          purpose: v.input.purpose ?? null,
          place_address: v.input.placeAddress ?? null,
          forces: v.input.forces ?? null,
          targets: v.input.targets ?? null,
          solutions: v.input.solutions ?? null,
          level: v.input.level,
          year: v.input.year!,
          state: v.state,
          recognised: v.recognition !== null,
          created_by: actor.id,
          decided_at: v.recognition ? v.recognition.decisionDate : null,
        }));
        await insertRegistrationsBulk(q, regs);
        const source = { importId: job.id, fileName: job.file_name };
        await insertEventsBulk(
          q,
          creates.map((v) => ({
            registration_id: v.newId!,
            actor_id: actor.id,
            actor_name: actor.name,
            transition: 'import',
            from_state: null,
            to_state: v.state,
            reason: importReason(job.file_name, v),
            data: {
              ...source,
              recognition: v.recognition,
              commendation: v.commendation,
            },
          })),
        );
        const recognised = creates.filter((v) => v.recognition);
        if (recognised.length) {
          if (!round) {
            round = randomUUID();
            const top = scoped[0]!;
            await insertImportRound(q, {
              id: round,
              unitId: top.id,
              unitPath: top.path,
              title: `Quyết định công nhận nhập từ tệp "${job.file_name}"`,
              openedBy: actor.id,
            });
          }
          await insertDecidedCandidatesBulk(
            q,
            round,
            recognised.map((v) => ({
              registration_id: v.newId!,
              level: v.recognition!.level,
              decision_no: v.recognition!.decisionNo,
              decision_date: v.recognition!.decisionDate,
              issuer: v.recognition!.issuer,
            })),
          );
        }
        await insertCommendationsBulk(
          q,
          creates
            .filter((v) => v.commendation)
            .map((v) => ({
              id: randomUUID(),
              registration_id: v.newId!,
              form_code: v.commendation!.formCode,
              issuer: v.commendation!.issuer,
              decision_no: v.commendation!.decisionNo,
              decision_date: v.commendation!.decisionDate,
              note: `Nhập từ tệp "${job.file_name}"`,
              created_by: actor.id,
            })),
        );
        await insertAuditBulk(
          q,
          creates.map((v, i) => ({
            actor_id: actor.id,
            actor_name: actor.name,
            action: 'registration.import',
            entity_type: 'registration',
            entity_id: v.newId!,
            entity_label: regs[i]!.title,
            unit_path: v.unitPath,
            before: null,
            after: { ...regs[i], import: source, recognition: v.recognition, commendation: v.commendation },
            ip: null,
          })),
        );
      }
      let updated = 0;
      for (const r of rows.filter((x) => x.action === 'update')) {
        const v = r.data as StagedRegistration;
        const current = await findRegistrationInScope(q, r.target_id!, job.scope_path, true);
        if (!current || current.version !== v.version) throw new ImportStale(`hồ sơ '${v.input.title}' đã được sửa sau khi kiểm tra`);
        await updateRegistrationRow(q, r.target_id!, v.version!, v.changes!);
        await insertAuditBulk(q, [
          {
            actor_id: actor.id,
            actor_name: actor.name,
            action: 'registration.update',
            entity_type: 'registration',
            entity_id: r.target_id!,
            entity_label: current.title,
            unit_path: current.unit_path,
            before: v.before,
            after: { ...v.changes, import: { importId: job.id, fileName: job.file_name, line: r.line, sheet: r.sheet } },
            ip: null,
          },
        ]);
        updated += 1;
      }
      return creates.length + updated;
    },
  };
}

// ---- units -------------------------------------------------------------------------------------

interface StagedUnit extends ImportedUnit {
  id: string;
  version?: number;
  changes?: Record<string, unknown>;
  before?: Record<string, unknown>;
}

async function unitHandler(db: Queryable, job: ImportJobRow, actor: Importer): Promise<KindHandler> {
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

// ---- accounts ----------------------------------------------------------------------------------

interface StagedUser extends Omit<ImportedUser, 'password'> {
  id: string;
  passwordHash: string;
}

async function userHandler(db: Queryable, job: ImportJobRow, actor: Importer): Promise<KindHandler> {
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

export async function handlerFor(kind: ImportKind, db: Queryable, job: ImportJobRow, actor: Importer): Promise<KindHandler> {
  if (kind === 'registrations') return registrationHandler(db, job, actor);
  if (kind === 'units') return unitHandler(db, job, actor);
  if (kind === 'users') return userHandler(db, job, actor);
  throw new AppError('VALIDATION_FAILED', { detail: 'loại dữ liệu nhập' });
}
