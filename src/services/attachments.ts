/**
 * Attachments of records: a registration's signed form and plan, a recognition round's minutes and
 * decision scan, a proposal's submission, a campaign's plan and launch document, a review report's
 * signed copy. Who sees the record sees its attachments: every read first finds the record through
 * its own scoped read (outside the view it is "not found", and so are its files). Who may change the
 * record (or, for a registration, add evidence to it) may attach.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findAttachmentRow, insertAttachment, listAttachmentRows, type AttachmentRow } from '../data/attachments-repo.js';
import { insertAudit } from '../data/audit-repo.js';
import { findProposal } from '../data/commendations-repo.js';
import type { Queryable } from '../data/db.js';
import { findRegistrationInScope } from '../data/registrations-repo.js';
import { findReport } from '../data/reports-repo.js';
import { findRound } from '../data/rounds-repo.js';
import { ATTACHMENT_CATEGORIES, type Attachment, type AttachmentKind } from '../domain/attachments.js';
import { AppError, notFound } from '../domain/errors.js';
import { can } from '../domain/policy.js';
import { inScope } from '../domain/scope.js';
import { findVisibleCampaign } from './campaigns/visible-campaign.js';
import type { Ctx } from './context.js';
import { registrationActions } from './registrations/present.js';
import { storeUpload, type Upload } from './uploads.js';

interface RecordSeen {
  label: string;
  /** The unit path the audit row is written under. */
  unitPath: string;
  mayAttach: boolean;
}

/** The record as the actor sees it, or 404 under the record's own name. */
async function recordSeen(q: Queryable, ctx: Ctx, kind: AttachmentKind, id: string, lock = false): Promise<RecordSeen> {
  const view = inScope(ctx.actor.viewPath);
  const a = ctx.actor;
  switch (kind) {
    case 'registration': {
      const r = await findRegistrationInScope(q, id, view, lock);
      if (!r) throw notFound('registration');
      return { label: r.title, unitPath: r.unit_path, mayAttach: registrationActions(a, r).includes('add_evidence') };
    }
    case 'round': {
      const r = await findRound(q, id, view, lock);
      if (!r) throw notFound('round');
      return { label: r.title, unitPath: r.unit_path, mayAttach: can(a, 'recognition.manage', { path: r.unit_path }) };
    }
    case 'proposal': {
      const p = await findProposal(q, id, view, lock);
      if (!p) throw notFound('proposal');
      const mayAttach =
        can(a, 'commendation.propose', { path: p.reg_unit_path }) || can(a, 'commendation.record', { path: p.to_unit_path });
      return { label: p.title, unitPath: p.reg_unit_path, mayAttach };
    }
    case 'campaign': {
      const c = await findVisibleCampaign(q, a, id, lock);
      return { label: c.title, unitPath: c.unit_path, mayAttach: can(a, 'campaign.update', { path: c.unit_path }) };
    }
    case 'report': {
      const r = await findReport(q, id, view, lock);
      if (!r) throw notFound('review_report');
      return { label: r.title, unitPath: r.unit_path, mayAttach: can(a, 'report.update', { path: r.unit_path }) };
    }
  }
}

function present(r: AttachmentRow): Attachment {
  const labels: Record<string, string> = ATTACHMENT_CATEGORIES[r.record_kind];
  return {
    id: r.id,
    category: r.category,
    categoryLabel: labels[r.category] ?? r.category,
    fileName: r.file_name,
    mime: r.mime,
    sizeBytes: r.size_bytes,
    uploadedByName: r.uploaded_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listAttachments(ctx: Ctx, kind: AttachmentKind, recordId: string) {
  const seen = await recordSeen(ctx.db.pool, ctx, kind, recordId);
  const rows = await listAttachmentRows(ctx.db.pool, kind, recordId);
  return { items: rows.map(present), mayAttach: seen.mayAttach };
}

export async function addAttachment(
  ctx: Ctx,
  filesDir: string,
  kind: AttachmentKind,
  recordId: string,
  category: string,
  upload: Upload,
): Promise<Attachment> {
  // Refused before the bytes are read when the record is out of sight or not the user's to change.
  if (!(await recordSeen(ctx.db.pool, ctx, kind, recordId)).mayAttach) throw new AppError('FORBIDDEN');
  const stored = await storeUpload(filesDir, upload);
  try {
    return await ctx.db.tx(async (q) => {
      const seen = await recordSeen(q, ctx, kind, recordId, true);
      if (!seen.mayAttach) throw new AppError('FORBIDDEN');
      await insertAttachment(q, {
        id: stored.id,
        kind,
        recordId,
        category,
        fileName: stored.fileName,
        mime: stored.mime,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        uploadedBy: ctx.actor.id,
        uploadedByName: ctx.actor.name,
      });
      await insertAudit(q, {
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        action: 'attachment.add',
        entityType: kind === 'report' ? 'review_report' : kind,
        entityId: recordId,
        entityLabel: seen.label,
        unitPath: seen.unitPath,
        after: { fileId: stored.id, category, fileName: stored.fileName, mime: stored.mime, size: stored.size },
        ip: ctx.ip,
      });
      return present((await findAttachmentRow(q, stored.id))!);
    });
  } catch (err) {
    fs.rmSync(stored.path, { force: true });
    throw err;
  }
}

/** An attachment whose record the actor sees: its record and a path to stream from; otherwise 404. */
export async function findAttachment(ctx: Ctx, filesDir: string, id: string) {
  const row = await findAttachmentRow(ctx.db.pool, id);
  if (!row) throw notFound('file');
  try {
    await recordSeen(ctx.db.pool, ctx, row.record_kind, row.record_id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw notFound('file');
    throw err;
  }
  return { ...row, path: path.join(filesDir, row.storage_key) };
}
