/**
 * When a committee may recognise a candidate. Recognition is the committee's decision: every
 * criterion of the registration is met or not applicable, the collective where the model works
 * has acknowledged it (its own officer, nobody on its behalf: see `recognition.acknowledge` in the
 * policy), at least RECOGNITION_MIN_VOTES members voted, more than half of the votes cast are in
 * favour (one officer alone cannot recognise), and the decision's level, number, date and issuer
 * are given. No I/O: the service reads the facts and asks this function.
 */
export type CriterionMark = 'met' | 'not_met' | 'na';
export type VoteValue = 'for' | 'against' | 'abstain';

export const RECOGNITION_MIN_VOTES = 2;

export interface RecognitionCase {
  /** One mark per criterion of the registration; undefined = not assessed yet. */
  marks: readonly (CriterionMark | undefined | null)[];
  acknowledged: boolean;
  votes: readonly VoteValue[];
  decision: { level?: string | null; decisionNo?: string | null; decisionDate?: string | null; issuer?: string | null };
}

/** Why a candidate is not ready to be recognised yet: a stable code and the sentence a user reads. */
export const READINESS_GAPS = ['criteria_unassessed', 'criteria_not_met', 'not_acknowledged', 'too_few_votes', 'no_majority'] as const;
export type ReadinessGapCode = (typeof READINESS_GAPS)[number];
export interface ReadinessGap {
  code: ReadinessGapCode;
  /** Vietnamese, lower case: read in a list under "Còn thiếu" or after "Chưa đủ điều kiện công nhận:". */
  message: string;
}

/**
 * What the candidate itself still lacks before the committee may recognise it (the checklist, the
 * acknowledgement, the votes), in the order the work is done; empty when it is ready. The decision's
 * own details (number, date, level, issuer) are not the candidate's: they are typed with the decision.
 */
export function readinessGaps(c: Omit<RecognitionCase, 'decision'>): ReadinessGap[] {
  const gaps: ReadinessGap[] = [];
  const gap = (code: ReadinessGapCode, message: string) => gaps.push({ code, message });
  if (c.marks.some((m) => !m)) gap('criteria_unassessed', 'chưa đánh giá đủ các tiêu chí');
  if (c.marks.some((m) => m === 'not_met')) gap('criteria_not_met', 'có tiêu chí không đạt');
  if (!c.acknowledged) gap('not_acknowledged', 'tập thể nơi mô hình, điển hình hoạt động chưa xác nhận');
  const yes = c.votes.filter((v) => v === 'for').length;
  if (c.votes.length < RECOGNITION_MIN_VOTES) {
    gap('too_few_votes', `mới có ${c.votes.length} phiếu biểu quyết, cần ít nhất ${RECOGNITION_MIN_VOTES} thành viên biểu quyết`);
  } else if (yes * 2 <= c.votes.length) {
    gap('no_majority', `số phiếu tán thành (${yes}/${c.votes.length}) chưa quá một nửa`);
  }
  return gaps;
}

/** True when nothing of the candidate's own is missing: the decision may be taken. */
export const readyForRecognition = (c: Omit<RecognitionCase, 'decision'>) => readinessGaps(c).length === 0;

/** The gap of a decision typed without its level, number, date or issuer (code `decision_incomplete`). */
export const DECISION_INCOMPLETE = 'thiếu cấp công nhận, số quyết định, ngày quyết định hoặc cơ quan ban hành';

/** What is still missing before the candidate may be recognised, in Vietnamese; empty when nothing is. */
export function recognitionShortfalls(c: RecognitionCase): string[] {
  const missing = readinessGaps(c).map((g) => g.message);
  const d = c.decision;
  if (!d.decisionNo || !d.decisionDate || !d.issuer || !d.level) missing.push(DECISION_INCOMPLETE);
  return missing;
}

/** True when the committee may recognise the candidate now. */
export const mayBeRecognised = (c: RecognitionCase) => recognitionShortfalls(c).length === 0;
