/** The record rules of the policy: each predicate on the record, holding and not holding. */
import { describe, expect, it } from 'vitest';
import {
  hasTodo,
  can,
  candidateActions,
  createCapabilities,
  criterionActions,
  proposalActions,
  refuseTransition,
  registrationActions,
  roundActions,
  type Actor,
  type RegistrationFacts,
} from '../../src/domain/policy.js';
import type { RegistrationState } from '../../src/domain/workflow.js';
import type { Role } from '../../src/domain/roles.js';
import { actors, COMMUNE, HAMLET, OTHER, OTHER_COMMUNE, PROVINCE } from './policy-fixtures.js';

describe('record rules: every predicate, holding and not holding', () => {
  const reg = (state: RegistrationState, more: Partial<RegistrationFacts> = {}): RegistrationFacts => ({
    unitPath: HAMLET,
    state,
    supporterId: null,
    registrantId: null,
    recognised: state === 'recognised',
    ...more,
  });

  it('a registration is edited only while it is a draft or returned', () => {
    for (const state of ['draft', 'returned'] as const) expect(registrationActions(actors.unit_officer, reg(state))).toContain('update');
    for (const state of ['submitted', 'accepted', 'recognised', 'completed'] as const)
      expect(registrationActions(actors.unit_officer, reg(state))).not.toContain('update');
    expect(registrationActions(actors.viewer, reg('draft'))).not.toContain('update');
  });

  it('a supporter is assigned only to an accepted registration, by the committee', () => {
    expect(registrationActions(actors.member, reg('accepted'))).toContain('assign_supporter');
    expect(registrationActions(actors.member, reg('submitted'))).not.toContain('assign_supporter');
    expect(registrationActions(actors.unit_officer, reg('accepted'))).not.toContain('assign_supporter');
  });

  it('a model is inspected while accepted or recognised, by the committee or by its own supporter', () => {
    expect(registrationActions(actors.officer, reg('accepted'))).toContain('inspect');
    expect(registrationActions(actors.officer, reg('recognised'))).toContain('inspect');
    expect(registrationActions(actors.officer, reg('completed'))).not.toContain('inspect');
    // A committee member of another province, assigned as supporter, sees the model but cannot write there.
    const supporter: Actor = { id: 's', role: 'member', entryPath: OTHER, viewPath: '1' };
    expect(registrationActions(supporter, reg('accepted', { supporterId: 's' }))).toContain('inspect');
    expect(registrationActions(supporter, reg('accepted', { supporterId: 'someone else' }))).not.toContain('inspect');
    expect(registrationActions(supporter, reg('submitted', { supporterId: 's' }))).not.toContain('inspect');
    // The supporter exception is for supporter roles only, and only inside the view.
    const unitSupporter: Actor = { id: 's', role: 'unit_officer', entryPath: OTHER_COMMUNE, viewPath: '1' };
    expect(registrationActions(unitSupporter, reg('accepted', { supporterId: 's' }))).not.toContain('inspect');
    const blind: Actor = { ...supporter, viewPath: OTHER };
    expect(registrationActions(blind, reg('accepted', { supporterId: 's' }))).not.toContain('inspect');
  });

  it('evidence is added by inspectors and registrants, never to a rejected registration', () => {
    expect(registrationActions(actors.unit_officer, reg('draft'))).toContain('add_evidence');
    expect(registrationActions(actors.member, reg('submitted'))).toContain('add_evidence');
    expect(registrationActions(actors.unit_officer, reg('rejected'))).not.toContain('add_evidence');
    expect(registrationActions(actors.member, reg('rejected'))).not.toContain('add_evidence');
    const supporter: Actor = { id: 's', role: 'member', entryPath: OTHER, viewPath: '1' };
    expect(registrationActions(supporter, reg('completed', { supporterId: 's' }))).toContain('add_evidence');
    expect(registrationActions(actors.viewer, reg('accepted'))).not.toContain('add_evidence');
  });

  it('a recognised or completed model is commended, proposed from below the top, and published once recognised', () => {
    expect(registrationActions(actors.officer, reg('recognised'))).toEqual(expect.arrayContaining(['commend', 'propose', 'publish']));
    expect(registrationActions(actors.officer, reg('accepted'))).not.toEqual(expect.arrayContaining(['commend']));
    expect(registrationActions(actors.officer, reg('completed', { recognised: false }))).toContain('commend');
    expect(registrationActions(actors.officer, reg('completed', { recognised: false }))).not.toContain('publish');
    expect(registrationActions(actors.officer, reg('completed', { recognised: true }))).toContain('publish');
    expect(registrationActions(actors.unit_officer, reg('recognised'))).toContain('propose');
    expect(registrationActions(actors.unit_officer, reg('recognised'))).not.toContain('commend');
    const national: Actor = { id: 'n', role: 'officer', entryPath: '1', viewPath: '1' };
    expect(registrationActions(national, reg('recognised'))).not.toContain('propose');
  });

  it('transitions: the state is refused before the person, the person before the reason', () => {
    expect(refuseTransition(actors.viewer, 'accept', { state: 'draft', unitPath: HAMLET })).toBe('illegal_state');
    expect(refuseTransition(actors.viewer, 'accept', { state: 'submitted', unitPath: HAMLET })).toBe('forbidden');
    expect(refuseTransition(actors.officer, 'reject', { state: 'submitted', unitPath: HAMLET }, 'ngắn')).toBe('reason_required');
  });

  it('recognising is decided by those who decide rounds: a committee member votes but does not recognise', () => {
    const accepted = { state: 'accepted' as const, unitPath: HAMLET };
    expect(refuseTransition(actors.member, 'recognise', accepted)).toBe('forbidden');
    expect(refuseTransition(actors.member, 'not_recognise', accepted, 'Chưa đạt tiêu chí')).toBe('forbidden');
    expect(refuseTransition(actors.officer, 'recognise', accepted)).toBeNull();
    for (const role of Object.keys(actors) as Role[]) {
      expect(can(actors[role], 'registration.recognise', { path: HAMLET }), role).toBe(
        can(actors[role], 'recognition.manage', { path: HAMLET }),
      );
      const round = { round: { path: PROVINCE, open: true }, unitPath: HAMLET, decided: false };
      expect(candidateActions(actors[role], round).includes('decide'), role).toBe(
        can(actors[role], 'registration.recognise', { path: HAMLET }),
      );
    }
  });

  it('a round is managed while open; its candidates are worked on while the round is open and the candidate undecided', () => {
    expect(roundActions(actors.officer, { path: PROVINCE, open: true })).toEqual(['add_candidate', 'close']);
    expect(roundActions(actors.officer, { path: PROVINCE, open: false })).toEqual([]);
    expect(roundActions(actors.member, { path: PROVINCE, open: true })).toEqual([]);
    const cand = (open: boolean, decided: boolean) => ({ round: { path: PROVINCE, open }, unitPath: COMMUNE, decided });
    expect(candidateActions(actors.officer, cand(true, false))).toEqual(['check', 'decide', 'vote']);
    expect(candidateActions(actors.member, cand(true, false))).toEqual(['vote']);
    expect(candidateActions(actors.unit_officer, cand(true, false))).toEqual(['acknowledge']);
    expect(candidateActions(actors.viewer, cand(true, false))).toEqual([]);
    for (const role of Object.keys(actors) as Role[]) {
      expect(candidateActions(actors[role], cand(false, false))).toEqual([]);
      expect(candidateActions(actors[role], cand(true, true))).toEqual([]);
    }
    // The acknowledgement is the candidate's own unit's: another commune's officer may not give it.
    const other: Actor = { id: 'x', role: 'unit_officer', entryPath: '1.2.8', viewPath: '1.2.8' };
    expect(candidateActions(other, cand(true, false))).toEqual([]);
  });

  it('a proposal is decided while pending, by the receiving level', () => {
    expect(proposalActions(actors.officer, { toUnitPath: PROVINCE, state: 'pending' })).toEqual(['accept', 'decline']);
    expect(proposalActions(actors.officer, { toUnitPath: PROVINCE, state: 'accepted' })).toEqual([]);
    expect(proposalActions(actors.officer, { toUnitPath: OTHER, state: 'pending' })).toEqual([]);
    expect(proposalActions(actors.unit_officer, { toUnitPath: COMMUNE, state: 'pending' })).toEqual([]);
  });

  it('a criterion template is edited at its owner’s level; the national catalogue only from the top', () => {
    expect(criterionActions(actors.officer, { ownerPath: PROVINCE })).toEqual(['update']);
    expect(criterionActions(actors.officer, { ownerPath: OTHER })).toEqual([]);
    expect(criterionActions(actors.officer, { ownerPath: null })).toEqual([]);
    const national: Actor = { id: 'n', role: 'officer', entryPath: '1', viewPath: '1' };
    expect(criterionActions(national, { ownerPath: null })).toEqual(['update']);
    expect(criterionActions(actors.unit_officer, { ownerPath: COMMUNE })).toEqual([]);
  });

  it('the create capabilities follow the same rules', () => {
    expect(createCapabilities(actors.officer)).toEqual({
      campaign: true,
      round: true,
      criterion: true,
      registration: true,
      unit: true,
      user: false,
      report: true,
    });
    expect(createCapabilities(actors.admin)).toEqual({
      campaign: true,
      round: true,
      criterion: true,
      registration: true,
      unit: true,
      user: true,
      report: true,
    });
    expect(createCapabilities(actors.member)).toEqual({
      campaign: false,
      round: false,
      criterion: false,
      registration: false,
      unit: false,
      user: false,
      report: false,
    });
    expect(createCapabilities(actors.unit_officer)).toEqual({
      campaign: false,
      round: false,
      criterion: false,
      registration: true,
      unit: true,
      user: false,
      report: true,
    });
    expect(createCapabilities(actors.viewer)).toEqual({
      campaign: false,
      round: false,
      criterion: false,
      registration: false,
      unit: false,
      user: false,
      report: false,
    });
  });

  it('work waits for everyone who registers, appraises, votes or acknowledges; the read-only leader has none', () => {
    for (const role of ['admin', 'officer', 'member', 'unit_officer'] as const) expect(hasTodo(actors[role]), role).toBe(true);
    expect(hasTodo(actors.viewer)).toBe(false);
    expect(hasTodo({ ...actors.officer, entryPath: null })).toBe(false);
  });
});
