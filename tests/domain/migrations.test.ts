/**
 * A migration is written once: a database that already ran it never runs it again, so an edit to a
 * committed file reaches new installations only and splits the schema in two. Every file's SHA-256 is
 * pinned in checksums.json; a new migration adds its line there, an edited or removed one fails here.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';

const dir = path.join(ROOT_DIR, 'src', 'data', 'migrations');
const pinned = JSON.parse(fs.readFileSync(path.join(dir, 'checksums.json'), 'utf8')) as Record<string, string>;
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.sql'))
  .sort();

describe('committed migrations', () => {
  it('every migration file is pinned and every pinned file is still there', () => {
    expect(files).toEqual(Object.keys(pinned).sort());
  });

  it.each(files)('%s is unchanged since it was committed', (file) => {
    const sum = createHash('sha256')
      .update(fs.readFileSync(path.join(dir, file)))
      .digest('hex');
    expect(sum, `${file} was edited after it was committed: write a new migration instead`).toBe(pinned[file]);
  });

  it('file names are numbered, unique and in order', () => {
    const numbers = files.map((f) => Number(/^(\d{4})_[a-z0-9_]+\.sql$/.exec(f)?.[1]));
    expect(numbers.every(Number.isInteger)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
