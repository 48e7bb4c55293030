import { z } from 'zod';
import { longText, plainText, requiredText } from './text-input.js';
import { isoDate } from './schemas.js';
import { UNIT_LEVELS } from './unit-kinds.js';
import { READINESS_GAPS } from './recognition.js';

const text = longText;

export const Mark = z.enum(['met', 'not_met', 'na']);
export const Vote = z.enum(['for', 'against', 'abstain']);
export const VOTE_LABELS: Record<z.infer<typeof Vote>, string> = {
  for: 'Tán thành',
  against: 'Không tán thành',
  abstain: 'Không biểu quyết',
};
export const MARK_LABELS: Record<z.infer<typeof Mark>, string> = { met: 'Đạt', not_met: 'Không đạt', na: 'Không áp dụng' };

export const OpenRound = z.object({ unitId: z.uuid(), campaignId: z.uuid().nullish(), title: requiredText(300) });
export const AddCandidate = z.object({ registrationId: z.uuid() });
export const ChecklistBody = z.object({
  items: z
    .array(
      z.object({
        criterionId: z.uuid(),
        mark: Mark,
        /** Required to mark "met" a criterion whose latest recorded completion is below 100 %. */
        reason: text(1000).nullish(),
      }),
    )
    .min(1)
    .max(50),
});
export const AcknowledgeBody = z.object({ note: text(2000).nullish() });
export const VoteBody = z.object({ vote: Vote });
export const DecideBody = z.object({
  result: z.enum(['recognised', 'not_recognised']),
  level: z.enum(UNIT_LEVELS).nullish(),
  decisionNo: plainText(60).nullish(),
  decisionDate: isoDate().nullish(),
  issuer: plainText(200).nullish(),
  reasons: text(3000).nullish(),
});
export const RoundCandidateParams = z.object({ id: z.uuid(), registrationId: z.uuid() });

export const Candidate = z.object({
  registration: z.object({
    id: z.uuid(),
    title: z.string(),
    unitName: z.string(),
    state: z.string(),
    kind: z.string(),
    holder: z.string(),
    personName: z.string().nullable(),
  }),
  /**
   * Each criterion with the evidence the committee judges by: its target, the value the latest
   * inspection that assessed it recorded (with that inspection's date) and the completion, the
   * mark and, for a "met" below 100 %, the reason written with it.
   */
  checklist: z.array(
    z.object({
      criterionId: z.uuid(),
      name: z.string(),
      target: z.number().nullable(),
      unitOfMeasure: z.string().nullable(),
      achieved: z.number().nullable(),
      completionPct: z.number().int().nullable(),
      inspectedOn: z.string().nullable(),
      mark: Mark.nullable(),
      reason: z.string().nullable(),
    }),
  ),
  /** The inspections' photos, newest inspection first (thumbnails at /files/:id?size=thumb). */
  photos: z.array(z.object({ id: z.uuid(), fileName: z.string(), inspectedOn: z.string() })),
  acknowledged: z.boolean(),
  acknowledgementNote: z.string().nullable(),
  votes: z.array(
    z.object({
      voterName: z.string(),
      vote: Vote,
      at: z.string(),
      /** Cast by the reader: two members may share a name. */ mine: z.boolean(),
    }),
  ),
  tally: z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() }),
  result: z.enum(['recognised', 'not_recognised']).nullable(),
  level: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  issuer: z.string().nullable(),
  reasons: z.string().nullable(),
  /**
   * What the candidate still lacks before it may be recognised, in the order the work is done
   * (`readinessGaps`); empty when it is ready or decided. "recognise" is in `actions` only when empty.
   */
  missing: z.array(z.object({ code: z.enum(READINESS_GAPS), message: z.string() })),
  /** Undecided past its campaign's recognition date ("Quá hạn"). */
  overdue: z.boolean(),
  actions: z.array(z.string()),
});
export type Candidate = z.infer<typeof Candidate>;

export const Round = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  campaign: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  /** The campaign's recognition date, by which its candidates are to be decided. */
  recognitionDate: z.string().nullable(),
  title: z.string(),
  state: z.enum(['open', 'closed']),
  openedAt: z.string(),
  candidates: z.array(Candidate),
  actions: z.array(z.string()),
});
export type Round = z.infer<typeof Round>;
export const RoundList = z.object({
  items: z.array(Round.omit({ candidates: true }).extend({ candidateCount: z.number().int() })),
  total: z.number().int(),
});

/** What a candidate's `actions` may hold for the reader: the committee checks and decides, the
 *  collective acknowledges, members vote. */
export type { CandidateAction } from './policy.js';
