/**
 * `npm install` on a Node.js version the README and package.json promise prints no engine
 * warning: every installed package's `engines.node` accepts every promised version. Read from
 * node_modules as installed (scripts/check-engines.ts), without reinstalling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';
import { covers, engineConflicts } from '../../scripts/check-engines.js';

const promise = (JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

describe('engines', () => {
  it('a package accepts the promise only when it accepts every promised version', () => {
    expect(covers('^20.19.0 || ^22.13.0 || >=24', '^20.19.0 || ^22.13.0 || >=24')).toBe(true);
    expect(covers('^20.19.0 || ^22.13.0 || >=24', '>=18')).toBe(true);
    // cookie 2 and content-disposition 3 ask for Node.js 22: they would warn on Node.js 20.
    expect(covers('^20.19.0 || ^22.13.0 || >=24', '>=22')).toBe(false);
    // a package that left out 22.12 would warn on 22.12 had the promise kept it
    expect(covers('^20.19.0 || ^22.12.0 || >=24', '^20.19.0 || ^22.13.0 || >=24')).toBe(false);
  });

  it(`every installed package accepts every Node.js version package.json promises (${promise})`, () => {
    expect(engineConflicts(ROOT_DIR, promise)).toEqual([]);
  });

  it('the README promises the same versions as package.json', () => {
    expect(fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8')).toContain(`\`${promise}\``);
  });
});
