/**
 * Imports: the job, its staging rows, and the bulk reads and writes the import job makes. Rows are
 * staged here rather than held in memory, so a 50,000-row file is checked and written page by page.
 * Bulk writes pass one JSON array (`jsonb_to_recordset`), the same on both engines.
 */
import type { Scope } from '../domain/scope.js';
import type { Queryable } from './db.js';

export type ImportState = 'queued' | 'reading' | 'ready' | 'confirmed' | 'writing' | 'done' | 'failed';
export type RowAction = 'create' | 'update' | 'unchanged' | 'rejected';

export interface ImportJobRow {
  id: string;
  kind: 'registrations' | 'units' | 'users';
  file_name: string;
  file_type: 'xlsx' | 'csv';
  state: ImportState;
  scope_path: string;
  rows_read: number;
  rows_checked: number;
  rows_written: number;
  n_create: number;
  n_update: number;
  n_unchanged: number;
  n_rejected: number;
  notes: string[];
  actor: { id: string; name: string; role: string; entryPath: string | null; viewPath: string };
  error: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  checked_at: Date | null;
  confirmed_at: Date | null;
  finished_at: Date | null;
}

const JOB = `j.id, j.kind, j.file_name, j.file_type, j.state, j.scope_path::text as scope_path, j.rows_read, j.rows_checked,
  j.rows_written, j.n_create, j.n_update, j.n_unchanged, j.n_rejected, j.notes, j.actor, j.error, j.created_by,
  (select u.full_name from app_user u where u.id = j.created_by) as created_by_name,
  j.created_at, j.checked_at, j.confirmed_at, j.finished_at`;

export async function insertImportJob(
  q: Queryable,
  j: { id: string; kind: string; fileName: string; fileType: string; scopePath: string; createdBy: string; actor: ImportJobRow['actor'] },
): Promise<void> {
  await q.query(
    'insert into import_job (id, kind, file_name, file_type, scope_path, created_by, actor) values ($1, $2, $3, $4, $5::ltree, $6, $7::jsonb)',
    [j.id, j.kind, j.fileName, j.fileType, j.scopePath, j.createdBy, JSON.stringify(j.actor)],
  );
}

/**
 * One import as its importer sees it, or an administrator whose scope holds the import's scope;
 * anyone else does not find it.
 */
export async function findImportJob(q: Queryable, id: string, reader: { userId: string; adminScope: Scope | null }, lock = false): Promise<ImportJobRow | null> {
  const { rows } = await q.query<ImportJobRow>(
    `select ${JOB} from import_job j
      where j.id = $1 and (j.created_by = $2 or ($3::text is not null and j.scope_path <@ $3::ltree))${lock ? ' for update of j' : ''}`,
    [id, reader.userId, reader.adminScope],
  );
  return rows[0] ?? null;
}

