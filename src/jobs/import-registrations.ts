/** The import of registrations: its checker and its writer (see import-kinds.ts). */
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
  unitsUnder,
  type ExistingRegistration,
  type ImportJobRow,
  type NewImportedRegistration,
} from '../data/imports-repo.js';
import { findRegistrationInScope, updateRegistrationRow } from '../data/registrations-repo.js';
import { columnHeader, readRegistrationRow, type ImportedRegistration, type RowCells } from '../domain/import-sheets.js';
import { FIELD_ALIASES, FORM_ALIASES, type CatalogueEntry } from '../domain/import-values.js';
import { can } from '../domain/policy.js';
import { inScope } from '../domain/scope.js';
import { formatDateVi } from '../domain/statistics.js';
import { foldVietnamese, tidyName } from '../domain/text.js';
import { ImportStale, directoryOf, rejected, type Checked, type Importer, type KindHandler } from './import-kinds.js';

// ---- registrations -----------------------------------------------------------------------------

interface StagedRegistration extends ImportedRegistration {
  newId?: string;
  version?: number;
  changes?: Record<string, unknown>;
  before?: Record<string, unknown>;
}

export const COMPARED: [keyof ExistingRegistration, (r: ImportedRegistration) => unknown][] = [
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
export function importReason(fileName: string, v: ImportedRegistration): string {
  const parts = [`Nhập từ tệp "${fileName}"`];
  if (v.recognition)
    parts.push(`công nhận theo quyết định số ${v.recognition.decisionNo} ngày ${formatDateVi(v.recognition.decisionDate)}`);
  if (v.commendation)
    parts.push(`khen thưởng theo quyết định số ${v.commendation.decisionNo} ngày ${formatDateVi(v.commendation.decisionDate)}`);
  return parts.join('; ');
}

export async function registrationHandler(db: Queryable, job: ImportJobRow, actor: Importer): Promise<KindHandler> {
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
