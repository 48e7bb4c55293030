/**
 * Word documents to PDF with LibreOffice (`soffice --headless --convert-to pdf`), several in one
 * call: LibreOffice takes a few seconds to start and then converts each file in a fraction of one.
 * Each call has its own profile folder, so calls running at once do not wait for each other's lock.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../domain/errors.js';

const BINARIES = ['libreoffice', 'soffice'];

function run(bin: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: 180_000 }, (err) => (err ? reject(err) : resolve()));
  });
}

export async function docxToPdf(files: Buffer[]): Promise<Buffer[]> {
  if (!files.length) return [];
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dvk-pdf-'));
  try {
    const names = await Promise.all(
      files.map(async (buf, i) => {
        const name = path.join(dir, `van-ban-${i + 1}.docx`);
        await fs.writeFile(name, buf);
        return name;
      }),
    );
    const args = [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...names,
    ];
    let started = false;
    for (const bin of BINARIES) {
      try {
        await run(bin, args);
        started = true;
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    if (!started) throw new AppError('PAPER_PDF_UNAVAILABLE');
    return await Promise.all(names.map((n) => fs.readFile(n.replace(/\.docx$/, '.pdf'))));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
