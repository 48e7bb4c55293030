/** Attachments of records (registrations, rounds, proposals, campaigns, review reports): all their SQL. */
import type { Queryable } from './db.js';
import type { AttachmentKind } from '../domain/attachments.js';

export interface AttachmentRow {
  id: string; record_kind: AttachmentKind; record_id: string; category: string; file_name: string; mime: string; size_bytes: number;
  storage_key: string; uploaded_by_name: string; created_at: Date;
}

export async function insertAttachment(q: Queryable, a: {
  id: string; kind: AttachmentKind; recordId: string; category: string; fileName: string; mime: string; size: number; sha256: string;
  storageKey: string; uploadedBy: string; uploadedByName: string;
}) {
  await q.query(
    `insert into attachment (id, record_kind, record_id, category, file_name, mime, size_bytes, sha256, storage_key, uploaded_by, uploaded_by_name)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [a.id, a.kind, a.recordId, a.category, a.fileName, a.mime, a.size, a.sha256, a.storageKey, a.uploadedBy, a.uploadedByName],
  );
}

/** The attachments of one record; the caller has found the record inside the reader's view. */
export async function listAttachmentRows(q: Queryable, kind: AttachmentKind, recordId: string): Promise<AttachmentRow[]> {
  const { rows } = await q.query<AttachmentRow>(
    `select id, record_kind, record_id, category, file_name, mime, size_bytes, storage_key, uploaded_by_name, created_at
       from attachment where record_kind = $1 and record_id = $2 order by created_at, id`, [kind, recordId]);
  return rows;
}

/** One attachment by id, whatever its record: the service then asks whether the reader sees that record. */
export async function findAttachmentRow(q: Queryable, id: string): Promise<AttachmentRow | null> {
  const { rows } = await q.query<AttachmentRow>(
    `select id, record_kind, record_id, category, file_name, mime, size_bytes, storage_key, uploaded_by_name, created_at
       from attachment where id = $1`, [id]);
  return rows[0] ?? null;
}
