/**
 * What each kind of import checks and writes. A checker takes a batch of rows read from the file
 * and decides, for each, create / update / unchanged / rejected (with the reasons), looking up what
 * already exists inside the importer's entry scope; a writer takes the staged rows and writes them
 * inside the one transaction of the confirmation, re-checking that nothing changed meanwhile.
 */
import type { Queryable } from '../data/db.js';
import { type ImportJobRow, type RowAction, type ScopeUnitRow, type StagedRow } from '../data/imports-repo.js';
import { AppError } from '../domain/errors.js';
import { type ImportKind, type Problem } from '../domain/import-sheets.js';
import { UnitDirectory } from '../domain/import-values.js';
import { type Actor } from '../domain/policy.js';
import type { SheetRow } from './import-read.js';
import { registrationHandler } from './import-registrations.js';
import { unitHandler } from './import-units.js';
import { userHandler } from './import-accounts.js';

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
export const isOpen = (u: ScopeUnitRow) => u.active && u.valid_to === null;

export function directoryOf(rows: ScopeUnitRow[]): UnitDirectory {
  const ordered = [...rows.filter((u) => !isOpen(u)), ...rows.filter(isOpen)];
  return new UnitDirectory(ordered.map((u) => ({ id: u.id, code: u.code, name: u.name, parentId: u.parent_id })));
}

export const rejected = (problems: Problem[]): Checked => ({ action: 'rejected', targetId: null, data: null, problems });

export async function handlerFor(kind: ImportKind, db: Queryable, job: ImportJobRow, actor: Importer): Promise<KindHandler> {
  if (kind === 'registrations') return registrationHandler(db, job, actor);
  if (kind === 'units') return unitHandler(db, job, actor);
  if (kind === 'users') return userHandler(db, job, actor);
  throw new AppError('VALIDATION_FAILED', { detail: 'loại dữ liệu nhập' });
}
