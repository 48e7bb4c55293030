/**
 * Evidence files: streamed to disk under the data directory while hashed and measured, typed by
 * their first bytes, then recorded in the database. A file whose record does not land is removed.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { insertAudit } from '../../data/audit-repo.js';
import { findEvidenceFile, inspectionBelongsTo, insertEvidenceFile } from '../../data/inspections-repo.js';
import { findRegistrationInScope } from '../../data/registrations-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { MAX_EVIDENCE_BYTES, sniffEvidenceType } from '../../domain/file-types.js';
import { inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { photoCopy } from '../photo-copies.js';
import { registrationActions } from '../registrations/present.js';

export interface Upload {
  fileName: string;
  stream: Readable & { truncated?: boolean };
}

async function mayAddEvidence(ctx: Ctx, registrationId: string) {
  const reg = await findRegistrationInScope(ctx.db.pool, registrationId, inScope(ctx.actor.viewPath));
  if (!reg) throw notFound('registration');
  if (!registrationActions(ctx.actor, reg).includes('add_evidence')) throw new AppError('FORBIDDEN');
  return reg;
}

export async function addEvidence(ctx: Ctx, filesDir: string, registrationId: string, inspectionId: string | null, upload: Upload) {
  await mayAddEvidence(ctx, registrationId);
  const id = randomUUID();
  const storageKey = path.join(id.slice(0, 2), id);
  const target = path.join(filesDir, storageKey);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const measure = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(upload.stream, measure, fs.createWriteStream(target));
    if (upload.stream.truncated || size > MAX_EVIDENCE_BYTES)
      throw new AppError('FILE_TOO_LARGE', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 });
    if (size === 0) throw new AppError('FILE_MISSING');
    const type = sniffEvidenceType(head);
    if (!type) throw new AppError('FILE_TYPE_REFUSED', { name: upload.fileName });
    // An image must decode: its thumbnail is made now, so a damaged photo is refused while the
    // user still has it in hand, and the record shows the thumbnail at once.
    if (type.mime.startsWith('image/')) {
      await photoCopy(filesDir, storageKey, id, 'thumb').catch(() => {
        throw new AppError('IMAGE_UNREADABLE', { name: upload.fileName });
      });
    }
    return await ctx.db.tx(async (q) => {
      const reg = await findRegistrationInScope(q, registrationId, inScope(ctx.actor.viewPath), true);
      if (!reg || !registrationActions(ctx.actor, reg).includes('add_evidence')) throw notFound('registration');
      if (inspectionId && !(await inspectionBelongsTo(q, inspectionId, reg.id))) throw notFound('inspection');
      const fileName = upload.fileName.normalize('NFC').slice(0, 200) || `tep.${type.ext}`;
      await insertEvidenceFile(q, {
        id,
        registrationId: reg.id,
        inspectionId,
        fileName,
        mime: type.mime,
        size,
        sha256: hash.digest('hex'),
        storageKey,
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
        after: { fileId: id, fileName, mime: type.mime, size },
        ip: ctx.ip,
      });
      return { id, fileName, mime: type.mime, sizeBytes: size };
    });
  } catch (err) {
    fs.rmSync(target, { force: true });
    throw err;
  }
}

/** A stored file the actor may see: its record and a path to stream from. */
export async function findEvidence(ctx: Ctx, filesDir: string, fileId: string) {
  const f = await findEvidenceFile(ctx.db.pool, fileId, inScope(ctx.actor.viewPath));
  if (!f) throw notFound('file');
  return { ...f, path: path.join(filesDir, f.storage_key) };
}
