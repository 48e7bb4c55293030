/**
 * Every authorization decision of DVK is made here, from one table of rules.
 * A rule names the roles that may take an action and the scope the target must lie in:
 *   view        – inside the actor's view subtree
 *   entry       – inside the actor's entry subtree (where they may write)
 *   entry_below – strictly below the top of the entry subtree (its top unit is not theirs to change)
 * Records outside the view subtree are never returned by the data layer, so callers answer
 * "not found" for them; this module decides what may be done with what the actor can see.
 */
import type { Role } from './roles.js';
import { belowSubtree, inSubtree } from './scope.js';

export interface Actor {
  id: string;
  role: Role;
  /** Path of the top unit of the subtree the actor may write in; null = writes nowhere. */
  entryPath: string | null;
  /** Path of the top unit of the subtree the actor may read. */
  viewPath: string;
}

/** What an action is applied to: the unit path that the record hangs on. */
export interface Target {
  path: string;
}

type ScopeKind = 'view' | 'entry' | 'entry_below';
interface Rule {
  roles: readonly Role[];
  scope: ScopeKind;
}

const ALL: readonly Role[] = ['admin', 'officer', 'member', 'unit_officer', 'viewer'];
const WRITERS: readonly Role[] = ['admin', 'officer', 'unit_officer'];

export const RULES = {
  'unit.view': { roles: ALL, scope: 'view' },
  'unit.create_child': { roles: WRITERS, scope: 'entry' },
  'unit.update': { roles: WRITERS, scope: 'entry_below' },
  'unit.move': { roles: ['admin', 'officer'], scope: 'entry_below' },
  'unit.deactivate': { roles: WRITERS, scope: 'entry_below' },
  'unit.reactivate': { roles: WRITERS, scope: 'entry_below' },
  'user.view': { roles: ['admin'], scope: 'view' },
  'user.create': { roles: ['admin'], scope: 'entry' },
  'user.update': { roles: ['admin'], scope: 'entry' },
  'user.reset_password': { roles: ['admin'], scope: 'entry' },
  'audit.view': { roles: ['admin', 'officer'], scope: 'view' },
  'campaign.view': { roles: ALL, scope: 'view' },
  'campaign.create': { roles: ['admin', 'officer'], scope: 'entry' },
  'campaign.update': { roles: ['admin', 'officer'], scope: 'entry' },
  'criteria.manage': { roles: ['admin', 'officer'], scope: 'entry' },
  'registration.view': { roles: ALL, scope: 'view' },
  'registration.create': { roles: WRITERS, scope: 'entry' },
  'registration.update': { roles: WRITERS, scope: 'entry' },
  'registration.assign_supporter': { roles: ['admin', 'officer', 'member'], scope: 'entry' },
  'registration.inspect': { roles: ['admin', 'officer', 'member'], scope: 'entry' },
  'recognition.manage': { roles: ['admin', 'officer'], scope: 'entry' },
  'recognition.vote': { roles: ['admin', 'officer', 'member'], scope: 'entry' },
  // The collective where the model works acknowledges it: its own officer, nobody on its behalf.
  'recognition.acknowledge': { roles: ['unit_officer'], scope: 'entry' },
  'commendation.record': { roles: ['admin', 'officer'], scope: 'entry' },
  'commendation.propose': { roles: WRITERS, scope: 'entry' },
  'stats.view': { roles: ALL, scope: 'view' },
  'report.view': { roles: ALL, scope: 'view' },
  // A review report is written by the level it reports on: its officers, or the unit's own officer.
  'report.create': { roles: WRITERS, scope: 'entry' },
  'report.update': { roles: WRITERS, scope: 'entry' },
  'export.create': { roles: ALL, scope: 'view' },
  // Showing a recognised model to the public is the movement officers' decision.
  'registration.publish': { roles: ['admin', 'officer'], scope: 'entry' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
type Strip<A, F extends string> = A extends `${F}.${infer N}` ? N : never;
/** The names a screen sees in a record's `actions` for one family: "update", "move"… */
export type FamilyAction<F extends string> = Strip<Action, F>;

/** Who may be assigned to support (and so inspect) a model. */
export const SUPPORTER_ROLES: readonly Role[] = ['officer', 'member'];
export const ACTIONS = Object.keys(RULES) as Action[];

function scopeHolds(actor: Actor, scope: ScopeKind, target: Target): boolean {
  switch (scope) {
    case 'view':
      return inSubtree(target.path, actor.viewPath);
    case 'entry':
      return inSubtree(target.path, actor.entryPath) && inSubtree(target.path, actor.viewPath);
    case 'entry_below':
      return belowSubtree(target.path, actor.entryPath) && inSubtree(target.path, actor.viewPath);
  }
}

export function can(actor: Actor, action: Action, target: Target): boolean {
  const rule: Rule = RULES[action];
  return rule.roles.includes(actor.role) && scopeHolds(actor, rule.scope, target);
}

/** The actions of one resource family ("unit", "user") that the actor may take on the target. */
export function allowedActions<F extends 'unit' | 'user' | 'audit' | 'campaign' | 'registration' | 'report'>(actor: Actor, family: F, target: Target): FamilyAction<F>[] {
  return ACTIONS.filter((a) => a.startsWith(family + '.') && can(actor, a, target)).map((a) =>
    a.slice(family.length + 1) as FamilyAction<F>,
  );
}

/** Capabilities that do not hang on one record: used to show menus. */
export function capabilities(actor: Actor) {
  const top = { path: actor.viewPath };
  return {
    manageUsers: RULES['user.view'].roles.includes(actor.role as never),
    viewAudit: can(actor, 'audit.view', top),
    createUnits: actor.entryPath !== null && can(actor, 'unit.create_child', { path: actor.entryPath }),
  };
}

/** A unit may not be moved under itself or under one of its descendants. */
export function moveCreatesCycle(unitPath: string, newParentPath: string): boolean {
  return inSubtree(newParentPath, unitPath);
}
