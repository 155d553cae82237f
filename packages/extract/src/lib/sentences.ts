/** A range of a block's text: `[start, end)`. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'sgt',
  'rev',
  'hon',
  'no',
  'vs',
  'etc',
  'inc',
  'corp',
  'co',
  'ltd',
  'jan',
  'feb',
  'aug',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'a.m',
  'p.m',
]);

const OPENING = /[“"‘'«([]/;

/**
 * The writer's sentences of a block: a full stop, question or exclamation mark (or an ellipsis)
 * ends one when white space and a capital, a digit or an opening quotation mark follow, except
 * after an abbreviation ("Mr.", "U.S.") and inside the `protect`ed ranges (quotations, whose own
 * sentences belong to the speaker).
 */
export function sentences(text: string, protect: readonly Range[] = []): Range[] {
  const out: Range[] = [];
  let start = 0;
  // A full stop just before a closing quotation mark ends the writer's sentence too.
  const inside = (at: number) => protect.some((r) => at > r.start && at < r.end - 2);
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (!/[.?!…]/.test(char) || inside(i)) continue;
    let end = i + 1;
    while (end < text.length && /[.?!…”"’')\]»]/.test(text[end] as string)) end++;
    const rest = text.slice(end);
    const gap = /^\s+/.exec(rest);
    if (!gap) continue;
    const next = rest[gap[0].length];
    if (next === undefined || !(/[\p{Lu}\d]/u.test(next) || OPENING.test(next))) continue;
    if (char === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(start, i))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    out.push(trimRange(text, start, end));
    start = end + gap[0].length;
    i = start - 1;
  }
  if (start < text.length) out.push(trimRange(text, start, text.length));
  return out.filter((r) => r.end > r.start);
}

/** The range without white space at either end. */
export function trimRange(text: string, start: number, end: number): Range {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}
