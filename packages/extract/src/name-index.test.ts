import { describe, expect, it } from 'vitest';
import { findNames, NameFinder, wordsBefore } from '../src/lib/name-index.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What one regular expression per name finds: the reference the one-pass indexes must equal. */
function wordsBeforeByRegExp(texts: readonly string[], names: readonly string[]) {
  const out = new Map<string, { text: number; word: string }[]>();
  for (const name of names) {
    const pattern = new RegExp(`([\\p{Lu}][\\p{L}’'-]+)\\s+${escapeRegExp(name)}\\b`, 'u');
    texts.forEach((text, index) => {
      const word = pattern.exec(text)?.[1];
      if (word === undefined) return;
      const list = out.get(name) ?? [];
      list.push({ text: index, word });
      out.set(name, list);
    });
  }
  return out;
}

function matchesByRegExp(texts: readonly string[], alternatives: readonly string[]) {
  const pattern = new RegExp(`\\b(?:${alternatives.map(escapeRegExp).join('|')})\\b`, 'gu');
  return texts.flatMap((text, index) =>
    [...text.matchAll(pattern)].map((m) => ({ text: index, start: m.index })),
  );
}

/** Texts and names from a fixed-seed generator, made of the characters the rules care about. */
function generated(seed: number) {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const pieces = ['Ann', 'ann', 'Lee', 'Jo', 'O’Neil', "O'Neil", 'Lee’s', 'É', 'Ç', '𝐀b', 'x-Ray'];
  const glue = [' ', '  ', '\n', ', ', '.', '-', '’', '', ' (', '\u00a0'];
  const texts = Array.from({ length: 6 }, () =>
    Array.from(
      { length: 40 },
      () => `${pieces[next(pieces.length)]}${glue[next(glue.length)]}`,
    ).join(''),
  );
  const names = ['Lee', 'Ann', 'Jo', "O'Neil", 'O’Neil', 'Lee’s', 'Ray', 'Ann Lee', 'É', 'ann'];
  return { texts, names };
}

describe('one-pass name indexes', () => {
  it('find the word before each name as a regular expression per name does', () => {
    const texts = [
      'Jake Tapper asked. Then Tapper said, and CNN’s Tapper replied.',
      'mcCain Smith met x-Ray Smith; Smithson came, Dr. Smith’s aide too.',
      'The Ortiz plan: Mayor  Ortiz, then Ana\nOrtiz.',
    ];
    const names = ['Tapper', 'Smith', 'Ortiz', 'Nobody'];
    const found = wordsBefore(texts, names);
    expect(found).toEqual(wordsBeforeByRegExp(texts, names));
    // The first in each block: "Jake" and "Then" are both before "Tapper" in the first.
    expect(found.get('Tapper')).toEqual([{ text: 0, word: 'Jake' }]);
    expect(found.get('Smith')?.map((x) => x.word)).toEqual(['Cain']);
    for (let seed = 1; seed <= 40; seed++) {
      const { texts, names } = generated(seed);
      expect(wordsBefore(texts, names)).toEqual(wordsBeforeByRegExp(texts, names));
    }
  });

  it('find every place of every name, overlapping ones included', () => {
    expect(findNames(['aaa', 'banana'], ['aa', 'ana', 'n'])).toEqual(
      new Map([
        [
          'aa',
          [
            { text: 0, start: 0 },
            { text: 0, start: 1 },
          ],
        ],
        [
          'n',
          [
            { text: 1, start: 2 },
            { text: 1, start: 4 },
          ],
        ],
        [
          'ana',
          [
            { text: 1, start: 1 },
            { text: 1, start: 3 },
          ],
        ],
      ]),
    );
  });

  it('give the matches of `\\b(?:name|surname)\\b`, names known up front or not', () => {
    const texts = ['John Kerry met Kerry. Kerryville is not Kerry’s.', 'Kerry, John Kerry!'];
    const finder = new NameFinder(texts, ['John Kerry', 'Kerry']);
    expect(finder.matches(['John Kerry', 'Kerry'])).toEqual(
      matchesByRegExp(texts, ['John Kerry', 'Kerry']),
    );
    expect(finder.matches(['Kerry', 'John Kerry'])).toEqual(
      matchesByRegExp(texts, ['Kerry', 'John Kerry']),
    );
    expect(finder.matches(['met'])).toEqual([{ text: 0, start: 11 }]);
    for (let seed = 1; seed <= 40; seed++) {
      const { texts, names } = generated(seed);
      const finder = new NameFinder(texts, names.slice(0, 5));
      for (let i = 0; i + 1 < names.length; i++) {
        const pair = [names[i] as string, names[i + 1] as string];
        expect(finder.matches(pair)).toEqual(matchesByRegExp(texts, pair));
      }
    }
  });
});
