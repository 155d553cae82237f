/**
 * Reads the numbers a piece of English text writes, in digits ("1,200", "40", "2.5") or in words
 * ("two", "forty-five", "a dozen", "triple"), so that a figure can be checked against its span.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};
/** Words that stand for a number on their own ("a decade", "a dozen", "triple suicide attack"). */
const STANDALONE: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  single: 1,
  once: 1,
  double: 2,
  twice: 2,
  both: 2,
  pair: 2,
  triple: 3,
  thrice: 3,
  quadruple: 4,
  dozen: 12,
  dozens: 12,
  half: 0.5,
  quarter: 0.25,
};

const DIGITS = /\d+(?:,\d{3})*(?:\.\d+)?|\.\d+/g;
const WORD = /[A-Za-z]+/g;

const SCALED = /^\s+(thousand|million|billion|trillion)\b/i;

/**
 * Every number written in `text`, in the order they appear (word numbers folded: "two hundred" →
 * 200). A number with a scale word is read both ways ("1.2 million" gives 1.2 and 1200000; "two
 * dozen" gives 2, 12 and 24), so a figure may record either.
 */
export function numbersInText(text: string): number[] {
  const found: { at: number; value: number }[] = [];
  for (const match of text.matchAll(DIGITS)) {
    const value = Number(match[0].replaceAll(',', ''));
    found.push({ at: match.index, value });
    const scale = SCALED.exec(text.slice(match.index + match[0].length))?.[1]?.toLowerCase();
    if (scale) found.push({ at: match.index, value: value * (SCALES[scale] as number) });
  }
  let current: number | undefined;
  let total = 0;
  let startedAt = 0;
  let lastEnd = -1;
  const flush = (): void => {
    if (current !== undefined) found.push({ at: startedAt, value: total + current });
    current = undefined;
    total = 0;
  };
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    const between = text.slice(lastEnd, match.index);
    // "forty-five", "two hundred and fifteen": a hyphen, a space or "and" keeps a number going.
    if (current !== undefined && lastEnd >= 0 && !/^(\s+|-|\s+and\s+)$/.test(between)) flush();
    lastEnd = match.index + match[0].length;
    const unit = UNITS[word] ?? TENS[word];
    const scale = SCALES[word];
    if (unit !== undefined) {
      if (current === undefined) startedAt = match.index;
      current = (current ?? 0) + unit;
    } else if (scale !== undefined && current !== undefined) {
      if (scale >= 1000) {
        total += current * scale;
        current = 0;
      } else {
        current *= scale;
      }
    } else if (word === 'and' && current !== undefined) {
      // part of "two hundred and fifteen"
    } else if ((word === 'dozen' || word === 'dozens') && current !== undefined) {
      // "two dozen": 24, and the parts as written
      found.push({ at: startedAt, value: current }, { at: match.index, value: 12 });
      current *= 12;
    } else {
      flush();
      const alone = STANDALONE[word];
      if (alone !== undefined) found.push({ at: match.index, value: alone });
    }
  }
  flush();
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.value);
}
