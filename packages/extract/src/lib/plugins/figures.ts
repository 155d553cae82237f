/**
 * Figures: numbers in digits ("560", "1,200", "2.5", "$2.4 million", "45%") and in words ("two",
 * "forty-five", "two dozen"), ranges ("40 to 45 percent", "between 300 and 400 workers"), their
 * hedge ("at least", "about", "nearly", …) and unit (the noun that follows, "percent" for "%",
 * "USD" for "$", "people" after "killed"). Years, days of the month, clock times, ordinals and
 * numbers inside names ("ISIS 2.0", "Boeing 737") are not figures.
 */
import { type Figure, numbersInText, type Qualifier } from '@storykit/core';
import type { DraftBlock } from '../types.js';

/** Number words a figure may be written in; core's `numbersInText` gives their values. */
const WORD_UNITS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
]);
const NUMBER_WORD = `(?:${[...WORD_UNITS].join('|')})`;
const WORDS = `${NUMBER_WORD}(?:[\\s-]+(?:${NUMBER_WORD}|hundred|thousand|million|billion|and|dozen))*`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE_WORD = String.raw`(?:\s+(?:thousand|million|billion|trillion))?`;
const CURRENCY = String.raw`[$€£]`;
/** "a decade", "an hour": one, but only a figure with a hedge ("less than a decade"). */
const ONE = String.raw`an?(?=\s+(?:decade|year|month|week|day|century|hour|mile|kilometer|kilometre|third|quarter|half)\b)`;
const NUMBER = String.raw`(?:${CURRENCY})?(?:${DIGITS})${SCALE_WORD}|(?:a\s+|${NUMBER_WORD}\s+)?dozen|${WORDS}|${ONE}`;

const QUALIFIERS: readonly [RegExp, Qualifier][] = [
  [/\b(?:at least|no fewer than|no less than)\s+$/i, 'at least'],
  [/\b(?:more than|over|upwards of)\s+$/i, 'more than'],
  [/\b(?:less than|fewer than|under)\s+$/i, 'less than'],
  [/\b(?:up to)\s+$/i, 'up to'],
  [/\b(?:at most|no more than)\s+$/i, 'at most'],
  [/\b(?:nearly|almost)\s+$/i, 'nearly'],
  [/\b(?:about|around|approximately|roughly|some|an estimated)\s+$/i, 'about'],
];

const MONTHS =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+$/;
const CASUALTY =
  /\b(?:killed|killing|dead|died|injured|injuring|wounded|wounding|hurt|arrested|evacuated|displaced|missing)\b[^.;]{0,20}$/i;
const CASUALTY_AFTER =
  /^\s*(?:people\s+)?(?:were|was|are|have been|had been|got)\s+(killed|injured|wounded|hurt|arrested|evacuated|displaced|missing|dead|rescued)\b/i;
/** Adjectives that may stand between a number and its noun ("560 more troops"). */
const BETWEEN = new Set([
  'more',
  'additional',
  'new',
  'other',
  'extra',
  'fewer',
  'further',
  'full',
  'extra',
]);
/** Nouns that are not units, so a number before them is not a figure on its own. */
const NOT_UNITS = new Set([
  'of',
  'to',
  'and',
  'or',
  'in',
  'on',
  'at',
  'the',
  'a',
  'an',
  'is',
  'was',
  'were',
  'are',
  'has',
  'have',
  'had',
  'who',
  'that',
  'which',
  'from',
  'for',
  'by',
  'with',
  'as',
]);

