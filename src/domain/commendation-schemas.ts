import { z } from 'zod';
import { MIN_REASON_LENGTH } from './workflow.js';
import { longText, plainText, requiredText } from './text-input.js';
import { isoDate, Paging } from './schemas.js';
import { PROPOSAL_SORTS, sortParam } from './list-sort.js';

const text = longText;

export const CommendationForm = z.object({ code: z.string(), name: z.string(), sort: z.number().int(), active: z.boolean() });
export const CommendationInput = z.object({
  formCode: z.string().min(1).max(40),
  issuer: requiredText(200),
  decisionNo: requiredText(60),
  decisionDate: isoDate(),
  note: text(2000).nullish(),
});
export const Commendation = z.object({
  id: z.uuid(),
  formCode: z.string(),
  formName: z.string(),
  issuer: z.string(),
  decisionNo: z.string(),
  decisionDate: z.string(),
  note: z.string().nullable(),
});
export const ProposalInput = z.object({
  toUnitId: z.uuid(),
  formCode: z.string().min(1).max(40),
  reason: plainText(3000, { min: MIN_REASON_LENGTH, multiline: true }),
});
export const ProposalState = z.enum(['pending', 'accepted', 'declined']);
export const PROPOSAL_STATE_LABELS: Record<z.infer<typeof ProposalState>, string> = {
  pending: 'Chờ xem xét',
  accepted: 'Đã chấp nhận',
  declined: 'Đã từ chối',
};
export const Proposal = z.object({
  id: z.uuid(),
  registration: z.object({ id: z.uuid(), title: z.string(), unitName: z.string() }),
  fromUnit: z.object({ id: z.uuid(), name: z.string() }),
  toUnit: z.object({ id: z.uuid(), name: z.string() }),
  formCode: z.string(),
  formName: z.string(),
  reason: z.string(),
  state: ProposalState,
  proposedAt: z.string(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  /** What the reader may do with it: the receiving level accepts or declines a pending proposal. */
  actions: z.array(z.enum(['accept', 'decline'])),
});
/** `decided`: accepted or declined, the "already handled" tab. */
export const ProposalQuery = Paging.extend({
  queue: z.enum(['incoming', 'outgoing']).optional(),
  state: z.enum([...ProposalState.options, 'decided']).optional(),
  sort: sortParam(PROPOSAL_SORTS, '-date'),
});
export const ProposalPage = z.object({ items: z.array(Proposal), total: z.number().int() });
export const DecideProposal = z.object({
  version: z.number().int(),
  accept: z.boolean(),
  note: text(2000).nullish(),
  /** With an acceptance: the commendation issued by the receiving level. */
  commendation: CommendationInput.omit({ formCode: true }).nullish(),
});

/**
 * A commendation as a sentence names it: the form, then who gave it. A form whose name already
 * says who gives it ("Bằng khen của Ủy ban nhân dân tỉnh") takes the issuer in place of that part
 * when the issuer is the same body named in full ("Ủy ban nhân dân tỉnh Vĩnh Long"), and is not
 * followed by a second "của": "Bằng khen của Ủy ban nhân dân tỉnh Vĩnh Long".
 */
export function commendationWording(form: string, issuer: string): string {
  const f = form.trim();
  const who = issuer.trim();
  if (!who) return f;
  const at = f.toLocaleLowerCase('vi-VN').indexOf(' của ');
  if (at < 0) return `${f} của ${who}`;
  const named = f.slice(at + 5).trim();
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi-VN');
  if (fold(who).startsWith(fold(named))) return `${f.slice(0, at)} của ${who}`;
  if (fold(named).includes(fold(who))) return f;
  return `${f} (${who})`;
}
