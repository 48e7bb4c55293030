import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTED_STATES } from '../../src/domain/statistics.js';

const MIGRATION = path.join(import.meta.dirname, '..', '..', 'src', 'data', 'migrations', '0018_counted_states.sql');

describe('which states count: one definition for TypeScript and SQL', () => {
  it('dvk_counted_state lists exactly COUNTED_STATES', () => {
    const sql = fs.readFileSync(MIGRATION, 'utf8');
    const body = /create function dvk_counted_state\(state text\)[\s\S]*?select state in \(([^)]*)\)/.exec(sql);
    expect(body, 'dvk_counted_state is defined by the migration').not.toBeNull();
    const listed = [...body![1]!.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...COUNTED_STATES].sort());
  });
});