/** A page of the imports the reader sees (their own; an administrator's scope's), newest first. */
export async function listImportJobs(
  q: Queryable,
  reader: { userId: string; adminScope: Scope | null },
  limit: number,
  offset: number,
): Promise<{ total: number; rows: ImportJobRow[] }> {
  const where = 'where (j.created_by = $1 or ($2::text is not null and j.scope_path <@ $2::ltree))';
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from import_job j ${where}`, [reader.userId, reader.adminScope])).rows[0]!.n;
  const { rows } = await q.query<ImportJobRow>(`select ${JOB} from import_job j ${where} order by j.created_at desc, j.id desc limit $3 offset $4`, [
    reader.userId,
    reader.adminScope,
    limit,
    offset,
  ]);
  return { total, rows };
}

/** Takes the oldest job waiting to be read or written; `skip locked` lets instances share the queue. */
export async function claimImportJob(q: Queryable): Promise<ImportJobRow | null> {
  const { rows } = await q.query<{ id: string }>(
    `update import_job set state = case state when 'queued' then 'reading' else 'writing' end
      where id = (select id from import_job where state in ('queued', 'confirmed') order by created_at, id limit 1 for update skip locked)
        and state in ('queued', 'confirmed')
      returning id`,
  );
  if (!rows[0]) return null;
  return (await q.query<ImportJobRow>(`select ${JOB} from import_job j where j.id = $1`, [rows[0].id])).rows[0]!;
}

export async function setImportProgress(q: Queryable, id: string, read: number, checked: number): Promise<void> {
  await q.query('update import_job set rows_read = $2, rows_checked = $3 where id = $1', [id, read, checked]);
}

/** Reading is over: the counts per action and the notes on the file; the preview is ready. */
export async function markImportChecked(q: Queryable, id: string, notes: string[]): Promise<void> {
  await q.query(
    `update import_job j set state = 'ready', checked_at = now(), notes = $2::jsonb,
        n_create = c.n_create, n_update = c.n_update, n_unchanged = c.n_unchanged, n_rejected = c.n_rejected
       from (select count(*) filter (where action = 'create')::int as n_create,
                    count(*) filter (where action = 'update')::int as n_update,
                    count(*) filter (where action = 'unchanged')::int as n_unchanged,
                    count(*) filter (where action = 'rejected')::int as n_rejected
               from import_row where job_id = $1) c
      where j.id = $1`,
    [id, JSON.stringify(notes)],
  );
}

export async function markImportConfirmed(q: Queryable, id: string): Promise<void> {
  await q.query(`update import_job set state = 'confirmed', confirmed_at = now() where id = $1`, [id]);
}

export async function markImportDone(q: Queryable, id: string, written: number): Promise<void> {
  await q.query(`update import_job set state = 'done', rows_written = $2, finished_at = now() where id = $1`, [id, written]);
}

export async function markImportFailed(q: Queryable, id: string, error: string): Promise<void> {
  await q.query(`update import_job set state = 'failed', error = $2, finished_at = now() where id = $1`, [id, error]);
}

// ---- staging rows ------------------------------------------------------------------------------

export interface StagedRow {
  n: number;
  sheet: string;
  line: number;
  action: RowAction;
  target_id: string | null;
  raw: Record<string, unknown>;
  data: unknown;
  /** `key`: the column's key; `column`: its header as the file writes it. */
  problems: { key?: string | null; column: string | null; message: string }[];
  conversions: { column: string; from: string; before: string; after: string }[];
}

export async function insertImportRows(q: Queryable, jobId: string, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into import_row (job_id, n, sheet, line, action, target_id, raw, data, problems, conversions)
     select $1, t.n, t.sheet, t.line, t.action, t.target_id, t.raw, t.data, t.problems, t.conversions
       from jsonb_to_recordset($2::jsonb) as t(n int, sheet text, line int, action text, target_id uuid, raw jsonb, data jsonb, problems jsonb, conversions jsonb)`,
    [jobId, JSON.stringify(rows)],
  );
}

/** A page of staged rows in file order, of some actions (all when none), with their number. */
export async function listImportRows(
  q: Queryable,
  jobId: string,
  actions: RowAction[] | null,
  limit: number,
  afterN: number,
): Promise<StagedRow[]> {
  const { rows } = await q.query<StagedRow>(
    `select n, sheet, line, action, target_id, raw, data, problems, conversions from import_row
      where job_id = $1 and ($2::text[] is null or action = any($2::text[])) and n > $3
      order by n limit $4`,
    [jobId, actions, afterN, limit],
  );
  return rows;
}

export async function pageImportRows(
  q: Queryable,
  jobId: string,
  action: RowAction | null,
  limit: number,
  offset: number,
): Promise<{ total: number; rows: StagedRow[] }> {
  const total = (
    await q.query<{ n: number }>('select count(*)::int as n from import_row where job_id = $1 and ($2::text is null or action = $2)', [jobId, action])
  ).rows[0]!.n;
  const { rows } = await q.query<StagedRow>(
    `select n, sheet, line, action, target_id, raw, data, problems, conversions from import_row
      where job_id = $1 and ($2::text is null or action = $2) order by n limit $3 offset $4`,
    [jobId, action, limit, offset],
  );
  return { total, rows };
}

/** The text conversions of a job (TCVN3, VNI), for the preview: how many, and the first few. */
export async function importConversions(q: Queryable, jobId: string, limit: number): Promise<{ total: number; rows: StagedRow[] }> {
  const total = (
    await q.query<{ n: number }>(`select count(*)::int as n from import_row where job_id = $1 and conversions <> '[]'::jsonb`, [jobId])
  ).rows[0]!.n;
  const { rows } = await q.query<StagedRow>(
    `select n, sheet, line, action, target_id, raw, data, problems, conversions from import_row
      where job_id = $1 and conversions <> '[]'::jsonb order by n limit $2`,
    [jobId, limit],
  );
  return { total, rows };
}

// ---- what the import looks up ------------------------------------------------------------------

export interface ScopeUnitRow {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  path: string;
  kind: string;
  level: string;
  address: string | null;
  active: boolean;
  valid_to: string | null;
  version: number;
}

