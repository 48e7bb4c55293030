/**
 * The record's history as Vietnamese sentences: who (with their unit), did what, when (Vietnam
 * time), and under its own label the reason, the remark or the decision that came with it. Pure:
 * the web renders what these functions return, the tests read them directly.
 */
import { TRANSITIONS, TRANSITION_NAMES, type TransitionName } from './workflow.js';

/** The transitions that need a written reason: a return, a refusal, a failed recognition, a stop. */
export const REASON_TRANSITIONS = TRANSITION_NAMES.filter((n) => TRANSITIONS[n].reasonRequired) as readonly TransitionName[];
export type ReasonTransition = 'return' | 'reject' | 'not_recognise' | 'discontinue';

/** A decision as it is cited: its number, its date (`YYYY-MM-DD`) and who issued it. */
export interface DecisionRef {
  number: string;
  date: string | null;
  issuer: string | null;
}

/** One row of the timeline, as the API gives it. */
export interface TimelineEventFacts {
  at: string;
  actorName: string;
  /** The unit the actor works in, when known. */
  actorUnit: string | null;
  transition: string;
  fromState: string | null;
  toState: string;
  reason: string | null;
  /** The recognition decision (a decided round, or one an import came with). */
  decision: DecisionRef | null;
  /** The commendation decision an imported record came with. */
  commendation: DecisionRef | null;
  /** The file an imported record came from. */
  fileName: string | null;
}

export interface TimelineLine {
  /** "Nguyễn Văn A (Xã An Phú) trả lại để chỉnh sửa lúc 10:20 25/11/2026". */
  sentence: string;
  /** What came with it, each under its own label ("Lý do", "Nhận xét", "Quyết định công nhận"). */
  details: { label: string; text: string }[];
  /** A return, a refusal, a failed recognition or a stop: shown in red. */
  refusal: boolean;
}

const VN_OFFSET_MS = 7 * 3600_000;

/** "hh:mm dd/mm/yyyy" in Vietnam's time (UTC+7 all year). */
export function vietnamTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const s = new Date(t.getTime() + VN_OFFSET_MS).toISOString();
  return `${s.slice(11, 13)}:${s.slice(14, 16)} ${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
}

/** "2026-11-20" → "20/11/2026". */
const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "số 125-QĐ/BCĐ ngày 20/11/2026 của Ban Chỉ đạo …". */
export function citeDecision(d: DecisionRef): string {
  return [`số ${d.number}`, d.date ? `ngày ${day(d.date)}` : null, d.issuer ? `của ${d.issuer}` : null].filter(Boolean).join(' ');
}

type Noun = 'mô hình' | 'điển hình';
const nounOf = (kind?: 'model' | 'exemplar'): Noun => (kind === 'exemplar' ? 'điển hình' : 'mô hình');

/** What the actor did, as the verb phrase of the sentence. */
function verb(e: Pick<TimelineEventFacts, 'transition' | 'fromState' | 'fileName'>, noun: Noun): string {
  switch (e.transition) {
    case 'create':
      return 'tạo bản đăng ký';
    case 'submit':
      return e.fromState === 'returned' ? 'gửi lại đăng ký sau khi chỉnh sửa' : 'gửi đăng ký';
    case 'withdraw':
      return 'rút lại đăng ký để chỉnh sửa';
    case 'return':
      return 'trả lại để chỉnh sửa';
    case 'accept':
      return 'chấp thuận đăng ký';
    case 'reject':
      return 'không chấp thuận đăng ký';
    case 'recognise':
      return `công nhận ${noun}`;
    case 'not_recognise':
      return `không công nhận ${noun}`;
    case 'complete':
      return `xác nhận ${noun} đã hoàn thành`;
    case 'discontinue':
      return `dừng thực hiện ${noun}`;
    case 'inspect':
      return `kiểm tra, đánh giá ${noun}`;
    case 'assign_supporter':
      return 'phân công cán bộ hỗ trợ';
    case 'import':
      return e.fileName ? `nhập hồ sơ từ tệp “${e.fileName}”` : 'nhập hồ sơ từ tệp';
    default:
      return 'cập nhật hồ sơ';
  }
}

/** "Nguyễn Văn A (Xã An Phú) <verb> lúc 10:20 25/11/2026". */
function sentenceOf(actorName: string, actorUnit: string | null, what: string, at: string): string {
  return `${actorName}${actorUnit ? ` (${actorUnit})` : ''} ${what} lúc ${vietnamTime(at)}`;
}

const isReasonTransition = (t: string): t is ReasonTransition => (REASON_TRANSITIONS as readonly string[]).includes(t);

/** One timeline row as a sentence and its labelled details. `kind` names the record ("mô hình" or "điển hình"). */
export function describeEvent(e: TimelineEventFacts, kind?: 'model' | 'exemplar'): TimelineLine {
  const noun = nounOf(kind);
  const details: TimelineLine['details'] = [];
  const reason = e.reason?.trim() || null;
  if (e.transition === 'recognise') {
    if (e.decision) details.push({ label: 'Quyết định công nhận', text: citeDecision(e.decision) });
    // Rows written before the decision was kept beside them carry "Quyết định số …" as their reason.
    else if (reason) details.push({ label: 'Quyết định công nhận', text: reason.replace(/^quyết định\s+/i, '') });
  } else if (e.transition === 'import') {
    if (e.decision) details.push({ label: 'Quyết định công nhận', text: citeDecision(e.decision) });
    if (e.commendation) details.push({ label: 'Quyết định khen thưởng', text: citeDecision(e.commendation) });
    if (!e.fileName && !e.decision && !e.commendation && reason) details.push({ label: 'Ghi chú', text: reason });
  } else if (reason) {
    const label = isReasonTransition(e.transition) ? 'Lý do' : e.transition === 'inspect' ? 'Nhận xét' : 'Ghi chú';
    details.push({ label, text: reason });
  }
  return {
    sentence: sentenceOf(e.actorName, e.actorUnit, verb(e, noun), e.at),
    details,
    refusal: isReasonTransition(e.transition),
  };
}

/** The latest reason a record carries, as the API gives it with the record and in lists. */
export interface LastReasonFacts {
  kind: ReasonTransition;
  text: string;
  at: string;
  by: string;
  byUnit: string | null;
}

/** The banner's words for the latest reason: a title, who gave it and when, and the reason's label. */
export function describeLastReason(r: LastReasonFacts, kind?: 'model' | 'exemplar'): { title: string; sentence: string; label: string } {
  const noun = nounOf(kind);
  const Noun = noun === 'mô hình' ? 'Mô hình' : 'Điển hình';
  const words: Record<ReasonTransition, { title: string; label: string }> = {
    return: { title: 'Hồ sơ bị trả lại để chỉnh sửa', label: 'Lý do trả lại' },
    reject: { title: 'Đăng ký không được chấp thuận', label: 'Lý do không chấp thuận' },
    not_recognise: { title: `${Noun} không được công nhận`, label: 'Lý do không công nhận' },
    discontinue: { title: `${Noun} đã dừng thực hiện`, label: 'Lý do dừng thực hiện' },
  };
  return {
    ...words[r.kind],
    sentence: sentenceOf(r.by, r.byUnit, verb({ transition: r.kind, fromState: null, fileName: null }, noun), r.at),
  };
}
