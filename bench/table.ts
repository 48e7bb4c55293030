/**
 * npm run bench:table [-- --check]
 * Rewrites the results block of docs/PERFORMANCE.md from bench/results/*.json (`npm run bench` runs
 * it after writing its files). `--check`: only says whether the block is current (exit 1 if not).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../src/config.js';
import { currentBlock, readResults, renderBlock, replaceBlock } from './table-render.js';

export const PERFORMANCE_DOC = path.join(ROOT_DIR, 'docs', 'PERFORMANCE.md');
export const RESULTS_DIR = path.join(ROOT_DIR, 'bench', 'results');

export function writeTable(): boolean {
  const doc = fs.readFileSync(PERFORMANCE_DOC, 'utf8');
  const block = renderBlock(readResults(RESULTS_DIR));
  if (currentBlock(doc) === block) return false;
  fs.writeFileSync(PERFORMANCE_DOC, replaceBlock(doc, block));
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (process.argv.includes('--check')) {
    const doc = fs.readFileSync(PERFORMANCE_DOC, 'utf8');
    const ok = currentBlock(doc) === renderBlock(readResults(RESULTS_DIR));
    console.log(
      ok ? 'docs/PERFORMANCE.md: bảng kết quả khớp bench/results.' : 'docs/PERFORMANCE.md: bảng kết quả cũ, chạy npm run bench:table.',
    );
    process.exit(ok ? 0 : 1);
  }
  console.log(writeTable() ? 'docs/PERFORMANCE.md: đã cập nhật bảng kết quả.' : 'docs/PERFORMANCE.md: bảng kết quả đã khớp.');
}
