/**
 * A small subset of the Unicode Bidirectional Algorithm (UAX #9) for lines of a brief: no explicit
 * embeddings or isolates, one paragraph level, and weak types folded into strong, number and
 * neutral classes. It is enough to set Arabic and Hebrew names and quotes inside English text (and
 * English inside an Arabic paragraph) in the right visual order, which pdfkit does not do itself.
 */

/** The bidi class of a character, folded to what the reduced algorithm needs. */
export type BidiClass = 'L' | 'R' | 'EN' | 'AN' | 'NSM' | 'N';

// Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic
// supplements and presentation forms, and the RTL planes of the SMP (UAX #9, table 4 defaults).
const RTL =
  /[\u0590-\u08FF\u200F\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const ARABIC_DIGIT = /[\u0660-\u0669\u066B\u066C\u06F0-\u06F9]/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;
const LETTER = /[\p{L}\p{Nl}\u200E]/u;

/** The folded bidi class of one code point (as a string). */
export function bidiClass(char: string): BidiClass {
  if (ARABIC_DIGIT.test(char)) return 'AN';
  if (MARK.test(char)) return 'NSM';
  if (RTL.test(char)) return DIGIT.test(char) ? 'AN' : 'R';
  if (DIGIT.test(char)) return 'EN';
  if (LETTER.test(char)) return 'L';
  return 'N';
}

/** The direction of the first strong letter (rules P2/P3): 0 left-to-right, 1 right-to-left. */
export function firstStrong(text: string): 0 | 1 | undefined {
  for (const char of text) {
    const cls = bidiClass(char);
    if (cls === 'L') return 0;
    if (cls === 'R') return 1;
  }
  return undefined;
}

/** Whether the text holds a right-to-left letter (Hebrew, Arabic, …). */
export function hasRtl(text: string): boolean {
  // Most text has no character of a right-to-left script at all: one scan of the whole string
  // answers for it.
  if (!RTL.test(text)) return false;
  for (const char of text) if (bidiClass(char) === 'R') return true;
  return false;
}

/**
 * The embedding level of each UTF-16 unit of `text` (both halves of a surrogate pair get the
 * same), for a paragraph of level `base` (0 left-to-right, 1 right-to-left). Follows rules W1
 * (marks take the class of what they follow), W2/W7 (a number takes the direction of the strong
 * letter before it), N1/N2 (neutrals between two like directions take it, others the paragraph's)
 * and I1/I2 (UAX #9 §3.3).
 */
export function bidiLevels(text: string, base: 0 | 1): Uint8Array {
  const units = text.length;
  // Without a right-to-left letter or an Arabic digit, a left-to-right paragraph resolves to level
  // 0 throughout (numbers follow the L before them or sos, W7; neutrals sit between Ls, N1).
  if (base === 0 && !RTL.test(text) && !ARABIC_DIGIT.test(text)) return new Uint8Array(units);
  const classes: BidiClass[] = new Array(units);
  let previous: BidiClass = 'N';
  for (let i = 0; i < units; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    let cls = bidiClass(String.fromCodePoint(cp));
    if (cls === 'NSM') cls = previous; // W1
    for (let k = 0; k < width; k++) classes[i + k] = cls;
    previous = cls;
    i += width;
  }
  // W2/W7: a European number after a right-to-left letter reads right-to-left around it; after a
  // left-to-right letter (or at the start of a left-to-right paragraph) it is simply left-to-right.
  let strong: 'L' | 'R' = base === 0 ? 'L' : 'R';
  const direction: ('L' | 'R' | 'EN' | 'AN' | 'N')[] = new Array(units);
  for (let i = 0; i < units; i++) {
    const cls = classes[i] as BidiClass;
    if (cls === 'L' || cls === 'R') strong = cls;
    direction[i] = cls === 'EN' && strong === 'L' ? 'L' : cls === 'NSM' ? 'N' : cls;
  }
  const levels = new Uint8Array(units);
  const levelOf = (dir: 'L' | 'R' | 'EN' | 'AN'): number => {
    if (dir === 'R') return 1;
    if (dir === 'L') return base === 0 ? 0 : 2;
    return 2; // numbers: I1 (even level + 2) and I2 (odd level + 1) both give 2
  };
  // N1: numbers count as right-to-left for the neutrals around them.
  const asStrong = (dir: 'L' | 'R' | 'EN' | 'AN'): 'L' | 'R' => (dir === 'L' ? 'L' : 'R');
  const sos: 'L' | 'R' = base === 0 ? 'L' : 'R';
  let i = 0;
  while (i < units) {
    const dir = direction[i] as 'L' | 'R' | 'EN' | 'AN' | 'N';
    if (dir !== 'N') {
      levels[i] = levelOf(dir);
      i++;
      continue;
    }
    let end = i;
    while (end < units && direction[end] === 'N') end++;
    const before = i === 0 ? sos : asStrong(direction[i - 1] as 'L' | 'R' | 'EN' | 'AN');
    const after = end === units ? sos : asStrong(direction[end] as 'L' | 'R' | 'EN' | 'AN');
    const level = before === after ? levelOf(before) : base;
    for (let k = i; k < end; k++) levels[k] = level;
    i = end;
  }
  return levels;
}

/**
 * The visual order of items with embedding levels (rule L2 of UAX #9 §3.4): from the highest level
 * down to the lowest odd level, every run at that level or higher is reversed. Returns the items
 * in left-to-right drawing order; the items themselves are not changed.
 */
export function visualOrder<T extends { readonly level: number }>(items: readonly T[]): T[] {
  const out = [...items];
  if (out.length === 0) return out;
  let highest = 0;
  let lowestOdd = Number.POSITIVE_INFINITY;
  for (const item of out) {
    highest = Math.max(highest, item.level);
    if (item.level % 2 === 1) lowestOdd = Math.min(lowestOdd, item.level);
  }
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < out.length) {
      if ((out[i] as T).level < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < out.length && (out[end] as T).level >= level) end++;
      const run = out.slice(i, end).reverse();
      out.splice(i, run.length, ...run);
      i = end;
    }
  }
  return out;
}

// Bidi_Mirroring_Glyph pairs that occur in running text (UAX #9 rule L4, BidiMirroring.txt).
const MIRRORS = new Map<string, string>([
  ['(', ')'],
  [')', '('],
  ['[', ']'],
  [']', '['],
  ['{', '}'],
  ['}', '{'],
  ['<', '>'],
  ['>', '<'],
  ['«', '»'],
  ['»', '«'],
  ['‹', '›'],
  ['›', '‹'],
  ['⁅', '⁆'],
  ['⁆', '⁅'],
  ['〈', '〉'],
  ['〉', '〈'],
]);

/** The text with each mirrored character swapped for its mirror image (for right-to-left runs). */
export function mirror(text: string): string {
  let out = '';
  for (const char of text) out += MIRRORS.get(char) ?? char;
  return out;
}
