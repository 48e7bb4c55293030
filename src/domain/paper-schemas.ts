/**
 * The documents officers sign (papers): their kinds, how DVK numbers them, the verification code
 * of a certificate, and the API's shapes.
 */
import { z } from 'zod';
import { isoDate } from './schemas.js';
import { longText, plainText, requiredText } from './text-input.js';

export const PAPER_KINDS = ['registration_form', 'minutes', 'decision', 'proposal', 'certificate', 'nominees'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const PAPER_LABELS: Record<PaperKind, string> = {
  registration_form: 'Phiếu đăng ký',
  minutes: 'Biên bản họp xét công nhận',
  decision: 'Quyết định công nhận kèm danh sách',
  proposal: 'Tờ trình đề nghị khen thưởng',
  certificate: 'Giấy chứng nhận',
  nominees: 'Danh sách lấy ý kiến Nhân dân',
};

/** Papers of a recognition round; the registration form belongs to a registration alone. */
export const ROUND_PAPERS: readonly PaperKind[] = ['minutes', 'decision', 'proposal', 'certificate', 'nominees'];

/** The symbol after the number, as the office registers it: "12-QĐ/BCĐ". */
export const NUMBER_SYMBOLS: Record<PaperKind, string> = {
  registration_form: 'PĐK',
  minutes: 'BB/BCĐ',
  decision: 'QĐ/BCĐ',
  proposal: 'TTr/BCĐ',
  certificate: 'GCN/BCĐ',
  nominees: 'TB/BCĐ',
};

/** The number DVK gives: the unit's next for the year and kind, with the kind's symbol. */
export const paperNumber = (kind: PaperKind, seq: number) => `${seq}-${NUMBER_SYMBOLS[kind]}`;
/**
 * The round's recorded decision, when its recognitions share one: its number and date. The decision
 * paper of such a round always carries them (never a number DVK takes, nor one typed), so the paper
 * and the records it recognises cite the same decision. Null when nothing is recognised with a
 * number yet, or when the recognitions cite different decisions.
 */
export function roundDecision(
  candidates: readonly { result: string | null; decisionNo: string | null; decisionDate: string | null }[],
): { number: string; date: string | null } | null {
  const decided = new Map<string, { number: string; date: string | null }>();
  for (const c of candidates)
    if (c.result === 'recognised' && c.decisionNo)
      decided.set(`${c.decisionNo}|${c.decisionDate ?? ''}`, { number: c.decisionNo, date: c.decisionDate || null });
  return decided.size === 1 ? [...decided.values()][0]! : null;
}
/** What is printed when the number is left to be filled by hand. */
export const blankNumber = (kind: PaperKind) => `Số        -${NUMBER_SYMBOLS[kind]}`;

// ---------- verification codes ----------
/**
 * Crockford's base-32 letters: no I, L, O or U, so a code read aloud or typed from paper is not
 * mistaken. A code is 20 of them: 100 random bits, printed in groups of five.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 20;

/** Random bytes (at least 13) as a code of 20 letters. */
export function codeFromBytes(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (out.length < CODE_LENGTH) throw new Error('not enough random bytes for a code');
  return out;
}

/** "ABCDE-FGHJK-MNPQR-STVWX": how the code is printed. */
export const formatCode = (code: string) => code.match(/.{1,5}/g)!.join('-');

/**
 * What a reader typed or scanned, as stored: capitals, without dashes or spaces, with the letters
 * people confuse read as the digits they look like. Anything else is no code (null).
 */
export function normaliseCode(typed: string): string | null {
  const s = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== CODE_LENGTH) return null;
  for (const c of s) if (!CODE_ALPHABET.includes(c)) return null;
  return s;
}

// ---------- API ----------
export const PaperKindSchema = z.enum(PAPER_KINDS);

export const SignerInput = z.object({
  capacity: longText(200).nullish(),
  title: longText(200).nullish(),
  name: plainText(120).nullish(),
});

export const CreatePaper = z
  .object({
    kind: PaperKindSchema,
    roundId: z.uuid().nullish(),
    registrationId: z.uuid().nullish(),
    /** DVK takes the unit's next number for the year and kind. */
    autoNumber: z.boolean().default(false),
    /** The number the officer writes; empty leaves the gap to be filled by hand. */
    number: plainText(60).nullish(),
    issuedOn: isoDate().nullish(),
    place: requiredText(120),
    parentBody: plainText(200).nullish(),
    issuingBody: plainText(200).nullish(),
    signer: SignerInput.default({}),
    recipients: longText(1000).nullish(),
    /** Minutes: who attended, one a line (the members who voted when empty), and the secretary. */
    attendees: longText(3000).nullish(),
    secretary: plainText(120).nullish(),
    /** Proposal: to whom it is sent ("Ban Thường vụ Tỉnh ủy"), and the commendation asked for. */
    sentTo: plainText(200).nullish(),
    commendationAsked: plainText(200).nullish(),
  })
  .refine((b) => (b.kind === 'registration_form' ? !!b.registrationId : !!b.roundId), {
    message: 'phiếu đăng ký cần hồ sơ (registrationId); các văn bản của đợt xét cần đợt xét (roundId)',
    path: ['roundId'],
  })
  .refine((b) => b.kind !== 'certificate' || !!b.registrationId, {
    message: 'giấy chứng nhận cần hồ sơ được công nhận (registrationId)',
    path: ['registrationId'],
  });
export type CreatePaper = z.infer<typeof CreatePaper>;

export const Paper = z.object({
  id: z.uuid(),
  kind: PaperKindSchema,
  kindLabel: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  roundId: z.uuid().nullable(),
  registrationId: z.uuid().nullable(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  place: z.string(),
  /** Certificates: the printed code and the public page it opens. */
  verification: z.object({ code: z.string(), url: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Paper = z.infer<typeof Paper>;
export const PaperList = z.object({ items: z.array(Paper) });
export const PaperFormat = z.object({ id: z.uuid(), format: z.enum(['docx', 'pdf']) });
