/**
 * Who hears of each event: the audiences of notifications and reminders, chosen by the same rules
 * that let people act (`RULES`, `can` in policy.ts), so the people told are those who may act.
 */
import type { Role } from './roles.js';
import { inSubtree } from './scope.js';
import { can, RULES, type Action, type Actor, type Rule, type ScopeKind } from './policy.js';

/**
 * Who hears of an event. Those who must act are found by the very rule that lets them act, at the
 * same place (`may`: the rule's roles, inside the rule's scope at the record's unit, or at its round);
 * those it concerns are named by the record (its registrant, its supporter, the proposer). Everybody
 * is also inside the record's view, so nobody hears of a record they could not open, and the one
 * who caused the event is not told of it. The system administrator is not a movement actor
 * (`NOTIFIED_ROLES`): told of every step in the country, they would read nothing.
 *
 * `ownUnit` narrows a rule to the accounts whose entry unit is the record's unit itself (the
 * unit's own officers, for its reminders); `notVoted` leaves out the members who already voted on
 * the candidate; `unitsBelow` is every account whose own unit lies in the record's subtree (a
 * campaign's launch reaches every unit under it).
 */
export type Audience =
  | { may: Action; at?: 'record' | 'round'; ownUnit?: boolean; notVoted?: boolean }
  | { person: 'registrant' | 'supporter' | 'proposer' }
  | { unitsBelow: true };

export const NOTIFIED_ROLES: readonly Role[] = ['officer', 'member', 'unit_officer', 'viewer'];

export const EVENT_AUDIENCES = {
  // Appraisers in scope: those who may accept, return or reject it.
  'registration.submitted': [{ may: 'registration.accept' }],
  'registration.returned': [{ person: 'registrant' }],
  'registration.rejected': [{ person: 'registrant' }],
  'registration.accepted': [{ person: 'registrant' }, { person: 'supporter' }],
  'registration.supporter_assigned': [{ person: 'registrant' }, { person: 'supporter' }],
  'inspection.recorded': [{ person: 'registrant' }],
  // The unit's officer acknowledges it, the committee's members vote on it.
  'round.candidate_added': [{ may: 'recognition.acknowledge' }, { may: 'recognition.vote', at: 'round' }],
  'registration.recognised': [{ person: 'registrant' }],
  'registration.not_recognised': [{ person: 'registrant' }],
  'registration.commended': [{ person: 'registrant' }],
  // The receiving level decides a proposal; the proposer hears of the decision.
  'proposal.received': [{ may: 'commendation.record' }],
  'proposal.accepted': [{ person: 'proposer' }],
  'proposal.declined': [{ person: 'proposer' }],
  'campaign.launched': [{ unitsBelow: true }],
  // A review report is shared with the committee that reviews its level.
  'report.shared': [{ may: 'recognition.manage' }],
  // Deadlines: the unit's own officers register; the supporter inspects (or, with none assigned,
  // those who assign one); the unit's officer acknowledges and members who have not voted vote.
  'reminder.registration': [{ may: 'registration.create', ownUnit: true }],
  'reminder.inspection': [{ person: 'supporter' }],
  'reminder.inspection_unassigned': [{ may: 'registration.assign_supporter' }],
  'reminder.acknowledge': [{ may: 'recognition.acknowledge' }],
  'reminder.vote': [{ may: 'recognition.vote', at: 'round', notVoted: true }],
} as const satisfies Record<string, readonly Audience[]>;

export type EventKind = keyof typeof EVENT_AUDIENCES;
export const EVENT_KINDS = Object.keys(EVENT_AUDIENCES) as EventKind[];

/** A `may` audience as the data layer finds it: the rule's roles that are told, and its scope. */
export function audienceRule(a: { may: Action }): { roles: Role[]; scope: ScopeKind } {
  const rule: Rule = RULES[a.may];
  return { roles: rule.roles.filter((r) => NOTIFIED_ROLES.includes(r)), scope: rule.scope };
}

/**
 * The same question asked of one account in memory (the tests compare it with the SQL): would this
 * actor be told of an event at `path` (and `roundPath`) through this audience?
 */
export function inAudience(
  actor: Actor & { unitPath: string },
  a: Audience,
  at: { path: string; roundPath?: string | null; persons?: Partial<Record<'registrant' | 'supporter' | 'proposer', string | null>> },
): boolean {
  if (!NOTIFIED_ROLES.includes(actor.role) || !inSubtree(at.path, actor.viewPath)) return false;
  if ('person' in a) return at.persons?.[a.person] === actor.id;
  if ('unitsBelow' in a) return inSubtree(actor.unitPath, at.path);
  const place = a.at === 'round' ? at.roundPath : at.path;
  if (!place) return false;
  if (a.ownUnit && actor.entryPath !== place) return false;
  return can(actor, a.may, { path: place });
}
