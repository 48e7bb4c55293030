/**
 * The results tables of docs/PERFORMANCE.md are generated from the committed benchmark files: the
 * block between the markers must be exactly what `npm run bench:table` renders from
 * bench/results/*.json, so no figure is typed by hand or left behind by a new run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';
import {
  BLOCK_BEGIN,
  BLOCK_END,
  currentBlock,
  ms,
  readResults,
  renderBlock,
  replaceBlock,
  type ResultsFile,
} from '../../bench/table-render.js';

const doc = fs.readFileSync(path.join(ROOT_DIR, 'docs', 'PERFORMANCE.md'), 'utf8');
const results = readResults(path.join(ROOT_DIR, 'bench', 'results'));

describe('the results tables of docs/PERFORMANCE.md', () => {
  it('are the rendering of the committed bench/results/*.json', () => {
    expect(results.length).toBeGreaterThan(0);
    expect(doc.split(BLOCK_BEGIN).length).toBe(2);
    expect(doc.split(BLOCK_END).length).toBe(2);
    expect(currentBlock(doc)).toBe(renderBlock(results));
  });

  it('show every scenario of every file with its figures and its SQL twin', () => {
    const block = currentBlock(doc)!;
    for (const { file, data } of results) {
      expect(block).toContain(`\`bench/results/${file}\``);
      expect(block).toContain(`at most ${data.maxRssMb.toLocaleString('en-US')} MB`);
      for (const r of data.results) {
        if (r.count === 0 && r.errors > 0) {
          // No request answered: no timing is shown, the failures are.
          expect(block).toContain(
            ` | ${r.concurrency} | all ${r.errors.toLocaleString('en-US')} failed | – | – | ${ms(r.rawP50)} | ${ms(r.rawP95)} | – |`,
          );
          continue;
        }
        const ratio = r.rawP50 ? ` | ${(r.p50 / r.rawP50).toFixed(2)} ` : ' | – ';
        expect(block).toContain(
          ` | ${r.concurrency} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.perSecond)} | ${ms(r.rawP50)} | ${ms(r.rawP95)}${ratio}|`,
        );
      }
    }
  });

  it('change when a result file changes, and only inside the markers', () => {
    const data: ResultsFile = {
      target: 'PostgreSQL',
      at: '2026-11-30T09:00:00.000Z',
      seconds: 8,
      maxRssMb: 1234,
      history: true,
      dataset: { units: 520000, registrations: 5000000 },
      load: { start: 4.2, end: 9.75 },
      results: [
        {
          name: 'x',
          en: 'dashboard',
          concurrency: 8,
          count: 10,
          p50: 1500.4,
          p95: 40,
          perSecond: 5,
          errors: 1,
          rawP50: 750.2,
          rawP95: null,
          load1: 6.04,
        },
      ],
    };
    const block = renderBlock([{ file: 'pg-history.json', data }]);
    expect(block).toContain('| dashboard | 8 | 1,500 | 40.0 | 5.0 | 750.2 | – | 2.00 | 6.0 |');
    expect(block).toContain('520,000 units');
    expect(block).toContain('load average 4.2 at the start, 9.8 at the end');
    expect(block).toContain('at most 1,234 MB. Errors: 1.');
    const before = `# Title\n\ntext\n${BLOCK_BEGIN}\nold\n${BLOCK_END}\nafter\n`;
    expect(replaceBlock(before, block)).toBe(`# Title\n\ntext\n${block}\nafter\n`);
    expect(() => replaceBlock('no markers', block)).toThrow();
  });
});
