import { describe, expect, it } from 'vitest';
import {
  hasTodo,
  ACTIONS, can, candidateActions, capabilities, createCapabilities, criterionActions, moveCreatesCycle, proposalActions, refuseTransition,
  registrationActions, roundActions, type Action, type Actor, type RegistrationFacts,
} from '../../src/domain/policy.js';
import type { RegistrationState } from '../../src/domain/workflow.js';
import { inSubtree } from '../../src/domain/scope.js';
import type { Role } from '../../src/domain/roles.js';

// A province 1.2 with a commune 1.2.7 and a hamlet 1.2.7.9; another province 1.3.
const PROVINCE = '1.2';
const COMMUNE = '1.2.7';
const HAMLET = '1.2.7.9';
const OTHER = '1.3';
const OTHER_COMMUNE = '1.3.4';

const actors: Record<Role, Actor> = {
  admin: { id: 'a', role: 'admin', entryPath: PROVINCE, viewPath: PROVINCE },
  officer: { id: 'o', role: 'officer', entryPath: PROVINCE, viewPath: PROVINCE },
  member: { id: 'm', role: 'member', entryPath: PROVINCE, viewPath: PROVINCE },
  unit_officer: { id: 'u', role: 'unit_officer', entryPath: COMMUNE, viewPath: COMMUNE },
  viewer: { id: 'v', role: 'viewer', entryPath: null, viewPath: PROVINCE },
};

