/**
 * Every authorization decision of DVK is made here, from one table of rules.
 * A rule names the roles that may take an action and the scope the target must lie in:
 *   view        – inside the actor's view subtree
 *   entry       – inside the actor's entry subtree (where they may write)
 *   entry_below – strictly below the top of the entry subtree (its top unit is not theirs to change)
 * Records outside the view subtree are never returned by the data layer, so callers answer
 * "not found" for them; this module decides what may be done with what the actor can see.
 *
 * Record rules (further down) add predicates on the record to one of these rules – its state,
 * its supporter, its round, its owner – written so that they read as the sentence they stand for.
 * A record's `actions`, the refusals of the services and the user's capabilities all come from here.
 */
import type { Role } from './roles.js';
import { belowSubtree, inSubtree } from './scope.js';
import {
  DIRECT_TRANSITIONS,
  MIN_REASON_LENGTH,
  TRANSITIONS,
  type RegistrationAction,
  type RegistrationState,
  type Transition,
  type TransitionName,
} from './workflow.js';

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

export type ScopeKind = 'view' | 'entry' | 'entry_below';
export interface Rule {
  roles: readonly Role[];
  scope: ScopeKind;
}

const ALL: readonly Role[] = ['admin', 'officer', 'member', 'unit_officer', 'viewer'];
const WRITERS: readonly Role[] = ['admin', 'officer', 'unit_officer'];
/** Who registers models and moves them on after appraisal. */
const REGISTRANTS: readonly Role[] = ['unit_officer', 'officer', 'admin'];
/** Who appraises a registration: the movement officers and the committee members. */
const APPRAISERS: readonly Role[] = ['officer', 'member', 'admin'];
/** Who decides in a recognition round: the committee's officers. */
const DECIDERS: readonly Role[] = ['admin', 'officer'];

