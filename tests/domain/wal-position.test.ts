/**
 * WAL positions as PostgreSQL prints them ('16/B374D848') compare as positions in the log, so a
 * writer is sent back to the replica only once it has replayed past the writer's commit.
 */
import { describe, expect, it } from 'vitest';
import { lsnValue } from '../../src/data/read-routing.js';

describe('WAL positions', () => {
  it('compare by the log position, not as text', () => {
    expect(lsnValue('0/16B3748') < lsnValue('0/16B3750')).toBe(true);
    // As text '0/9' sorts after '0/10'; in the log it is before.
    expect(lsnValue('0/9') < lsnValue('0/10')).toBe(true);
    // The high word counts 4 GiB segments: 1/0 is past everything of 0/….
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true);
    expect(lsnValue('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
  });
});
