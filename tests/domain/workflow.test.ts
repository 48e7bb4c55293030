import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { availableTransitions, refuseTransition, type Actor } from '../../src/domain/policy.js';
import { REGISTRATION_STATES, TRANSITIONS, TRANSITION_NAMES } from '../../src/domain/workflow.js';
import { renderStateDoc, STATE_DOC_PATH } from '../../scripts/state-diagram.js';

const unitOfficer: Actor = { id: 'u', role: 'unit_officer', entryPath: '1.2.7', viewPath: '1.2.7' };
const officer: Actor = { id: 'o', role: 'officer', entryPath: '1.2', viewPath: '1.2' };
const viewer: Actor = { id: 'v', role: 'viewer', entryPath: null, viewPath: '1.2' };
const rec = (state: (typeof REGISTRATION_STATES)[number]) => ({ state, unitPath: '1.2.7.9' });

describe('registration workflow', () => {
  it('every transition leads from and to known states', () => {
    for (const name of TRANSITION_NAMES) {
      const t = TRANSITIONS[name];
      expect(REGISTRATION_STATES).toContain(t.to);
      for (const f of t.from) expect(REGISTRATION_STATES).toContain(f);
    }
  });

  it('the registrant submits a draft; the officer appraises it', () => {
    expect(availableTransitions(unitOfficer, rec('draft'))).toEqual(['submit']);
    expect(availableTransitions(officer, rec('submitted'))).toEqual(['return', 'accept', 'reject']);
    expect(availableTransitions(unitOfficer, rec('submitted'))).toEqual([]);
    expect(availableTransitions(viewer, rec('submitted'))).toEqual([]);
  });

  it('returning and rejecting need a reason; accepting does not', () => {
    expect(refuseTransition(officer, 'return', rec('submitted'), '')).toBe('reason_required');
    expect(refuseTransition(officer, 'reject', rec('submitted'), '  ')).toBe('reason_required');
    expect(refuseTransition(officer, 'return', rec('submitted'), 'Thiếu tiêu chí đo lường')).toBeNull();
    expect(refuseTransition(officer, 'accept', rec('submitted'))).toBeNull();
  });

  it('refuses transitions from the wrong state before anything else', () => {
    expect(refuseTransition(officer, 'accept', rec('draft'))).toBe('illegal_state');
    expect(refuseTransition(unitOfficer, 'submit', rec('completed'))).toBe('illegal_state');
  });

  it('refuses actors outside the record’s subtree', () => {
    const elsewhere: Actor = { id: 'x', role: 'unit_officer', entryPath: '1.2.8', viewPath: '1.2.8' };
    expect(refuseTransition(elsewhere, 'submit', rec('draft'))).toBe('forbidden');
  });

  it('a completed model cannot go back into the cycle', () => {
    for (const actor of [unitOfficer, officer]) expect(availableTransitions(actor, rec('completed'))).toEqual([]);
  });

  it('the committed state diagram is generated from this table', () => {
    expect(fs.readFileSync(STATE_DOC_PATH, 'utf8')).toBe(renderStateDoc());
  });
});