export const RULES = {
  'unit.view': { roles: ALL, scope: 'view' },
  'unit.create_child': { roles: WRITERS, scope: 'entry' },
  'unit.update': { roles: WRITERS, scope: 'entry_below' },
  'unit.move': { roles: ['admin', 'officer'], scope: 'entry_below' },
  'unit.deactivate': { roles: WRITERS, scope: 'entry_below' },
  'unit.reactivate': { roles: WRITERS, scope: 'entry_below' },
  // Merging, splitting, renaming, moving units and abolishing a level, with a legal basis.
  'unit.reorganise': { roles: ['admin'], scope: 'entry' },
  'user.view': { roles: ['admin'], scope: 'view' },
  'user.create': { roles: ['admin'], scope: 'entry' },
  'user.update': { roles: ['admin'], scope: 'entry' },
  'user.reset_password': { roles: ['admin'], scope: 'entry' },
  'audit.view': { roles: ['admin', 'officer'], scope: 'view' },
  // Loading the administrative map or its history: checked at the top of the tree.
  'unit.load_map': { roles: ['admin'], scope: 'entry' },
  'campaign.view': { roles: ALL, scope: 'view' },
  'campaign.create': { roles: ['admin', 'officer'], scope: 'entry' },
  'campaign.update': { roles: ['admin', 'officer'], scope: 'entry' },
  'criteria.manage': { roles: ['admin', 'officer'], scope: 'entry' },
  'registration.view': { roles: ALL, scope: 'view' },
  'registration.create': { roles: WRITERS, scope: 'entry' },
  'registration.update': { roles: WRITERS, scope: 'entry' },
  'registration.assign_supporter': { roles: ['admin', 'officer', 'member'], scope: 'entry' },
  'registration.inspect': { roles: ['admin', 'officer', 'member'], scope: 'entry' },
  'recognition.manage': { roles: DECIDERS, scope: 'entry' },
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
  // One's own exports, listed while the place they were made for is still in one's view.
  'export.view': { roles: ALL, scope: 'view' },
  // Showing a recognised model to the public is the movement officers' decision.
  'registration.publish': { roles: ['admin', 'officer'], scope: 'entry' },
  // The workflow's transitions: src/domain/workflow.ts says from which state, this table says who.
  'registration.submit': { roles: REGISTRANTS, scope: 'entry' },
  // Taking back a submission before it is appraised: the registrant only (TRANSITIONS.withdraw.registrantOnly).
  'registration.withdraw': { roles: REGISTRANTS, scope: 'entry' },
  'registration.return': { roles: APPRAISERS, scope: 'entry' },
  'registration.accept': { roles: APPRAISERS, scope: 'entry' },
  'registration.reject': { roles: APPRAISERS, scope: 'entry' },
  // Recognition is decided in a round, so it belongs to those who decide rounds
  // (`recognition.manage`): a committee member votes but does not decide.
  'registration.recognise': { roles: DECIDERS, scope: 'entry' },
  'registration.not_recognise': { roles: DECIDERS, scope: 'entry' },
  'registration.complete': { roles: REGISTRANTS, scope: 'entry' },
  'registration.discontinue': { roles: [...REGISTRANTS, 'member'], scope: 'entry' },
  // Integrations: a webhook receives the events of its unit's subtree, set up by the movement officers there.
  'webhook.manage': { roles: ['admin', 'officer'], scope: 'entry' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
type Strip<A, F extends string> = A extends `${F}.${infer N}` ? N : never;
/** The names a screen sees in a record's `actions` for one family: "update", "move"… */
export type FamilyAction<F extends string> = Strip<Action, F>;

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
export function allowedActions<F extends 'unit' | 'user' | 'audit' | 'campaign' | 'report'>(
  actor: Actor,
  family: F,
  target: Target,
): FamilyAction<F>[] {
  return ACTIONS.filter((a) => a.startsWith(family + '.') && can(actor, a, target)).map(
    (a) => a.slice(family.length + 1) as FamilyAction<F>,
  );
}

/** What the user may create, for the menus and "new" buttons: the same rules, at the top of their entry scope. */
export function createCapabilities(actor: Actor): {
  [K in 'campaign' | 'round' | 'criterion' | 'registration' | 'unit' | 'user' | 'report']: boolean;
} {
  const entry = actor.entryPath === null ? null : { path: actor.entryPath };
  const at = (action: Action) => entry !== null && can(actor, action, entry);
  return {
    campaign: at('campaign.create'),
    round: at('recognition.manage'),
    criterion: criterionActions(actor, { ownerPath: actor.entryPath }).includes('update'),
    registration: at('registration.create'),
    unit: at('unit.create_child'),
    user: at('user.create'),
    report: at('report.create'),
  };
}

/** The registration lists of one's own work ("Chờ tôi thẩm định", "Bản nháp của tôi", …). */
export const REGISTRATION_QUEUES = ['awaiting_appraisal', 'returned_to_me', 'to_inspect', 'my_drafts'] as const;
export type RegistrationQueue = (typeof REGISTRATION_QUEUES)[number];

/**
 * The queues that apply to the user, by the rules of the work each lists, at the top of their entry
 * scope: submissions to appraise for appraisers, their own returned records and drafts for
 * registrants, models to inspect for those who inspect. A read-only leader has none.
 */
export function registrationQueues(actor: Actor): RegistrationQueue[] {
  if (actor.entryPath === null) return [];
  const entry = { path: actor.entryPath };
  const registrant = can(actor, 'registration.create', entry);
  const works: Record<RegistrationQueue, boolean> = {
    awaiting_appraisal: availableTransitions(actor, { state: 'submitted', unitPath: entry.path }).includes('accept'),
    returned_to_me: registrant,
    to_inspect: can(actor, 'registration.inspect', entry),
    my_drafts: registrant,
  };
  return REGISTRATION_QUEUES.filter((q) => works[q]);
}

/**
 * Whether work can wait for the user (the to-do page): registering, appraising, inspecting,
 * commending, voting or acknowledging somewhere in their entry scope. A read-only leader has none.
 */
export function hasTodo(actor: Actor): boolean {
  if (actor.entryPath === null) return false;
  const entry = { path: actor.entryPath };
  const work: Action[] = [
    'registration.create',
    'registration.inspect',
    'commendation.record',
    'recognition.vote',
    'recognition.acknowledge',
  ];
  return work.some((a) => can(actor, a, entry));
}

/** Capabilities that do not hang on one record: used to show menus. */
export function capabilities(actor: Actor) {
  const top = { path: actor.viewPath };
  return {
    manageUsers: can(actor, 'user.view', top),
    viewAudit: can(actor, 'audit.view', top),
    createUnits: actor.entryPath !== null && can(actor, 'unit.create_child', { path: actor.entryPath }),
  };
}

// ---------------------------------------------------------------------------------------------
// Record rules: a rule of the table above, taken at one of the record's places, while every
// predicate holds; `orWhere` is a second way to be allowed (the supporter of a model).

interface Predicate<R> {
  /** The sentence the predicate stands for (shown in the matrix test and the docs). */
  says: string;
  holds: (record: R, actor: Actor) => boolean;
}
interface RecordRule<R> {
  rule: Action;
  /** Where the rule's scope is checked: the path of the record's unit, its round, its owner… */
  at: (record: R, actor: Actor) => string | null;
  when: readonly Predicate<R>[];
  orWhere?: { roles: readonly Role[]; scope: ScopeKind; when: readonly Predicate<R>[] };
}

const holdsAll = <R>(ps: readonly Predicate<R>[], r: R, actor: Actor) => ps.every((p) => p.holds(r, actor));

function allows<R>(actor: Actor, rr: RecordRule<R>, r: R): boolean {
  const path = rr.at(r, actor);
  if (path === null || !holdsAll(rr.when, r, actor)) return false;
  if (can(actor, rr.rule, { path })) return true;
  const alt = rr.orWhere;
  return !!alt && alt.roles.includes(actor.role) && scopeHolds(actor, alt.scope, { path }) && holdsAll(alt.when, r, actor);
}

function allowedOf<R, K extends string>(rules: Record<K, RecordRule<R>>, actor: Actor, r: R): K[] {
  return (Object.keys(rules) as K[]).filter((k) => allows(actor, rules[k], r));
}

// --- registrations ---------------------------------------------------------------------------

/** What the registration rules read of a registration. */
export interface RegistrationFacts {
  unitPath: string;
  state: RegistrationState;
  supporterId: string | null;
  /** Who registered it (its `created_by`): the one person who may withdraw it. */
  registrantId: string | null;
  /** Recognised once, whatever its state now. */
  recognised: boolean;
}

/** Who may be assigned to support (and so inspect) a model. */
export const SUPPORTER_ROLES: readonly Role[] = ['officer', 'member'];
export const EDITABLE_STATES: readonly RegistrationState[] = ['draft', 'returned'];
export const INSPECTABLE_STATES: readonly RegistrationState[] = ['accepted', 'recognised'];
export const COMMENDABLE_STATES: readonly RegistrationState[] = ['recognised', 'completed'];

const stateIsOneOf = (states: readonly RegistrationState[]): Predicate<RegistrationFacts> => ({
  says: `the registration is ${states.join(' or ')}`,
  holds: (r) => states.includes(r.state),
});
const notRejected: Predicate<RegistrationFacts> = { says: 'the registration was not rejected', holds: (r) => r.state !== 'rejected' };
const actorIsItsSupporter: Predicate<RegistrationFacts> = {
  says: 'the user is its assigned supporter',
  holds: (r, a) => r.supporterId === a.id,
};
const wasRecognised: Predicate<RegistrationFacts> = { says: 'the model was recognised', holds: (r) => r.recognised };
const actorIsBelowTheTop: Predicate<RegistrationFacts> = {
  says: 'the user works below the top of the tree (there is a level above to propose to)',
  holds: (_r, a) => !!a.entryPath?.includes('.'),
};
const onItsUnit = (r: RegistrationFacts) => r.unitPath;

/** The supporting officer inspects the model assigned to them, as the committee may. */
const bySupporter = { roles: SUPPORTER_ROLES, scope: 'view' as const, when: [actorIsItsSupporter] };

export const REGISTRATION_RULES = {
  update: { rule: 'registration.update', at: onItsUnit, when: [stateIsOneOf(EDITABLE_STATES)] },
  assign_supporter: { rule: 'registration.assign_supporter', at: onItsUnit, when: [stateIsOneOf(['accepted'])] },
  inspect: { rule: 'registration.inspect', at: onItsUnit, when: [stateIsOneOf(INSPECTABLE_STATES)], orWhere: bySupporter },
  // Evidence is added by those who inspect it and by those who may edit the registration.
  add_evidence: { rule: 'registration.inspect', at: onItsUnit, when: [notRejected], orWhere: bySupporter },
  add_evidence_as_registrant: { rule: 'registration.update', at: onItsUnit, when: [notRejected] },
  commend: { rule: 'commendation.record', at: onItsUnit, when: [stateIsOneOf(COMMENDABLE_STATES)] },
  propose: { rule: 'commendation.propose', at: onItsUnit, when: [stateIsOneOf(COMMENDABLE_STATES), actorIsBelowTheTop] },
  publish: { rule: 'registration.publish', at: onItsUnit, when: [stateIsOneOf(COMMENDABLE_STATES), wasRecognised] },
} satisfies Record<string, RecordRule<RegistrationFacts>>;

/** The papers issued from a registration itself: its registration form, by those who may edit it on its unit. */
export const REGISTRATION_PAPER_RULES = {
  registration_form: { rule: 'registration.update', at: onItsUnit, when: [] },
} satisfies Record<string, RecordRule<RegistrationFacts>>;
export type RegistrationPaper = keyof typeof REGISTRATION_PAPER_RULES;

/** The papers this actor may issue from this registration (the button the record shows, the check the server makes). */
export const registrationPapers = (actor: Actor, r: RegistrationFacts): RegistrationPaper[] =>
  allowedOf(REGISTRATION_PAPER_RULES, actor, r);

export type TransitionRefusal = 'illegal_state' | 'forbidden' | 'reason_required';

export const reasonGiven = (reason: string | null | undefined) => !!reason && reason.trim().length >= MIN_REASON_LENGTH;

/** What a transition reads of a registration; `registrantId` only matters to the registrant's own transitions. */
export interface TransitionFacts {
  state: RegistrationState;
  unitPath: string;
  registrantId?: string | null;
}

/** The sentence the registrant-only transitions stand for (the state table of docs/STATES.md prints it). */
export const REGISTRANT_ONLY_SAYS = 'only the person who registered it';

/** Why a transition may not be taken now, or null when it may: the state first, then who, then the reason. */
export function refuseTransition(
  actor: Actor,
  name: TransitionName,
  record: TransitionFacts,
  reason?: string | null,
): TransitionRefusal | null {
  const t: Transition = TRANSITIONS[name];
  if (!t.from.includes(record.state)) return 'illegal_state';
  // Both sides act inside their entry subtree: registrants on their own units, appraisers on
  // the units below the committee they sit on.
  if (!can(actor, `registration.${name}`, { path: record.unitPath })) return 'forbidden';
  // Withdrawing is taking back one's own submission: a colleague or an appraiser may not do it
  // for them (an appraiser returns it instead, with a reason).
  if (t.registrantOnly && (!record.registrantId || record.registrantId !== actor.id)) return 'forbidden';
  if (t.reasonRequired && !reasonGiven(reason)) return 'reason_required';
  return null;
}

/** The transitions this actor may take directly on this record now (the buttons the web shows). */
export function availableTransitions(actor: Actor, record: TransitionFacts): TransitionName[] {
  return DIRECT_TRANSITIONS.filter((n) => refuseTransition(actor, n, record, 'x'.repeat(MIN_REASON_LENGTH)) === null);
}

/** Edits, transitions and the other steps the actor may take on this registration now. */
export function registrationActions(actor: Actor, r: RegistrationFacts): RegistrationAction[] {
  const allowed = allowedOf(REGISTRATION_RULES, actor, r);
  const has = (k: keyof typeof REGISTRATION_RULES) => allowed.includes(k);
  return [
    ...(has('update') ? ['update' as const] : []),
    ...availableTransitions(actor, r),
    ...(has('assign_supporter') ? ['assign_supporter' as const] : []),
    ...(has('inspect') ? ['inspect' as const] : []),
    ...(has('add_evidence') || has('add_evidence_as_registrant') ? ['add_evidence' as const] : []),
    ...(has('commend') ? ['commend' as const] : []),
    ...(has('propose') ? ['propose' as const] : []),
    ...(has('publish') ? ['publish' as const] : []),
  ];
}

// --- recognition rounds ----------------------------------------------------------------------

export interface RoundFacts {
  path: string;
  open: boolean;
}
/** A candidate is a registration in a round: the round's place and the registration's own. */
export interface CandidateFacts {
  round: RoundFacts;
  unitPath: string;
  decided: boolean;
  /** Nothing of its own is missing for recognition (`readinessGaps` in domain/recognition.ts); unknown counts as not ready. */
  ready?: boolean;
}

const roundIsOpen: Predicate<RoundFacts> = { says: 'the round is open', holds: (r) => r.open };
const inAnOpenRound: Predicate<CandidateFacts> = { says: 'the candidate’s round is open', holds: (c) => c.round.open };
const notYetDecided: Predicate<CandidateFacts> = { says: 'the candidate is not decided yet', holds: (c) => !c.decided };
const isReady: Predicate<CandidateFacts> = {
  says: 'the candidate is ready: criteria checked and met, acknowledged, enough votes in favour',
  holds: (c) => c.ready === true,
};
const onTheRound = (c: CandidateFacts) => c.round.path;

export const ROUND_RULES = {
  add_candidate: { rule: 'recognition.manage', at: (r) => r.path, when: [roundIsOpen] },
  close: { rule: 'recognition.manage', at: (r) => r.path, when: [roundIsOpen] },
} satisfies Record<string, RecordRule<RoundFacts>>;

export const CANDIDATE_RULES = {
  // The committee checks and decides for the round's level; its members vote there.
  check: { rule: 'recognition.manage', at: onTheRound, when: [inAnOpenRound, notYetDecided] },
  decide: { rule: 'recognition.manage', at: onTheRound, when: [inAnOpenRound, notYetDecided] },
  // Deciding "recognised" is offered only once the candidate is ready; "not recognised" any time.
  recognise: { rule: 'recognition.manage', at: onTheRound, when: [inAnOpenRound, notYetDecided, isReady] },
  // The collective where the model works acknowledges it, on its own unit.
  acknowledge: { rule: 'recognition.acknowledge', at: (c) => c.unitPath, when: [inAnOpenRound, notYetDecided] },
  vote: { rule: 'recognition.vote', at: onTheRound, when: [inAnOpenRound, notYetDecided] },
} satisfies Record<string, RecordRule<CandidateFacts>>;

export type RoundAction = keyof typeof ROUND_RULES;
export type CandidateAction = keyof typeof CANDIDATE_RULES;
export const roundActions = (actor: Actor, r: RoundFacts): RoundAction[] => allowedOf(ROUND_RULES, actor, r);
export const candidateActions = (actor: Actor, c: CandidateFacts): CandidateAction[] => allowedOf(CANDIDATE_RULES, actor, c);

// --- proposals and criteria ------------------------------------------------------------------

export interface ProposalFacts {
  toUnitPath: string;
  state: 'pending' | 'accepted' | 'declined';
}
const stillPending: Predicate<ProposalFacts> = { says: 'the proposal is still pending', holds: (p) => p.state === 'pending' };

/** The receiving level decides: movement officers whose entry scope holds the receiving unit. */
export const PROPOSAL_RULES = {
  accept: { rule: 'commendation.record', at: (p) => p.toUnitPath, when: [stillPending] },
  decline: { rule: 'commendation.record', at: (p) => p.toUnitPath, when: [stillPending] },
} satisfies Record<string, RecordRule<ProposalFacts>>;
export type ProposalAction = keyof typeof PROPOSAL_RULES;
export const proposalActions = (actor: Actor, p: ProposalFacts): ProposalAction[] => allowedOf(PROPOSAL_RULES, actor, p);

/** A criterion template: `ownerPath` null is the national catalogue. */
export interface CriterionFacts {
  ownerPath: string | null;
}
const nationalOnlyFromTheTop: Predicate<CriterionFacts> = {
  says: 'the national catalogue is edited only from the top of the tree',
  holds: (c, a) => c.ownerPath !== null || (!!a.entryPath && !a.entryPath.includes('.')),
};

/** Officers edit the templates of their own level and below; the national catalogue only from the top. */
export const CRITERION_RULES = {
  update: { rule: 'criteria.manage', at: (c, a) => c.ownerPath ?? a.entryPath, when: [nationalOnlyFromTheTop] },
} satisfies Record<string, RecordRule<CriterionFacts>>;
export const criterionActions = (actor: Actor, c: CriterionFacts): 'update'[] => allowedOf(CRITERION_RULES, actor, c);

/** A unit may not be moved under itself or under one of its descendants. */
export function moveCreatesCycle(unitPath: string, newParentPath: string): boolean {
  return inSubtree(newParentPath, unitPath);
}