/** Every unit of the subtree (active or closed), parents before children. */
export async function unitsUnder(q: Queryable, scope: Scope): Promise<ScopeUnitRow[]> {
  const { rows } = await q.query<ScopeUnitRow>(
    `select id, code, name, parent_id, path::text as path, kind, level, address, active, valid_to, version
       from unit where path <@ $1::ltree order by nlevel(path), path`,
    [scope],
  );
  return rows;
}

/** The parent's id of the top of the subtree, so that the path of names can start above it. */
export async function ancestorsOf(q: Queryable, scope: Scope): Promise<ScopeUnitRow[]> {
  const { rows } = await q.query<ScopeUnitRow>(
    `select id, code, name, parent_id, path::text as path, kind, level, address, active, valid_to, version
       from unit where path @> $1::ltree and path <> $1::ltree order by nlevel(path)`,
    [scope],
  );
  return rows;
}

export interface ExistingRegistration {
  id: string;
  unit_id: string;
  unit_path: string;
  kind: string;
  title: string;
  title_key: string;
  year: number;
  holder: string;
  person_name: string | null;
  person_position: string | null;
  field_code: string;
  level: string;
  start_date: string;
  end_date: string;
  planned_funds_vnd: number | null;
  planned_workdays: number | null;
  problem: string | null;
  purpose: string | null;
  place_address: string | null;
  forces: string | null;
  targets: string | null;
  solutions: string | null;
  state: string;
  version: number;
  created_by: string | null;
  supporter_id: string | null;
}

const EXISTING = `id, unit_id, unit_path::text as unit_path, kind, title, title_key, year, holder, person_name, person_position, field_code,
  level, start_date, end_date, planned_funds_vnd, planned_workdays, problem, purpose, place_address, forces, targets, solutions,
  state, version, created_by, supporter_id`;

/** Registrations inside the scope with one of the keys (unit, kind, folded title, year) or ids. */
export async function findRegistrationsByKeys(
  q: Queryable,
  scope: Scope,
  keys: { unitId: string; kind: string; titleKey: string; year: number }[],
  ids: string[],
): Promise<ExistingRegistration[]> {
  const { rows } = await q.query<ExistingRegistration>(
    `select ${EXISTING} from registration r
      where r.unit_path <@ $1::ltree
        and (r.id = any($3::uuid[])
             or (r.unit_id, r.kind, r.title_key, r.year) in (
                  select t.unit_id, t.kind, t.title_key, t.year
                    from jsonb_to_recordset($2::jsonb) as t(unit_id uuid, kind text, title_key text, year int)))`,
    [scope, JSON.stringify(keys.map((k) => ({ unit_id: k.unitId, kind: k.kind, title_key: k.titleKey, year: k.year }))), ids],
  );
  return rows;
}

export async function unitsByCodes(q: Queryable, codes: string[]): Promise<ScopeUnitRow[]> {
  const { rows } = await q.query<ScopeUnitRow>(
    `select id, code, name, parent_id, path::text as path, kind, level, address, active, valid_to, version
       from unit where upper(code) = any($1::text[])`,
    [codes.map((c) => c.toUpperCase())],
  );
  return rows;
}

export interface ExistingUser {
  id: string;
  username: string;
  full_name: string;
  position: string | null;
  role: string;
  unit_id: string;
  entry_unit_id: string | null;
  view_unit_id: string;
  version: number;
}

export async function usersByUsernames(q: Queryable, usernames: string[]): Promise<ExistingUser[]> {
  const { rows } = await q.query<ExistingUser>(
    `select id, username, full_name, position, role, unit_id, entry_unit_id, view_unit_id, version
       from app_user where lower(username) = any($1::text[])`,
    [usernames.map((u) => u.toLowerCase())],
  );
  return rows;
}

// ---- bulk writes -------------------------------------------------------------------------------

export interface NewImportedRegistration {
  id: string;
  kind: string;
  unit_id: string;
  unit_path: string;
  holder: string;
  person_name: string | null;
  person_position: string | null;
  title: string;
  title_key: string;
  field_code: string;
  start_date: string;
  end_date: string;
  planned_funds_vnd: number | null;
  planned_workdays: number | null;
  problem: string | null;
  purpose: string | null;
  place_address: string | null;
  forces: string | null;
  targets: string | null;
  solutions: string | null;
  level: string;
  year: number;
  state: string;
  recognised: boolean;
  created_by: string;
  decided_at: string | null;
}

