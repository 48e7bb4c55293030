/**
 * The life of a registration (a model or an exemplar), as one table of transitions.
 * Each transition names its source states, its target, the roles that may take it (always inside
 * their entry subtree) and whether a reason is required. Server, web and the state
 * diagram in docs/ are all derived from this table.
 */
import type { Role } from './roles.js';
import { inSubtree } from './scope.js';
import type { Actor } from './policy.js';

export const REGISTRATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'rejected',
  'recognised',
  'not_recognised',
  'completed',
  'discontinued',
] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const REGISTRATION_STATE_LABELS: Record<RegistrationState, string> = {
  draft: 'Bản nháp',
  submitted: 'Chờ thẩm định',
  returned: 'Trả lại để chỉnh sửa',
  accepted: 'Đã chấp thuận, đang thực hiện',
  rejected: 'Không chấp thuận',
  recognised: 'Đã công nhận',
  not_recognised: 'Không công nhận',
  completed: 'Đã hoàn thành',
  discontinued: 'Dừng thực hiện',
};

export interface Transition {
  from: readonly RegistrationState[];
  to: RegistrationState;
  roles: readonly Role[];
  reasonRequired: boolean;
  label: string;
  /** Taken only through a recognition round (criteria checklist, votes), never directly. */
  viaRound?: boolean;
}

const REGISTRANTS: readonly Role[] = ['unit_officer', 'officer', 'admin'];
const APPRAISERS: readonly Role[] = ['officer', 'member', 'admin'];

export const TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: REGISTRANTS, reasonRequired: false, label: 'Gửi đăng ký' },
  return: { from: ['submitted'], to: 'returned', roles: APPRAISERS, reasonRequired: true, label: 'Trả lại để chỉnh sửa' },
  accept: { from: ['submitted'], to: 'accepted', roles: APPRAISERS, reasonRequired: false, label: 'Chấp thuận đăng ký' },
  reject: { from: ['submitted'], to: 'rejected', roles: APPRAISERS, reasonRequired: true, label: 'Không chấp thuận' },
  recognise: { from: ['accepted'], to: 'recognised', roles: APPRAISERS, reasonRequired: false, label: 'Công nhận', viaRound: true },
  not_recognise: { from: ['accepted'], to: 'not_recognised', roles: APPRAISERS, reasonRequired: true, label: 'Không công nhận', viaRound: true },
  complete: { from: ['accepted', 'recognised'], to: 'completed', roles: REGISTRANTS, reasonRequired: false, label: 'Kết thúc (hoàn thành)' },
  discontinue: { from: ['accepted', 'recognised', 'not_recognised'], to: 'discontinued', roles: [...REGISTRANTS, 'member'], reasonRequired: true, label: 'Dừng thực hiện' },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;
/** What a registration's `actions` may hold: edits, direct transitions and the other steps. */
export type RegistrationAction = 'update' | TransitionName | 'assign_supporter' | 'inspect' | 'add_evidence' | 'commend' | 'propose' | 'publish';
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];
/** Transitions with their own endpoint; the others happen inside a recognition round. */
export const DIRECT_TRANSITIONS = TRANSITION_NAMES.filter((n) => !(TRANSITIONS[n] as Transition).viaRound);

export type TransitionRefusal = 'illegal_state' | 'forbidden' | 'reason_required';

/** Why a transition may not be taken now, or null when it may. */
export function refuseTransition(
  actor: Actor,
  name: TransitionName,
  record: { state: RegistrationState; unitPath: string },
  reason?: string | null,
): TransitionRefusal | null {
  const t: Transition = TRANSITIONS[name];
  if (!t.from.includes(record.state)) return 'illegal_state';
  // Both sides act inside their entry subtree: registrants on their own units, appraisers on
  // the units below the committee they sit on.
  if (!t.roles.includes(actor.role) || !inSubtree(record.unitPath, actor.entryPath) || !inSubtree(record.unitPath, actor.viewPath)) return 'forbidden';
  if (t.reasonRequired && !(reason && reason.trim().length >= 5)) return 'reason_required';
  return null;
}

/** The transitions this actor may take directly on this record now (the buttons the web shows). */
export function availableTransitions(actor: Actor, record: { state: RegistrationState; unitPath: string }): TransitionName[] {
  return DIRECT_TRANSITIONS.filter((n) => refuseTransition(actor, n, record, 'x'.repeat(5)) === null);
}

/** States from which a registration cannot be reported again as new. */
export const FINISHED_STATES: readonly RegistrationState[] = ['completed', 'discontinued', 'rejected'];

/**
 * Recognition is a committee's decision: at least this many members must have voted, and more
 * than half of the votes cast must be in favour. One officer alone cannot recognise.
 */
export const RECOGNITION_MIN_VOTES = 2;
