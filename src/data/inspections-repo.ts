/** Inspections of a model, their completion per criterion, and evidence files: all their SQL. */
import type { Queryable } from './db.js';
import type { Scope } from '../domain/scope.js';

export interface InspectionRow {
  id: string; inspected_on: string; inspector_name: string; overall: string; assessment: string | null; difficulties: string | null;
  support_given: string | null; funds_vnd: number | null; workdays: number | null; people_reached: number | null; other_resources: string | null; created_at: Date;
}

export interface NewInspection {
  id: string; registrationId: string; inspectedOn: string; inspectorId: string; inspectorName: string; overall: string;
  assessment: string | null; difficulties: string | null; supportGiven: string | null; fundsVnd: number | null; workdays: number | null;
  peopleReached: number | null; otherResources: string | null;
  criteria: { criterionId: string; achieved: number; completionPct: number | null; note: string | null }[];
}

export async function insertInspection(q: Queryable, i: NewInspection) {
  await q.query(
    `insert into inspection (id, registration_id, inspected_on, inspector_id, inspector_name, overall, assessment, difficulties,
       support_given, funds_vnd, workdays, people_reached, other_resources)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [i.id, i.registrationId, i.inspectedOn, i.inspectorId, i.inspectorName, i.overall, i.assessment, i.difficulties,
      i.supportGiven, i.fundsVnd, i.workdays, i.peopleReached, i.otherResources],
  );
  if (!i.criteria.length) return;
  // One statement for all the criteria of the entry.
  await q.query(
    `insert into inspection_criterion (inspection_id, criterion_id, achieved, completion_pct, note)
     select $1, c.criterion_id, c.achieved, c.completion_pct, c.note
       from unnest($2::uuid[], $3::numeric[], $4::int[], $5::text[]) with ordinality as c(criterion_id, achieved, completion_pct, note, n) order by c.n`,
    [i.id, i.criteria.map((c) => c.criterionId), i.criteria.map((c) => c.achieved), i.criteria.map((c) => c.completionPct), i.criteria.map((c) => c.note)],
  );
}

export async function listInspectionRows(q: Queryable, registrationId: string): Promise<InspectionRow[]> {
  const { rows } = await q.query<InspectionRow>(
    `select id, inspected_on, inspector_name, overall, assessment, difficulties, support_given, funds_vnd, workdays, people_reached, other_resources, created_at
       from inspection where registration_id = $1 order by inspected_on desc, created_at desc`, [registrationId]);
  return rows;
}

export async function inspectionCriteria(q: Queryable, inspectionIds: string[]) {
  const { rows } = await q.query<{
    inspection_id: string; criterion_id: string; name: string; target: number | null; unit_of_measure: string | null;
    achieved: number | null; completion_pct: number | null; note: string | null;
  }>(
    `select ic.inspection_id, ic.criterion_id, rc.name, rc.target::float8 as target, rc.unit_of_measure, ic.achieved::float8 as achieved,
            ic.completion_pct, ic.note from inspection_criterion ic
       join registration_criterion rc on rc.id = ic.criterion_id where ic.inspection_id = any($1::uuid[]) order by rc.sort`, [inspectionIds]);
  return rows;
}

export async function inspectionFiles(q: Queryable, inspectionIds: string[]) {
  const { rows } = await q.query<{ id: string; inspection_id: string; file_name: string; mime: string; size_bytes: number }>(
    'select id, inspection_id, file_name, mime, size_bytes from evidence_file where inspection_id = any($1::uuid[]) order by created_at', [inspectionIds]);
  return rows;
}

export async function inspectionBelongsTo(q: Queryable, inspectionId: string, registrationId: string): Promise<boolean> {
  return (await q.query('select 1 from inspection where id = $1 and registration_id = $2', [inspectionId, registrationId])).rows.length > 0;
}

export async function insertEvidenceFile(q: Queryable, f: {
  id: string; registrationId: string; inspectionId: string | null; fileName: string; mime: string; size: number; sha256: string; storageKey: string; uploadedBy: string;
}) {
  await q.query(
    `insert into evidence_file (id, registration_id, inspection_id, file_name, mime, size_bytes, sha256, storage_key, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [f.id, f.registrationId, f.inspectionId, f.fileName, f.mime, f.size, f.sha256, f.storageKey, f.uploadedBy],
  );
}

/** A stored file whose registration lies inside the scope. */
export async function findEvidenceFile(q: Queryable, fileId: string, view: Scope) {
  const { rows } = await q.query<{ file_name: string; mime: string; size_bytes: number; storage_key: string }>(
    `select f.file_name, f.mime, f.size_bytes, f.storage_key from evidence_file f join registration r on r.id = f.registration_id
      where f.id = $1 and r.unit_path <@ $2::ltree`,
    [fileId, view],
  );
  return rows[0] ?? null;
}