/** The expected answer for every role × action on: scope top, inside below top, outside. */
const Y = true, N = false;
const expected: Record<Role, Partial<Record<Action, [top: boolean, below: boolean, outside: boolean]>>> = {
  admin: {
    'unit.view': [Y, Y, N], 'unit.create_child': [Y, Y, N], 'unit.update': [N, Y, N], 'unit.move': [N, Y, N],
    'unit.deactivate': [N, Y, N], 'unit.reactivate': [N, Y, N], 'user.view': [Y, Y, N], 'user.create': [Y, Y, N],
    'user.update': [Y, Y, N], 'user.reset_password': [Y, Y, N], 'audit.view': [Y, Y, N],
    'campaign.view': [Y, Y, N], 'campaign.create': [Y, Y, N], 'campaign.update': [Y, Y, N], 'criteria.manage': [Y, Y, N], 'registration.view': [Y, Y, N], 'registration.create': [Y, Y, N], 'registration.update': [Y, Y, N], 'registration.assign_supporter': [Y, Y, N],
    'registration.inspect': [Y, Y, N],
    'recognition.manage': [Y, Y, N], 'recognition.vote': [Y, Y, N], 'recognition.acknowledge': [N, N, N], 'commendation.record': [Y, Y, N], 'commendation.propose': [Y, Y, N],
    'stats.view': [Y, Y, N], 'report.view': [Y, Y, N], 'report.create': [Y, Y, N], 'report.update': [Y, Y, N], 'export.create': [Y, Y, N], 'export.view': [Y, Y, N],
    'registration.publish': [Y, Y, N],
  },
  officer: {
    'unit.view': [Y, Y, N], 'unit.create_child': [Y, Y, N], 'unit.update': [N, Y, N], 'unit.move': [N, Y, N],
    'unit.deactivate': [N, Y, N], 'unit.reactivate': [N, Y, N], 'user.view': [N, N, N], 'user.create': [N, N, N],
    'user.update': [N, N, N], 'user.reset_password': [N, N, N], 'audit.view': [Y, Y, N],
    'campaign.view': [Y, Y, N], 'campaign.create': [Y, Y, N], 'campaign.update': [Y, Y, N], 'criteria.manage': [Y, Y, N], 'registration.view': [Y, Y, N], 'registration.create': [Y, Y, N], 'registration.update': [Y, Y, N], 'registration.assign_supporter': [Y, Y, N],
    'registration.inspect': [Y, Y, N],
    'recognition.manage': [Y, Y, N], 'recognition.vote': [Y, Y, N], 'recognition.acknowledge': [N, N, N], 'commendation.record': [Y, Y, N], 'commendation.propose': [Y, Y, N],
    'stats.view': [Y, Y, N], 'report.view': [Y, Y, N], 'report.create': [Y, Y, N], 'report.update': [Y, Y, N], 'export.create': [Y, Y, N], 'export.view': [Y, Y, N],
    'registration.publish': [Y, Y, N],
  },
  member: {
    'unit.view': [Y, Y, N], 'unit.create_child': [N, N, N], 'unit.update': [N, N, N], 'unit.move': [N, N, N],
    'unit.deactivate': [N, N, N], 'unit.reactivate': [N, N, N], 'user.view': [N, N, N], 'user.create': [N, N, N],
    'user.update': [N, N, N], 'user.reset_password': [N, N, N], 'audit.view': [N, N, N],
    'campaign.view': [Y, Y, N], 'campaign.create': [N, N, N], 'campaign.update': [N, N, N], 'criteria.manage': [N, N, N], 'registration.view': [Y, Y, N], 'registration.create': [N, N, N], 'registration.update': [N, N, N], 'registration.assign_supporter': [Y, Y, N],
    'registration.inspect': [Y, Y, N],
    'recognition.manage': [N, N, N], 'recognition.vote': [Y, Y, N], 'recognition.acknowledge': [N, N, N], 'commendation.record': [N, N, N], 'commendation.propose': [N, N, N],
    'stats.view': [Y, Y, N], 'report.view': [Y, Y, N], 'report.create': [N, N, N], 'report.update': [N, N, N], 'export.create': [Y, Y, N], 'export.view': [Y, Y, N],
    'registration.publish': [N, N, N],
  },
  unit_officer: {
    'unit.view': [Y, Y, N], 'unit.create_child': [Y, Y, N], 'unit.update': [N, Y, N], 'unit.move': [N, N, N],
    'unit.deactivate': [N, Y, N], 'unit.reactivate': [N, Y, N], 'user.view': [N, N, N], 'user.create': [N, N, N],
    'user.update': [N, N, N], 'user.reset_password': [N, N, N], 'audit.view': [N, N, N],
    'campaign.view': [Y, Y, N], 'campaign.create': [N, N, N], 'campaign.update': [N, N, N], 'criteria.manage': [N, N, N], 'registration.view': [Y, Y, N], 'registration.create': [Y, Y, N], 'registration.update': [Y, Y, N], 'registration.assign_supporter': [N, N, N],
    'registration.inspect': [N, N, N],
    'recognition.manage': [N, N, N], 'recognition.vote': [N, N, N], 'recognition.acknowledge': [Y, Y, N], 'commendation.record': [N, N, N], 'commendation.propose': [Y, Y, N],
    'stats.view': [Y, Y, N], 'report.view': [Y, Y, N], 'report.create': [Y, Y, N], 'report.update': [Y, Y, N], 'export.create': [Y, Y, N], 'export.view': [Y, Y, N],
    'registration.publish': [N, N, N],
  },
  viewer: {
    'unit.view': [Y, Y, N], 'unit.create_child': [N, N, N], 'unit.update': [N, N, N], 'unit.move': [N, N, N],
    'unit.deactivate': [N, N, N], 'unit.reactivate': [N, N, N], 'user.view': [N, N, N], 'user.create': [N, N, N],
    'user.update': [N, N, N], 'user.reset_password': [N, N, N], 'audit.view': [N, N, N],
    'campaign.view': [Y, Y, N], 'campaign.create': [N, N, N], 'campaign.update': [N, N, N], 'criteria.manage': [N, N, N], 'registration.view': [Y, Y, N], 'registration.create': [N, N, N], 'registration.update': [N, N, N], 'registration.assign_supporter': [N, N, N],
    'registration.inspect': [N, N, N],
    'recognition.manage': [N, N, N], 'recognition.vote': [N, N, N], 'recognition.acknowledge': [N, N, N], 'commendation.record': [N, N, N], 'commendation.propose': [N, N, N],
    'stats.view': [Y, Y, N], 'report.view': [Y, Y, N], 'report.create': [N, N, N], 'report.update': [N, N, N], 'export.create': [Y, Y, N], 'export.view': [Y, Y, N],
    'registration.publish': [N, N, N],
  },
};

// Who takes the workflow's transitions, on the same three places (the state gate is the workflow's).
const transitionRows = (submit: Row, appraise: Row, recognise: Row, complete: Row, discontinue: Row) => ({
  'registration.submit': submit, 'registration.return': appraise, 'registration.accept': appraise, 'registration.reject': appraise,
  'registration.recognise': recognise, 'registration.not_recognise': recognise, 'registration.complete': complete, 'registration.discontinue': discontinue,
});
type Row = [top: boolean, below: boolean, outside: boolean];
const YYN: Row = [Y, Y, N], NNN: Row = [N, N, N];
Object.assign(expected.admin, transitionRows(YYN, YYN, YYN, YYN, YYN));
Object.assign(expected.officer, transitionRows(YYN, YYN, YYN, YYN, YYN));
Object.assign(expected.member, transitionRows(NNN, YYN, NNN, NNN, YYN));
Object.assign(expected.unit_officer, transitionRows(YYN, NNN, NNN, YYN, YYN));
Object.assign(expected.viewer, transitionRows(NNN, NNN, NNN, NNN, NNN));