const WORD_RE = /[\p{L}’'-]+|\d[\d,.]*/gu;

/**
 * The first `count` words of `text` from `from` on, found one by one: a rule that reads a few
 * words after a number must not walk to the end of the paragraph for each number.
 */
function wordsAfter(text: string, from: number, count: number): { word: string; at: number }[] {
  const words: { word: string; at: number }[] = [];
  WORD_RE.lastIndex = from;
  for (let match = WORD_RE.exec(text); match; match = WORD_RE.exec(text)) {
    words.push({ word: match[0], at: match.index - from });
    if (words.length === count) break;
  }
  return words;
}

/**
 * The unit after a number: the first plural noun among the next few lower-case words ("560 more
 * troops", "25 high-water rescue vehicles", "four of the city’s nine library branches"), else the
 * next word when it is a noun ("3 feet", "a decade"); "38 developed symptoms" counts people.
 * `from` is where the number ends in `text`; the offsets returned count from there.
 */
function unitAfter(
  text: string,
  from: number,
): { unit: string; end: number; measure?: string } | undefined {
  if (!/\s/.test(text[from] ?? '')) return undefined;
  const words = wordsAfter(text, from, 6);
  if (words.length === 0) return undefined;
  // Only white space and words between the number and its unit: no punctuation.
  const reach = (i: number) =>
    /^[\s\p{L}\d’'.,-]*$/u.test(text.slice(from, from + (words[i]?.at ?? 0)));
  let i = 0;
  if (words[0]?.word === 'of') {
    i = 1;
    while (
      i < words.length &&
      /^(?:the|its|their|his|her|our|this|these|those)$/.test(words[i]?.word ?? '')
    )
      i++;
  }
  const candidates: { word: string; at: number }[] = [];
  for (let j = i; j < Math.min(words.length, i + 4); j++) {
    const w = words[j]?.word as string;
    if (!/^[\p{Ll}\d]/u.test(w) || NOT_UNITS.has(w) || !reach(j)) break;
    if (/[’']s$/.test(w) || /^\d/.test(w) || WORD_UNITS.has(w)) continue;
    candidates.push({ word: w, at: (words[j]?.at ?? 0) + w.length });
  }
  const first = candidates[0];
  if (!first) return undefined;
  if (/ed$/.test(first.word) && !BETWEEN.has(first.word)) {
    // "38 developed …": a count of people doing something, not a unit.
    return candidates.length === 1 || !/s$/.test(candidates[1]?.word ?? '')
      ? { unit: 'people', end: 0, measure: first.word }
      : { unit: candidates[1]?.word as string, end: candidates[1]?.at as number };
  }
  const plural = candidates.find((c) => /[^s]s$/.test(c.word) && !BETWEEN.has(c.word));
  const chosen = plural ?? candidates.find((c) => !BETWEEN.has(c.word));
  return chosen ? { unit: chosen.word, end: chosen.at } : undefined;
}

/**
 * The value of a number as written: "1,200" → 1200, "$2.4 million" → 2400000, "two dozen" → 24.
 * Core's `numbersInText` reads a scaled number both ways ("1.2 million": 1.2 and 1200000); the
 * number as a whole is the largest reading.
 */
export function parseNumber(written: string): number | undefined {
  const values = numbersInText(written);
  return values.length === 0 ? undefined : Math.max(...values);
}

interface Found {
  readonly start: number;
  readonly end: number;
  readonly value: number | { low: number; high: number };
  readonly qualifier?: Qualifier;
  readonly unit: string;
  readonly measure: string;
  readonly confidence: number;
}

const FIGURE = new RegExp(
  String.raw`(?<between>between\s+)?(?<first>${NUMBER})(?<percent1>\s*(?:%|percent|per cent))?(?:\s*(?:to|-|–|and)\s*(?<second>${NUMBER}))?(?<percent>\s*(?:%|percent|per cent))?`,
  'giu',
);

/**
 * How far the rules before a number read back, in characters: the longest of them ("no fewer
 * than ", "wounding" and 20 more characters, a month and its full stop, the word before the
 * number) needs well under this in a block's text, whose white space is single spaces. A fixed
 * reach keeps the work per number constant, whatever the length of the paragraph.
 */
const BEHIND = 96;

/** The figures of one block of text. */
export function figuresIn(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const groups = match.groups as Record<string, string | undefined>;
    const first = groups.first as string;
    const start = match.index + (groups.between?.length ?? 0);
    // Word numbers must stand alone: "someone" holds no "one".
    if (
      /[\p{L}\d]/u.test(text[match.index - 1] ?? '') ||
      /[\p{L}]/u.test(text[match.index + match[0].length] ?? '')
    )
      continue;
    // The text just before the number (one character more than the reach, so that `\b` at the
    // window's edge reads the real neighbour), and the rest of the block after it: the rules on
    // `after` are anchored at its start and read a few words at most.
    const from = Math.max(0, start - BEHIND - 1);
    const before = text.slice(from, start);
    const end = match.index + match[0].trimEnd().length;
    const after = text.slice(end);
    const second = groups.second;
    // "and" makes a range only after "between"; "to" and dashes always do.
    const isRange =
      second !== undefined &&
      (groups.between !== undefined ||
        !/^\s*and/.test(match[0].slice(first.length + (groups.percent1?.length ?? 0))));
    if (second !== undefined && !isRange) continue;
    const low = parseNumber(first);
    const high = second ? parseNumber(second) : undefined;
    if (low === undefined) continue;
    const digitsOnly = /^\d+$/.test(first);
    // Years, days of the month, times, ordinals, numbers in names.
    if (
      digitsOnly &&
      !second &&
      Number(first) >= 1800 &&
      Number(first) <= 2199 &&
      first.length === 4
    )
      continue;
    if (
      MONTHS.test(before) ||
      /^(?:st|nd|rd|th)\b/.test(after) ||
      /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|:\d)/i.test(after)
    )
      continue;
    if (/^[.,]?\d/.test(after) || /^\/\d/.test(after)) continue;
    const previous = /([\p{L}\d’'.-]+)\s*$/u.exec(before);
    // A "word" that runs past the reach ("1-2-3-…") is no name.
    const previousWord = previous && (previous.index > 0 || from === 0) ? (previous[1] ?? '') : '';
    if (
      /^[\p{Lu}]/u.test(previousWord) &&
      !/^(At|About|Around|Nearly|Almost|More|Less|Some|Up|Over|Between|Only|Just)$/.test(
        previousWord,
      ) &&
      !/[.!?]\s*$/.test(before.slice(0, -previousWord.length - 1 || undefined))
    )
      continue;
    if (
      /^(?:No\.|Route|Article|Section|Chapter|Room|Flight|Highway|Interstate|Gate|Terminal|Pier|Dock|Berth)$/i.test(
        previousWord,
      )
    )
      continue;
    const percent = groups.percent ?? groups.percent1;
    const currency = /^[$€£]/.exec(first)?.[0];
    let unit: string | undefined;
    let measure: string | undefined;
    let unitEnd = end;
    if (percent) unit = 'percent';
    else if (currency) unit = { $: 'USD', '€': 'EUR', '£': 'GBP' }[currency];
    else if (/^-[\p{Ll}]+/u.test(after)) {
      // "a 1.5-mile stretch": the unit is joined to the number.
      const joined = /^-([\p{Ll}]+)/u.exec(after)?.[1] as string;
      unit = joined;
      unitEnd = end + joined.length + 1;
    } else if (/\b(?:aged?|ages)\s+(?:between\s+)?$/i.test(before)) {
      unit = 'years of age';
    } else {
      const found = unitAfter(text, end);
      if (found) {
        unit = found.unit;
        unitEnd = end + found.end;
        measure = found.measure;
      } else if (CASUALTY_AFTER.test(after)) {
        unit = 'people';
        measure = CASUALTY_AFTER.exec(after)?.[1];
      } else if (CASUALTY.test(before)) {
        unit = 'people';
        measure =
          /\b(killed|dead|died|injured|wounded|hurt|arrested|evacuated|displaced|missing)\b/i.exec(
            before.slice(-40),
          )?.[1];
      }
    }
    if (!unit) continue;
    // "one" and "a" alone are rarely figures: keep them only with a hedge ("less than a decade").
    const qualifier = QUALIFIERS.find(([pattern]) => pattern.test(before))?.[1];
    if (low === 1 && !high && !digitsOnly && !qualifier) continue;
    const qualifierAt = qualifier
      ? before.search(new RegExp(`${qualifierText(before)}\\s*$`, 'i'))
      : -1;
    const qualifierStart = qualifierAt >= 0 ? from + qualifierAt : qualifierAt;
    const spanStart = qualifier && qualifierStart >= 0 ? qualifierStart : start;
    found.push({
      start: spanStart,
      end: Math.max(end, unitEnd),
      value: high === undefined ? low : { low: Math.min(low, high), high: Math.max(low, high) },
      ...(qualifier ? { qualifier } : {}),
      unit,
      measure: measure ?? unit,
      confidence: digitsOnly || currency || percent ? 0.8 : 0.65,
    });
  }
  return found;
}

function qualifierText(before: string): string {
  const match =
    /(at least|no fewer than|no less than|more than|over|upwards of|less than|fewer than|under|up to|at most|no more than|nearly|almost|about|around|approximately|roughly|some|an estimated)\s+$/i.exec(
      before,
    );
  return match ? (match[1] as string).replace(/\s+/g, '\\s+') : '$^';
}

/** How far back from a number the subject's words are read, in characters. */
const SUBJECT_REACH = 240;

/** The last of the ascending `values` that is at most `limit`, by binary search. */
function lastAtOrBefore(values: readonly number[], limit: number): number | undefined {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) <= limit) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? values[low - 1] : undefined;
}

/** Every figure of the body, with ids f1, f2, … in reading order. */
export function findFigures(blocks: readonly DraftBlock[]): Figure[] {
  const figures: Figure[] = [];
  for (const block of blocks) {
    // Where the block's sentences start (after ". "), found once: looking back from every figure
    // would read the whole sentence again for each number in it.
    const stops: number[] = [];
    for (let at = block.text.indexOf('. '); at >= 0; at = block.text.indexOf('. ', at + 1))
      stops.push(at + 2);
    for (const f of figuresIn(block.text)) {
      const sentenceStart = lastAtOrBefore(stops, f.start + 2) ?? 0;
      // The subject is the last six words before the number; they lie in its last few hundred
      // characters (a longer stretch without spaces holds no words worth naming).
      const windowStart = Math.max(sentenceStart, f.start - SUBJECT_REACH);
      const words = block.text.slice(windowStart, f.start).trim().split(/\s+/);
      if (windowStart > sentenceStart) words.shift();
      const subject = words.slice(-6).join(' ');
      figures.push({
        id: `f${figures.length + 1}`,
        value: f.value,
        ...(f.qualifier ? { qualifier: f.qualifier } : {}),
        unit: f.unit,
        measure: f.measure,
        subject: subject || block.text.slice(f.start, f.end),
        span: { block: block.id, start: f.start, end: f.end },
        confidence: f.confidence,
      });
    }
  }
  return figures;
}
