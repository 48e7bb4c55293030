/**
 * Vietnamese text typed in the 8-bit fonts of the 1990s and 2000s: TCVN3 (ABC, fonts `.VnTime`,
 * `.VnArial`, capitals in `.VnTimeH`) and VNI (fonts `VNI-Times`, …). Excel stores such text as the
 * font's Latin-1 code points, so a cell reads "V¨n hãa" (TCVN3) or "Vaên hoùa" (VNI) instead of
 * "Văn hóa". Pure functions, no I/O: the importer calls `toUnicodeText` on every text cell.
 *
 * Detection: the text is read as Unicode, as TCVN3 and as VNI, and the reading with the most
 * well-formed Vietnamese syllables wins (a tie keeps the text as it is). A font name, when the cell
 * has one, decides at once. TCVN3 is decoded by the `vietnamese-conversion` table; VNI by the table
 * below, since that package misreads the horned vowels with a tone (VNI "öõ" is "ữ").
 */
import { toUnicode } from 'vietnamese-conversion';

export type LegacyCharset = 'tcvn3' | 'vni';

export const LEGACY_CHARSET_LABELS: Record<LegacyCharset, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

// Combining marks: circumflex, breve, horn, acute, grave, hook, tilde, dot below.
const CIRC = '\u0302';
const BREVE = '\u0306';
const TONES: Record<string, string> = { ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323' };
/** After a, e, o: the circumflex with a tone in one code point ("aá" = "ấ"). */
const CIRC_TONES: Record<string, string> = { á: '\u0301', à: '\u0300', å: '\u0309', ã: '\u0303', ä: '\u0323' };
/** After a: the breve with a tone ("aé" = "ắ"). */
const BREVE_TONES: Record<string, string> = { é: '\u0301', è: '\u0300', ú: '\u0309', ü: '\u0303', ë: '\u0323' };
/** Letters VNI writes as one code point. */
const VNI_SINGLE: Record<string, string> = {
  ô: 'ơ',
  ö: 'ư',
  ñ: 'đ',
  í: 'í',
  ì: 'ì',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  î: 'ỵ',
};
const VOWELS = 'aeiouyăâêôơư';

function lowerFirst(c: string): { lower: string; upper: boolean } {
  const lower = c.toLowerCase();
  return { lower, upper: lower !== c };
}

/** Decodes VNI (Windows) text to Unicode (NFC). */
export function vniToUnicode(text: string): string {
  const out: string[] = [];
  for (const ch of text) {
    const { lower, upper } = lowerFirst(ch);
    const prev = out.length ? out[out.length - 1]! : '';
    const prevBase = prev.normalize('NFD')[0]?.toLowerCase() ?? '';
    const prevBare = prev.normalize('NFD').slice(1);
    const prevIsVowel = prevBase !== '' && VOWELS.includes(prevBase) && !/[\u0300\u0301\u0303\u0309\u0323]/.test(prevBare);
    let marks: string | null = null;
    if (prevIsVowel) {
      if (lower === 'â' && 'aeo'.includes(prevBase) && !prevBare) marks = CIRC;
      else if (lower === 'ê' && prevBase === 'a' && !prevBare) marks = BREVE;
      else if (CIRC_TONES[lower] && 'aeo'.includes(prevBase) && !prevBare) marks = CIRC + CIRC_TONES[lower];
      else if (BREVE_TONES[lower] && prevBase === 'a' && !prevBare) marks = BREVE + BREVE_TONES[lower];
      else if (TONES[lower]) marks = TONES[lower];
    }
    if (marks) {
      out[out.length - 1] = (prev + marks).normalize('NFC');
      continue;
    }
    const single = VNI_SINGLE[lower];
    out.push(single ? (upper ? single.toUpperCase() : single) : ch);
  }
  return out.join('').normalize('NFC');
}

/** Decodes TCVN3 (ABC) text to Unicode; `capitals` for the `.Vn…H` fonts, whose glyphs are capitals. */
export function tcvn3ToUnicode(text: string, capitals = false): string {
  const u = toUnicode(text, 'tcvn3').normalize('NFC');
  return capitals ? u.toUpperCase() : u;
}

// ---- how Vietnamese a text looks -------------------------------------------------------------

const INITIALS = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?/;
const FINALS = /(ch|ng|nh|[cmnpt])?$/;
const NUCLEI = new Set(
  (
    'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ưa ưi ươ ưu uy ' +
    'yê iêu oai oay oeo uây uôi ươi ươu uya uyê uyu yêu ươ uê'
  ).split(' '),
);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** True for a well-formed Vietnamese syllable with non-ASCII letters (one tone at most, proper case). */
function isVietnameseSyllable(word: string): boolean {
  const nfd = word.normalize('NFD');
  if ((nfd.match(TONE_MARKS) ?? []).length > 1) return false;
  const rest = word.slice(1);
  if (rest !== rest.toLowerCase() && word !== word.toUpperCase()) return false;
  const bare = nfd.replace(TONE_MARKS, '').normalize('NFC').toLowerCase();
  if (!/^[a-zăâêôơưđ]+$/.test(bare)) return false;
  const initial = INITIALS.exec(bare)![0];
  let body = bare.slice(initial.length);
  // "gi" and "qu" lend their vowel when nothing else follows ("gì", "quá").
  if (!body && (initial === 'gi' || initial === 'qu')) return true;
  const final = FINALS.exec(body)![0];
  body = body.slice(0, body.length - final.length);
  if (!NUCLEI.has(body)) return false;
  // "-nh" and "-ch" follow only a, ê, i, y ("anh", "ếch", "tỉnh", "huynh"); "-ng" and "-c" never do.
  const front = /(a|ê|i|y)$/.test(body) && !/(ia|ua|ưa)$/.test(body);
  if ((final === 'nh' || final === 'ch') && !front) return false;
  if ((final === 'ng' || final === 'c') && /(i|ê|y|ơ)$/.test(body)) return false;
  // A syllable closed by p, t, c, ch takes only the acute or the dot below.
  if (/^(p|t|c|ch)$/.test(final) && /[\u0300\u0303\u0309]/.test(nfd)) return false;
  return true;
}

/** How many words of the text are well-formed Vietnamese syllables with marks, minus the malformed. */
export function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.split(/[\s,.;:!?()"'“”‘’\-–/\\[\]0-9]+/)) {
    if (!word || /^[A-Za-z]+$/.test(word)) continue;
    score += isVietnameseSyllable(word) ? 1 : -1;
  }
  return score;
}

const FONT_CHARSET: [RegExp, LegacyCharset][] = [
  [/^\.vn/i, 'tcvn3'],
  [/^vni[-\s]/i, 'vni'],
];

/** The legacy charset a font name implies (".VnTime" → TCVN3, "VNI-Times" → VNI), if any. */
export function charsetOfFont(font: string | undefined | null): LegacyCharset | null {
  if (!font) return null;
  for (const [re, cs] of FONT_CHARSET) if (re.test(font.trim())) return cs;
  return null;
}

export interface UnicodeReading {
  text: string;
  /** The charset the text was converted from; null when it already was Unicode. */
  from: LegacyCharset | null;
}

/**
 * The Unicode reading of a cell's text: converted from TCVN3 or VNI when the font says so or when
 * the converted text reads as better Vietnamese than the text as it is.
 */
export function toUnicodeText(text: string, font?: string | null): UnicodeReading {
  // Plain ASCII reads the same in every charset.
  if (/^[\x20-\x7e\t\r\n]*$/.test(text)) return { text, from: null };
  const byFont = charsetOfFont(font);
  if (byFont === 'tcvn3') return { text: tcvn3ToUnicode(text, /h$/i.test(font!.trim())), from: 'tcvn3' };
  if (byFont === 'vni') return { text: vniToUnicode(text), from: 'vni' };
  const asIs = text.normalize('NFC');
  // Legacy text is made of Latin-1 code points; a Vietnamese letter beyond them (ă, đ, ơ, ư, ạ…) means Unicode.
  if (/[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]/.test(asIs)) return { text: asIs, from: null };
  const readings: [LegacyCharset | null, string][] = [
    [null, asIs],
    ['tcvn3', tcvn3ToUnicode(text)],
    ['vni', vniToUnicode(text)],
  ];
  // Ties between short readings go to the charset whose marks the text shows: VNI writes a mark as
  // a letter right after its vowel ("teá"), TCVN3 uses the Latin-1 symbols (¸ µ ¶ · ¨ …).
  const hint = (cs: LegacyCharset | null) =>
    cs === 'vni' && /[aeouy][âêáàåãäéèúüëùøûõï]/i.test(text) ? 0.5 : cs === 'tcvn3' && /[\u00a1-\u00bf]/.test(text) ? 0.5 : 0;
  let best = readings[0]!;
  let bestScore = vietnameseScore(best[1]);
  for (const r of readings.slice(1)) {
    const s = vietnameseScore(r[1]) + hint(r[0]);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return { text: best[1], from: best[0] };
}
