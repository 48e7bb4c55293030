/**
 * What a user may do now, as the screens show it: withdrawing one's own submission, recognising a
 * candidate only once it is ready (and what it still lacks), and the registration queues that apply.
 */
import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  candidateActions,
  refuseTransition,
  registrationActions,
  registrationQueues,
  type Actor,
  type RegistrationFacts,
} from '../../src/domain/policy.js';
import { readinessGaps, readyForRecognition } from '../../src/domain/recognition.js';
import type { RegistrationState } from '../../src/domain/workflow.js';
import { TRANSITIONS } from '../../src/domain/workflow.js';
import { actors, COMMUNE, HAMLET, PROVINCE } from './policy-fixtures.js';

const reg = (state: RegistrationState, registrantId: string | null = actors.unit_officer.id): RegistrationFacts => ({
  unitPath: HAMLET,
  state,
  supporterId: null,
  registrantId,
  recognised: false,
});

describe('withdrawing a submission', () => {
  it('takes a submitted registration back to draft', () => {
    expect(TRANSITIONS.withdraw.from).toEqual(['submitted']);
    expect(TRANSITIONS.withdraw.to).toBe('draft');
    expect(TRANSITIONS.withdraw.reasonRequired).toBe(false);
  });

  it('is offered to its registrant while it waits for appraisal', () => {
    expect(registrationActions(actors.unit_officer, reg('submitted'))).toContain('withdraw');
    expect(refuseTransition(actors.unit_officer, 'withdraw', { state: 'submitted', unitPath: HAMLET, registrantId: 'u' })).toBeNull();
  });

  it('is refused once appraised: accepted, returned or rejected', () => {
    for (const state of ['accepted', 'returned', 'rejected', 'draft', 'recognised'] as const) {
      expect(registrationActions(actors.unit_officer, reg(state)), state).not.toContain('withdraw');
      expect(refuseTransition(actors.unit_officer, 'withdraw', { state, unitPath: HAMLET, registrantId: 'u' }), state).toBe(
        'illegal_state',
      );
    }
  });

  it('is nobody else’s: a colleague of the same commune, the appraiser, a leader', () => {
    const colleague: Actor = { id: 'u2', role: 'unit_officer', entryPath: COMMUNE, viewPath: COMMUNE };
    for (const actor of [colleague, actors.officer, actors.member, actors.viewer]) {
      expect(registrationActions(actor, reg('submitted')), actor.id).not.toContain('withdraw');
      expect(refuseTransition(actor, 'withdraw', { state: 'submitted', unitPath: HAMLET, registrantId: 'u' }), actor.id).toBe('forbidden');
    }
    // A record whose registrant is not known (imported, or the account deleted) is withdrawn by nobody.
    expect(availableTransitions(actors.unit_officer, { state: 'submitted', unitPath: HAMLET, registrantId: null })).not.toContain(
      'withdraw',
    );
  });

  it('the registrant who left the unit’s entry scope may no longer withdraw', () => {
    const moved: Actor = { id: 'u', role: 'unit_officer', entryPath: '1.2.8', viewPath: PROVINCE };
    expect(refuseTransition(moved, 'withdraw', { state: 'submitted', unitPath: HAMLET, registrantId: 'u' })).toBe('forbidden');
  });
});

describe('recognising a candidate only when it is ready', () => {
  const ready = { marks: ['met', 'na'] as const, acknowledged: true, votes: ['for', 'for'] as const };

  it('lists what the candidate lacks, each with a code and a Vietnamese sentence, in the order of the work', () => {
    expect(readinessGaps(ready)).toEqual([]);
    expect(readyForRecognition(ready)).toBe(true);
    const gaps = readinessGaps({ marks: [undefined, 'not_met'], acknowledged: false, votes: ['for'] });
    expect(gaps.map((g) => g.code)).toEqual(['criteria_unassessed', 'criteria_not_met', 'not_acknowledged', 'too_few_votes']);
    expect(gaps.map((g) => g.message)).toEqual([
      'chưa đánh giá đủ các tiêu chí',
      'có tiêu chí không đạt',
      'tập thể nơi mô hình, điển hình hoạt động chưa xác nhận',
      'mới có 1 phiếu biểu quyết, cần ít nhất 2 thành viên biểu quyết',
    ]);
    expect(readinessGaps({ ...ready, votes: ['for', 'against'] })).toEqual([
      { code: 'no_majority', message: 'số phiếu tán thành (1/2) chưa quá một nửa' },
    ]);
  });

  it('offers "recognise" to the committee only when nothing is missing; "decide" (not recognised) any time', () => {
    const cand = (ready?: boolean) => ({ round: { path: PROVINCE, open: true }, unitPath: COMMUNE, decided: false, ready });
    expect(candidateActions(actors.officer, cand(true))).toEqual(['check', 'decide', 'recognise', 'vote']);
    expect(candidateActions(actors.officer, cand(false))).toEqual(['check', 'decide', 'vote']);
    expect(candidateActions(actors.officer, cand(undefined))).not.toContain('recognise');
    expect(candidateActions(actors.member, cand(true))).toEqual(['vote']);
    expect(candidateActions(actors.viewer, cand(true))).toEqual([]);
    expect(candidateActions(actors.officer, { ...cand(true), decided: true })).toEqual([]);
  });
});

describe('the registration queues that apply to the user', () => {
  it('a read-only leader has none; each role has the queues of its work', () => {
    expect(registrationQueues(actors.viewer)).toEqual([]);
    expect(registrationQueues(actors.unit_officer)).toEqual(['returned_to_me', 'my_drafts']);
    expect(registrationQueues(actors.member)).toEqual(['awaiting_appraisal', 'to_inspect']);
    expect(registrationQueues(actors.officer)).toEqual(['awaiting_appraisal', 'returned_to_me', 'to_inspect', 'my_drafts']);
    // A leader given an entry scope still registers and appraises nothing.
    expect(registrationQueues({ ...actors.viewer, entryPath: PROVINCE })).toEqual([]);
  });
});
