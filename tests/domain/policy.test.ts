import { describe, expect, it } from 'vitest';
import { ACTIONS, can, capabilities, moveCreatesCycle, type Action, type Actor } from '../../src/domain/policy.js';
import { inSubtree } from '../../src/domain/scope.js';
import type { Role } from '../../src/domain/roles.js';
import { actors, COMMUNE, HAMLET, OTHER, OTHER_COMMUNE, PROVINCE } from './policy-fixtures.js';

/** The expected answer for every role × action on: scope top, inside below top, outside. */
const Y = true,
  N = false;
// A table: one role a block, several actions a line, read like the policy's own matrix.
// prettier-ignore
const expected: Record<Role, Partial<Record<Action, [top: boolean, below: boolean, outside: boolean]>>> = {
  admin: {
    'unit.view': [Y, Y, N], 'unit.create_child': [Y, Y, N], 'unit.update': [N, Y, N], 'unit.move': [N, Y, N],
    'unit.deactivate': [N, Y, N], 'unit.reactivate': [N, Y, N], 'unit.reorganise': [Y, Y, N], 'user.view': [Y, Y, N], 'user.create': [Y, Y, N],
    'user.update': [Y, Y, N], 'user.reset_password': [Y, Y, N], 'audit.view': [Y, Y, N],
    'campaign.view': [Y, Y, N], 'campaign.create': [Y, Y, N], 'campaign.update': [Y, Y, N], 'criteria.manage': [Y, Y, N], 'registration.view': [Y, Y, N], 'registration.create': [Y, Y, N], 'registration.update': [Y, Y, N], 'registration.assign_supporter': [Y, Y, N],
    'registration.inspect': [Y, Y, N],
    'recognition.manage': [Y, Y, N], 'recognition.vote': [Y, Y, N], 'recognition.acknowledge': [N, N, N], 'commendation.record': [Y, Y, N], 'commendation.propose': [Y, Y, N],
    'stats.view': [Y, Y, N], 'report.view': [Y, Y, N], 'report.create': [Y, Y, N], 'report.update': [Y, Y, N], 'export.create': [Y, Y, N], 'export.view': [Y, Y, N],
    'registration.publish': [Y, Y, N], 'webhook.manage': [Y, Y, N],
  },
  officer: {
    'unit.view': [Y, Y, N], 'unit.create_child': [Y, Y, N], 'unit.update': [N, Y, N], 'unit.move': [N, Y, N],
    'unit.deactivate': [N, Y, N], 'unit.reactivate': [N, Y, N], 'unit.reorganise': [N, N, N], 'user.view': [N, N, N], 'user.create': [N, N, N],
    'user.update': [N, N, N], 'user.reset_password': [N, N, N], 'audit.view': [Y, Y, N],
    'campaign.view': [Y, Y, N], 'campaign.create': [Y, Y, N], 'campaign.update': [Y, Y, N], 'criteria.manage': [Y, Y, N], 'registration.view': [Y, Y, N], 'registration.create': [Y, Y, N], 'registration.update': [Y, Y, N], 'registration.assign_supporter': [Y, Y, N],
    'registration.inspect': [Y, Y, N],
    'recognition.manage': [Y, Y, N], 'recognition.vote': [Y, Y, N], 'recognition.acknowledge': [N, N, N], 'commendation.record': [Y, Y, N], 'commendation.propose': [Y, Y, N],
    'stats.view': [Y, Y, N], 'report.view': [Y, Y, N], 'report.create': [Y, Y, N], 'report.update': [Y, Y, N], 'export.create': [Y, Y, N], 'export.view': [Y, Y, N],
    'registration.publish': [Y, Y, N], 'webhook.manage': [Y, Y, N],
  },
  member: {
    'unit.view': [Y, Y, N], 'unit.create_child': [N, N, N], 'unit.update': [N, N, N], 'unit.move': [N, N, N],
    'unit.deactivate': [N, N, N], 'unit.reactivate': [N, N, N], 'unit.reorganise': [N, N, N], 'user.view': [N, N, N], 'user.create': [N, N, N],
    'user.update': [N, N, N], 'user.reset_password': [N, N, N], 'audit.view': [N, N, N],
    'campaign.view': [Y, Y, N], 'campaign.create': [N, N, N], 'campaign.update': [N, N, N], 'criteria.manage': [N, N, N], 'registration.view': [Y, Y, N], 'registration.create': [N, N, N], 'registration.update': [N, N, N], 'registration.assign_supporter': [Y, Y, N],
    'registration.inspect': [Y, Y, N],
    'recognition.manage': [N, N, N], 'recognition.vote': [Y, Y, N], 'recognition.acknowledge': [N, N, N], 'commendation.record': [N, N, N], 'commendation.propose': [N, N, N],
    'stats.view': [Y, Y, N], 'report.view': [Y, Y, N], 'report.create': [N, N, N], 'report.update': [N, N, N], 'export.create': [Y, Y, N], 'export.view': [Y, Y, N],
    'registration.publish': [N, N, N], 'webhook.manage': [N, N, N],
  },
  unit_officer: {
    'unit.view': [Y, Y, N], 'unit.create_child': [Y, Y, N], 'unit.update': [N, Y, N], 'unit.move': [N, N, N],
    'unit.deactivate': [N, Y, N], 'unit.reactivate': [N, Y, N], 'unit.reorganise': [N, N, N], 'user.view': [N, N, N], 'user.create': [N, N, N],
    'user.update': [N, N, N], 'user.reset_password': [N, N, N], 'audit.view': [N, N, N],
    'campaign.view': [Y, Y, N], 'campaign.create': [N, N, N], 'campaign.update': [N, N, N], 'criteria.manage': [N, N, N], 'registration.view': [Y, Y, N], 'registration.create': [Y, Y, N], 'registration.update': [Y, Y, N], 'registration.assign_supporter': [N, N, N],
    'registration.inspect': [N, N, N],
    'recognition.manage': [N, N, N], 'recognition.vote': [N, N, N], 'recognition.acknowledge': [Y, Y, N], 'commendation.record': [N, N, N], 'commendation.propose': [Y, Y, N],
    'stats.view': [Y, Y, N], 'report.view': [Y, Y, N], 'report.create': [Y, Y, N], 'report.update': [Y, Y, N], 'export.create': [Y, Y, N], 'export.view': [Y, Y, N],
    'registration.publish': [N, N, N], 'webhook.manage': [N, N, N],
  },
  viewer: {
    'unit.view': [Y, Y, N], 'unit.create_child': [N, N, N], 'unit.update': [N, N, N], 'unit.move': [N, N, N],
    'unit.deactivate': [N, N, N], 'unit.reactivate': [N, N, N], 'unit.reorganise': [N, N, N], 'user.view': [N, N, N], 'user.create': [N, N, N],
    'user.update': [N, N, N], 'user.reset_password': [N, N, N], 'audit.view': [N, N, N],
    'campaign.view': [Y, Y, N], 'campaign.create': [N, N, N], 'campaign.update': [N, N, N], 'criteria.manage': [N, N, N], 'registration.view': [Y, Y, N], 'registration.create': [N, N, N], 'registration.update': [N, N, N], 'registration.assign_supporter': [N, N, N],
    'registration.inspect': [N, N, N],
    'recognition.manage': [N, N, N], 'recognition.vote': [N, N, N], 'recognition.acknowledge': [N, N, N], 'commendation.record': [N, N, N], 'commendation.propose': [N, N, N],
    'stats.view': [Y, Y, N], 'report.view': [Y, Y, N], 'report.create': [N, N, N], 'report.update': [N, N, N], 'export.create': [Y, Y, N], 'export.view': [Y, Y, N],
    'registration.publish': [N, N, N], 'webhook.manage': [N, N, N],
  },
};

