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

/** What is still missing before the candidate may be recognised, in Vietnamese; empty when nothing is. */
export function recognitionShortfalls(c: RecognitionCase): string[] {
  const missing: string[] = [];
  if (c.marks.some((m) => !m)) missing.push('chưa đánh giá đủ các tiêu chí');
  if (c.marks.some((m) => m === 'not_met')) missing.push('có tiêu chí không đạt');
  if (!c.acknowledged) missing.push('tập thể nơi mô hình, điển hình hoạt động chưa xác nhận');
  const yes = c.votes.filter((v) => v === 'for').length;
  if (c.votes.length < RECOGNITION_MIN_VOTES) {
    missing.push(`mới có ${c.votes.length} phiếu biểu quyết, cần ít nhất ${RECOGNITION_MIN_VOTES} thành viên biểu quyết`);
  } else if (yes * 2 <= c.votes.length) {
    missing.push(`số phiếu tán thành (${yes}/${c.votes.length}) chưa quá một nửa`);
  }
  const d = c.decision;
  if (!d.decisionNo || !d.decisionDate || !d.issuer || !d.level)
    missing.push('thiếu cấp công nhận, số quyết định, ngày quyết định hoặc cơ quan ban hành');
  return missing;
}

/** True when the committee may recognise the candidate now. */
export const mayBeRecognised = (c: RecognitionCase) => recognitionShortfalls(c).length === 0;