describe('policy matrix: every role × action × place', () => {
  for (const role of Object.keys(actors) as Role[]) {
    const actor = actors[role];
    const top = actor.entryPath ?? actor.viewPath;
    const below = role === 'unit_officer' ? HAMLET : COMMUNE;
    const outside = role === 'unit_officer' ? OTHER_COMMUNE : OTHER;
    for (const action of ACTIONS) {
      it(`${role} ${action}`, () => {
        const want = expected[role][action];
        expect(want, `matrix row missing for ${role} ${action}`).toBeDefined();
        expect([can(actor, action, { path: top }), can(actor, action, { path: below }), can(actor, action, { path: outside })]).toEqual(want);
      });
    }
  }

  it('a sibling whose label starts like the scope is outside it', () => {
    expect(inSubtree('1.25', '1.2')).toBe(false);
    expect(can(actors.officer, 'unit.view', { path: '1.25.3' })).toBe(false);
  });

  it('entry rights never reach beyond the view scope', () => {
    const odd: Actor = { id: 'x', role: 'officer', entryPath: PROVINCE, viewPath: COMMUNE };
    expect(can(odd, 'unit.create_child', { path: '1.2.8' })).toBe(false);
    expect(can(odd, 'unit.create_child', { path: HAMLET })).toBe(true);
  });

  it('capabilities follow the same rules', () => {
    expect(capabilities(actors.admin)).toEqual({ manageUsers: true, viewAudit: true, createUnits: true });
    expect(capabilities(actors.viewer)).toEqual({ manageUsers: false, viewAudit: false, createUnits: false });
    expect(capabilities(actors.unit_officer)).toEqual({ manageUsers: false, viewAudit: false, createUnits: true });
  });

  it('refuses moving a unit under itself or its descendants', () => {
    expect(moveCreatesCycle(COMMUNE, HAMLET)).toBe(true);
    expect(moveCreatesCycle(COMMUNE, COMMUNE)).toBe(true);
    expect(moveCreatesCycle(COMMUNE, OTHER)).toBe(false);
  });
});

describe('record rules: every predicate, holding and not holding', () => {
  const reg = (state: RegistrationState, more: Partial<RegistrationFacts> = {}): RegistrationFacts =>
    ({ unitPath: HAMLET, state, supporterId: null, recognised: state === 'recognised', ...more });

  it('a registration is edited only while it is a draft or returned', () => {
    for (const state of ['draft', 'returned'] as const) expect(registrationActions(actors.unit_officer, reg(state))).toContain('update');
    for (const state of ['submitted', 'accepted', 'recognised', 'completed'] as const) expect(registrationActions(actors.unit_officer, reg(state))).not.toContain('update');
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
      expect(can(actors[role], 'registration.recognise', { path: HAMLET }), role).toBe(can(actors[role], 'recognition.manage', { path: HAMLET }));
      const round = { round: { path: PROVINCE, open: true }, unitPath: HAMLET, decided: false };
      expect(candidateActions(actors[role], round).includes('decide'), role).toBe(can(actors[role], 'registration.recognise', { path: HAMLET }));
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
    expect(createCapabilities(actors.officer)).toEqual({ campaign: true, round: true, criterion: true, registration: true, unit: true, user: false, report: true });
    expect(createCapabilities(actors.admin)).toEqual({ campaign: true, round: true, criterion: true, registration: true, unit: true, user: true, report: true });
    expect(createCapabilities(actors.member)).toEqual({ campaign: false, round: false, criterion: false, registration: false, unit: false, user: false, report: false });
    expect(createCapabilities(actors.unit_officer)).toEqual({ campaign: false, round: false, criterion: false, registration: true, unit: true, user: false, report: true });
    expect(createCapabilities(actors.viewer)).toEqual({ campaign: false, round: false, criterion: false, registration: false, unit: false, user: false, report: false });
  });

  it('work waits for everyone who registers, appraises, votes or acknowledges; the read-only leader has none', () => {
    for (const role of ['admin', 'officer', 'member', 'unit_officer'] as const) expect(hasTodo(actors[role]), role).toBe(true);
    expect(hasTodo(actors.viewer)).toBe(false);
    expect(hasTodo({ ...actors.officer, entryPath: null })).toBe(false);
  });
});
