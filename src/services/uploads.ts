/**
 * An upload streamed to disk under the data directory while hashed and measured, then typed by its
 * content (`domain/file-types.ts`): the first bytes, and for a ZIP the names inside it, so only a
 * real Word or Excel document passes. An image must decode (its thumbnail is made now). Whatever is
 * refused leaves no file behind; the caller removes the file when its record does not commit.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { AppError } from '../domain/errors.js';
import { MAX_EVIDENCE_BYTES, isZip, officeType, sniffEvidenceType, zipEntryNames } from '../domain/file-types.js';
import { photoCopy } from './photo-copies.js';

export interface Upload {
  fileName: string;
  stream: Readable & { truncated?: boolean };
}

export interface StoredUpload {
  id: string;
  storageKey: string;
  /** Where the file lies: remove it if its record is not written. */
  path: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
}

export async function storeUpload(filesDir: string, upload: Upload): Promise<StoredUpload> {
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
    let type = sniffEvidenceType(head);
    if (!type && isZip(head)) {
      type = officeType(zipEntryNames(await fs.promises.readFile(target)));
      if (!type) throw new AppError('ARCHIVE_REFUSED', { name: upload.fileName });
    }
    if (!type) throw new AppError('FILE_TYPE_REFUSED', { name: upload.fileName });
    // An image must decode: its thumbnail is made now, so a damaged photo is refused while the
    // user still has it in hand, and the record shows the thumbnail at once.
    if (type.mime.startsWith('image/')) {
      await photoCopy(filesDir, storageKey, id, 'thumb').catch(() => {
        throw new AppError('IMAGE_UNREADABLE', { name: upload.fileName });
      });
    }
    const fileName = upload.fileName.normalize('NFC').slice(0, 200) || `tep.${type.ext}`;
    return { id, storageKey, path: target, fileName, mime: type.mime, size, sha256: hash.digest('hex') };
  } catch (err) {
    fs.rmSync(target, { force: true });
    throw err;
  }
}
