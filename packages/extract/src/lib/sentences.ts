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
  const inside = insideRanges(text.length, protect);
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (!/[.?!…]/.test(char) || inside(i)) continue;
    let end = i + 1;
    while (end < text.length && /[.?!…”"’')\]»]/.test(text[end] as string)) end++;
    const rest = text.slice(end);
    const gap = /^\s+/.exec(rest);
    const next = gap ? rest[gap[0].length] : undefined;
    if (!gap || next === undefined || !(/[\p{Lu}\d]/u.test(next) || OPENING.test(next))) {
      // Every mark up to `end` reaches the same `end` and fails the same way: go on after them.
      i = end - 1;
      continue;
    }
    if (char === '.') {
      const word = wordBefore(text, start, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    out.push(trimRange(text, start, end));
    start = end + gap[0].length;
    i = start - 1;
  }
  if (start < text.length) out.push(trimRange(text, start, text.length));
  return out.filter((r) => r.end > r.start);
}

/** The longest abbreviation, in characters ("prof", "sept", "u.s"). */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/**
 * The letters and full stops just before `at` (not before `start`), read back no further than an
 * abbreviation can reach: a longer run is neither an abbreviation nor a single letter, and reading
 * all of it again at each full stop would make "U.S.U.S.U.S.…" quadratic.
 */
function wordBefore(text: string, start: number, at: number): string {
  let from = at;
  while (
    from > start &&
    at - from <= LONGEST_ABBREVIATION &&
    /[\p{L}.]/u.test(text[from - 1] as string)
  )
    from--;
  return at - from > LONGEST_ABBREVIATION ? '' : text.slice(from, at);
}

/**
 * Whether an offset lies inside one of the ranges (after its start, before its last two
 * characters), answered in constant time: a running count over the text, built once, instead of
 * a walk over every range at every full stop.
 */
function insideRanges(length: number, ranges: readonly Range[]): (at: number) => boolean {
  if (ranges.length === 0) return () => false;
  const depth = new Int32Array(length + 2);
  for (const r of ranges) {
    const from = Math.max(r.start + 1, 0);
    const to = Math.min(r.end - 2, length + 1);
    if (from >= to) continue;
    depth[from] = (depth[from] ?? 0) + 1;
    depth[to] = (depth[to] ?? 0) - 1;
  }
  for (let i = 1; i < depth.length; i++) depth[i] = (depth[i] ?? 0) + (depth[i - 1] ?? 0);
  return (at) => (depth[at] ?? 0) > 0;
}

/** The range without white space at either end. */
export function trimRange(text: string, start: number, end: number): Range {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}