// Who takes the workflow's transitions, on the same three places (the state gate is the workflow's).
const transitionRows = (submit: Row, appraise: Row, recognise: Row, complete: Row, discontinue: Row) => ({
  'registration.submit': submit,
  'registration.return': appraise,
  'registration.accept': appraise,
  'registration.reject': appraise,
  'registration.recognise': recognise,
  'registration.not_recognise': recognise,
  'registration.complete': complete,
  'registration.discontinue': discontinue,
});
type Row = [top: boolean, below: boolean, outside: boolean];
const YYN: Row = [Y, Y, N],
  NNN: Row = [N, N, N];
Object.assign(expected.admin, transitionRows(YYN, YYN, YYN, YYN, YYN));
// Loading the administrative map: administrators only (the service asks it at the top of the tree).
Object.assign(expected.admin, { 'unit.load_map': YYN });
for (const role of ['officer', 'member', 'unit_officer', 'viewer'] as const) Object.assign(expected[role], { 'unit.load_map': NNN });
Object.assign(expected.officer, transitionRows(YYN, YYN, YYN, YYN, YYN));
Object.assign(expected.member, transitionRows(NNN, YYN, NNN, NNN, YYN));
Object.assign(expected.unit_officer, transitionRows(YYN, NNN, NNN, YYN, YYN));
Object.assign(expected.viewer, transitionRows(NNN, NNN, NNN, NNN, NNN));
// Withdrawing a submission: the registrants' roles, on their entry scope (only the record's own
// registrant among them: the workflow's `registrantOnly`, tested with the record rules).
for (const role of ['admin', 'officer', 'unit_officer'] as const) Object.assign(expected[role], { 'registration.withdraw': YYN });
for (const role of ['member', 'viewer'] as const) Object.assign(expected[role], { 'registration.withdraw': NNN });

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
        expect([can(actor, action, { path: top }), can(actor, action, { path: below }), can(actor, action, { path: outside })]).toEqual(
          want,
        );
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