/** Inserts registrations as they stood at the end of their year (the tally triggers count them). */
export async function insertRegistrationsBulk(q: Queryable, rows: NewImportedRegistration[]): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `insert into registration (id, kind, unit_id, unit_path, holder, person_name, person_position, title, title_key, field_code, origin,
                               start_date, end_date, planned_funds_vnd, planned_workdays, problem, purpose, place_address, forces, targets,
                               solutions, level, year, state, recognised, created_by, submitted_at, decided_at)
     select t.id, t.kind, t.unit_id, t.unit_path::ltree, t.holder, t.person_name, t.person_position, t.title, t.title_key, t.field_code, 'new',
            t.start_date, t.end_date, t.planned_funds_vnd, t.planned_workdays, t.problem, t.purpose, t.place_address, t.forces, t.targets,
            t.solutions, t.level, t.year, t.state, t.recognised, t.created_by,
            case when t.state <> 'draft' then now() end, t.decided_at
       from jsonb_to_recordset($1::jsonb) as t(id uuid, kind text, unit_id uuid, unit_path text, holder text, person_name text,
            person_position text, title text, title_key text, field_code text, start_date date, end_date date, planned_funds_vnd bigint,
            planned_workdays int, problem text, purpose text, place_address text, forces text, targets text, solutions text, level text, year int, state text, recognised boolean, created_by uuid, decided_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

/** Timeline rows: "imported from file X by Y", one per registration. */
export async function insertEventsBulk(
  q: Queryable,
  rows: { registration_id: string; actor_id: string; actor_name: string; transition: string; from_state: string | null; to_state: string; reason: string; data: unknown }[],
): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `insert into registration_event (registration_id, actor_id, actor_name, transition, from_state, to_state, reason, data)
     select t.registration_id, t.actor_id, t.actor_name, t.transition, t.from_state, t.to_state, t.reason, t.data
       from jsonb_to_recordset($1::jsonb) as t(registration_id uuid, actor_id uuid, actor_name text, transition text, from_state text,
            to_state text, reason text, data jsonb)`,
    [JSON.stringify(rows)],
  );
}

export async function insertAuditBulk(
  q: Queryable,
  rows: { actor_id: string; actor_name: string; action: string; entity_type: string; entity_id: string; entity_label: string | null; unit_path: string | null; before: unknown; after: unknown; ip: string | null }[],
): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, entity_label, unit_path, before, after, ip)
     select t.actor_id, t.actor_name, t.action, t.entity_type, t.entity_id, t.entity_label, t.unit_path::ltree, t.before, t.after, t.ip
       from jsonb_to_recordset($1::jsonb) as t(actor_id uuid, actor_name text, action text, entity_type text, entity_id text,
            entity_label text, unit_path text, before jsonb, after jsonb, ip text)`,
    [JSON.stringify(rows)],
  );
}

/**
 * The round that holds an import's recognition decisions: closed from the start, at the importer's
 * unit, named after the file. Its candidates carry the decisions and no checklist or votes.
 */
export async function insertImportRound(q: Queryable, r: { id: string; unitId: string; unitPath: string; title: string; openedBy: string }): Promise<void> {
  await q.query(
    `insert into recognition_round (id, unit_id, unit_path, title, state, opened_by, closed_at) values ($1, $2, $3::ltree, $4, 'closed', $5, now())`,
    [r.id, r.unitId, r.unitPath, r.title, r.openedBy],
  );
}

export async function insertDecidedCandidatesBulk(
  q: Queryable,
  roundId: string,
  rows: { registration_id: string; level: string; decision_no: string; decision_date: string; issuer: string | null }[],
): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `insert into recognition_candidate (round_id, registration_id, result, level, decision_no, decision_date, issuer, decided_at)
     select $1, t.registration_id, 'recognised', t.level, t.decision_no, t.decision_date, t.issuer, t.decision_date::timestamptz
       from jsonb_to_recordset($2::jsonb) as t(registration_id uuid, level text, decision_no text, decision_date date, issuer text)`,
    [roundId, JSON.stringify(rows)],
  );
}

export async function insertCommendationsBulk(
  q: Queryable,
  rows: { id: string; registration_id: string; form_code: string; issuer: string; decision_no: string; decision_date: string; note: string; created_by: string }[],
): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `insert into commendation (id, registration_id, form_code, issuer, decision_no, decision_date, note, created_by)
     select t.id, t.registration_id, t.form_code, t.issuer, t.decision_no, t.decision_date, t.note, t.created_by
       from jsonb_to_recordset($1::jsonb) as t(id uuid, registration_id uuid, form_code text, issuer text, decision_no text,
            decision_date date, note text, created_by uuid)`,
    [JSON.stringify(rows)],
  );
}
