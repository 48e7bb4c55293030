/**
 * Photos are shown from copies, never from the uploaded file. A copy is turned upright (phones store
 * the orientation apart from the pixels), scaled down to what a screen needs, saved as JPEG, and
 * stripped of all metadata: a phone photo's EXIF carries where it was taken and whose camera took it,
 * which the public must never receive. The uploaded original stays untouched for the officers.
 *
 * Copies are made on first request and kept beside the originals, under files/copies/<size>/.
 * Two requests for the same copy at once share one conversion; a copy is written under a temporary
 * name and renamed, so a half-written copy is never served, even by another instance.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** full: a photo on its own page (fits in 1280 × 1280); card: a list card, cropped to 16:9;
 *  thumb: a small square-ish thumbnail in the officer's record. */
export const PHOTO_SIZES = {
  full: { width: 1280, height: 1280, fit: 'inside' },
  card: { width: 640, height: 360, fit: 'cover' },
  thumb: { width: 240, height: 180, fit: 'cover' },
} as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;

// A 20 MB upload of a pathological image must not exhaust memory: 50 megapixels covers any phone.
const MAX_INPUT_PIXELS = 50_000_000;

const making = new Map<string, Promise<string>>();

/** The path of the copy of a stored image at the given size, made first if need be. */
export async function photoCopy(filesDir: string, storageKey: string, fileId: string, size: PhotoSize): Promise<string> {
  const target = path.join(filesDir, 'copies', size, fileId.slice(0, 2), `${fileId}.jpg`);
  if (fs.existsSync(target)) return target;
  let pending = making.get(target);
  if (!pending) {
    pending = makeCopy(path.join(filesDir, storageKey), target, size).finally(() => making.delete(target));
    making.set(target, pending);
  }
  return pending;
}

async function makeCopy(source: string, target: string, size: PhotoSize): Promise<string> {
  const s = PHOTO_SIZES[size];
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomUUID()}.tmp`;
  try {
    await sharp(source, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: s.width, height: s.height, fit: s.fit, position: 'attention', withoutEnlargement: s.fit === 'inside' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: size === 'full' ? 82 : 78, mozjpeg: true })
      .toFile(temp);
    await fsp.rename(temp, target);
    return target;
  } catch (err) {
    await fsp.rm(temp, { force: true });
    throw err;
  }
}
