/**
 * The life of a registration (a model or an exemplar), as one table of transitions.
 * Each transition names its source states, its target and whether a reason is required; who may
 * take it is the policy's rule `registration.<transition>` (src/domain/policy.ts). Server, web and
 * the state diagram in docs/ are all derived from these two tables.
 */

/** A reason, where one is required (a refusal, a proposal, a failed recognition), says at least this much. */
export const MIN_REASON_LENGTH = 5;

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
  reasonRequired: boolean;
  label: string;
  /** Taken only through a recognition round (criteria checklist, votes), never directly. */
  viaRound?: boolean;
  /** Taken only by the person who registered the record (its `created_by`), inside the rule's scope. */
  registrantOnly?: boolean;
}

export const TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', reasonRequired: false, label: 'Gửi đăng ký' },
  // Until it is appraised, the registrant may take back what they sent: it becomes a draft again.
  withdraw: { from: ['submitted'], to: 'draft', reasonRequired: false, label: 'Rút lại đăng ký', registrantOnly: true },
  return: { from: ['submitted'], to: 'returned', reasonRequired: true, label: 'Trả lại để chỉnh sửa' },
  accept: { from: ['submitted'], to: 'accepted', reasonRequired: false, label: 'Chấp thuận đăng ký' },
  reject: { from: ['submitted'], to: 'rejected', reasonRequired: true, label: 'Không chấp thuận' },
  recognise: { from: ['accepted'], to: 'recognised', reasonRequired: false, label: 'Công nhận', viaRound: true },
  not_recognise: { from: ['accepted'], to: 'not_recognised', reasonRequired: true, label: 'Không công nhận', viaRound: true },
  complete: { from: ['accepted', 'recognised'], to: 'completed', reasonRequired: false, label: 'Kết thúc (hoàn thành)' },
  discontinue: { from: ['accepted', 'recognised', 'not_recognised'], to: 'discontinued', reasonRequired: true, label: 'Dừng thực hiện' },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;
/** What a registration's `actions` may hold: edits, direct transitions and the other steps. */
export type RegistrationAction =
  'update' | TransitionName | 'assign_supporter' | 'inspect' | 'add_evidence' | 'commend' | 'propose' | 'publish';
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];
/** Transitions with their own endpoint; the others happen inside a recognition round. */
export const DIRECT_TRANSITIONS = TRANSITION_NAMES.filter((n) => !(TRANSITIONS[n] as Transition).viaRound);
