/**
 * `npm install` on a Node.js version the README and package.json promise prints no engine
 * warning: every installed package's `engines.node` accepts every promised version. Read from
 * node_modules as installed (scripts/check-engines.ts), without reinstalling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';
import { engineConflicts, leftOut, parseRange, versionText } from '../../scripts/check-engines.js';

const promise = (JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

function admits(range: string, version: string): boolean {
  const [M, m, p] = version.split('.').map(Number) as [number, number, number];
  return leftOut(parseRange(`${M}.${m}.${p}`), parseRange(range)).length === 0;
}

describe('engines', () => {
  it('reads ranges as npm does', () => {
    expect(admits('^20.19.0 || ^22.13.0 || >=24', '22.13.0')).toBe(true);
    expect(admits('^20.19.0 || ^22.13.0 || >=24', '22.12.9')).toBe(false);
    expect(admits('^20.19.0 || ^22.13.0 || >=24', '23.0.0')).toBe(false);
    expect(admits('^20.19.0 || ^22.13.0 || >=24', '26.1.0')).toBe(true);
    expect(admits('20 || >=22', '21.7.3')).toBe(false);
    expect(admits('^22 || ^24 || >=26', '25.0.0')).toBe(false);
    expect(admits('>= 14.16', '14.16.0')).toBe(true);
    expect(admits('18 - 22', '22.9.0')).toBe(true);
    expect(admits('~22.1', '22.2.0')).toBe(false);
    expect(admits('>=12 <13', '13.0.0')).toBe(false);
    expect(admits('*', '24.0.0')).toBe(true);
    expect(versionText(leftOut(parseRange('>=20.19'), parseRange('>=22'))[0]![0])).toBe('20.19.0');
  });

  it(`every installed package accepts every Node.js version package.json promises (${promise})`, () => {
    expect(engineConflicts(ROOT_DIR, promise)).toEqual([]);
  });

  it('the README promises the same versions as package.json', () => {
    expect(fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8')).toContain(`\`${promise}\``);
  });
});
