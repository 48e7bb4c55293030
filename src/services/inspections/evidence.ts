/**
 * Evidence files: stored and typed by `services/uploads.ts`, then recorded in the database. A file
 * whose record does not land is removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { insertAudit } from '../../data/audit-repo.js';
import { findEvidenceFile, inspectionBelongsTo, insertEvidenceFile } from '../../data/inspections-repo.js';
import { findRegistrationInScope } from '../../data/registrations-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { storeUpload, type Upload } from '../uploads.js';
import { registrationActions } from '../registrations/present.js';

export type { Upload };

async function mayAddEvidence(ctx: Ctx, registrationId: string) {
  const reg = await findRegistrationInScope(ctx.db.pool, registrationId, inScope(ctx.actor.viewPath));
  if (!reg) throw notFound('registration');
  if (!registrationActions(ctx.actor, reg).includes('add_evidence')) throw new AppError('FORBIDDEN');
  return reg;
}

export async function addEvidence(ctx: Ctx, filesDir: string, registrationId: string, inspectionId: string | null, upload: Upload) {
  await mayAddEvidence(ctx, registrationId);
  const stored = await storeUpload(filesDir, upload);
  try {
    return await ctx.db.tx(async (q) => {
      const reg = await findRegistrationInScope(q, registrationId, inScope(ctx.actor.viewPath), true);
      if (!reg || !registrationActions(ctx.actor, reg).includes('add_evidence')) throw notFound('registration');
      if (inspectionId && !(await inspectionBelongsTo(q, inspectionId, reg.id))) throw notFound('inspection');
      const { id, fileName, mime, size } = stored;
      await insertEvidenceFile(q, {
        id,
        registrationId: reg.id,
        inspectionId,
        fileName,
        mime,
        size,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        uploadedBy: ctx.actor.id,
      });
      await insertAudit(q, {
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        action: 'evidence.add',
        entityType: 'registration',
        entityId: reg.id,
        entityLabel: reg.title,
        unitPath: reg.unit_path,
        after: { fileId: id, fileName, mime, size },
        ip: ctx.ip,
      });
      return { id, fileName, mime, sizeBytes: size };
    });
  } catch (err) {
    fs.rmSync(stored.path, { force: true });
    throw err;
  }
}

/** A stored file the actor may see: its record and a path to stream from. */
export async function findEvidence(ctx: Ctx, filesDir: string, fileId: string) {
  const f = await findEvidenceFile(ctx.db.pool, fileId, inScope(ctx.actor.viewPath));
  if (!f) throw notFound('file');
  return { ...f, path: path.join(filesDir, f.storage_key) };
}
