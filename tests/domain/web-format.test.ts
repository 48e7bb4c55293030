/**
 * What the web app shows for dates and times, and the limits its forms apply: the screens must read
 * as Vietnam time wherever the browser is set, and refuse text the API would refuse.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RegistrationInput } from '../../src/domain/movement-schemas.js';
import { DecideBody } from '../../src/domain/recognition-schemas.js';
import { formatDate, formatDateTime } from '../../web/src/format.js';
import { maxLengthOf, maxRule } from '../../web/src/components/limits.js';
import { newIdempotencyKey } from '../../web/src/components/idempotency.js';

// A browser set to another time zone (an officer's laptop bought abroad, a cloud desktop).
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});

describe('dates and times on the screens', () => {
  it('shows an instant in Vietnam time, whatever the browser time zone', () => {
    // 18:30 UTC on 28 February is 01:30 on 1 March in Hà Nội; New York would say 13:30 on 28 February.
    expect(formatDateTime('2026-02-28T18:30:00Z')).toBe('01:30 01/03/2026');
    expect(formatDate('2026-02-28T18:30:00Z')).toBe('01/03/2026');
    expect(formatDateTime('2026-11-30T02:05:00+07:00')).toBe('02:05 30/11/2026');
  });

  it('shows a calendar date as it is, without moving it to another day', () => {
    expect(formatDate('2026-03-01')).toBe('01/03/2026');
    expect(formatDate('2026-12-31')).toBe('31/12/2026');
  });

  it('shows a dash for a missing value', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });
});

describe('form limits come from the API schemas', () => {
  it('reads the maximum length through optional and nullable wrappers', () => {
    expect(maxLengthOf(RegistrationInput.shape.title)).toBe(300);
    expect(maxLengthOf(RegistrationInput.shape.problem)).toBe(5000);
    expect(maxLengthOf(DecideBody.shape.issuer)).toBe(200);
    expect(maxRule(RegistrationInput.shape.personName, (n) => `Tối đa ${n} ký tự`)).toEqual({ max: 120, message: 'Tối đa 120 ký tự' });
  });
});

describe('idempotency keys of the web forms', () => {
  it('are random UUIDs, made without crypto.randomUUID (missing on http:// LAN addresses)', () => {
    const randomUUID = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
      expect(keys.size).toBe(50);
      for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
