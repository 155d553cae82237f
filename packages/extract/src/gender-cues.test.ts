import { describe, expect, it } from 'vitest';
import { pronounsAfter, titlesBefore } from '../src/lib/gender-cues.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the one pattern with the name written into it finds: the reference. */
const titlesByPattern = (text: string, surname: string) =>
  [
    ...text.matchAll(
      new RegExp(
        `\\b(Mr|Mrs|Ms)\\.?\\s+(?:\\p{Lu}[\\p{L}.’'-]*\\s+)?${escapeRegExp(surname)}\\b`,
        'gu',
      ),
    ),
  ].map((m) => m[1]);
const pronounsByPattern = (text: string, name: string) =>
  [
    ...text.matchAll(
      new RegExp(
        `\\b${escapeRegExp(name)}\\b[^.?!;“”"]{0,120}?\\b(he|his|him|himself|she|her|hers|herself)\\b`,
        'giu',
      ),
    ),
  ].map((m) => m[1]);
const pronouns = (text: string, name: string) =>
  pronounsAfter(text, new RegExp(`\\b${escapeRegExp(name)}\\b`, 'giu'));

const CASES: [string, string][] = [
  ['Mr. Kerry said he would go; Mrs. Kerry said she would not.', 'Kerry'],
  ['Ms. Ana Ruiz-Ortiz and Mr.  Jake   Tapper met Mr Tapperson.', 'Tapper'],
  ['Mr. Kerry Kerry, Mrs. Kerry Kerry Kerry said her piece.', 'Kerry'],
  ['Mr. O’Neill and Ms. Anne O’Neill', 'O’Neill'],
  ['Mrs.Kerry, Mr.\nKerry, Mr. (Kerry), Mr. kerry, MR. KERRY', 'Kerry'],
  ['KERRY said he was ready. kerry, she said. Kerry Kerry his', 'Kerry'],
  ['\u212Aerry said she was ready; Kerryſ he', 'Kerry'],
  ['𝒦erry Smith said he left. Mr. 𝒦erry 𝒦erry his', '𝒦erry'],
  [
    'Jake Tapper, who hosts the show, said “he” was fine; Jake Tapper himself agreed.',
    'Jake Tapper',
  ],
  [`Kerry ${'and more words '.repeat(9)}he left; Kerry ${'x'.repeat(121)} she`, 'Kerry'],
  ['Mr. Smith', ''],
];

/** Paragraphs of random pieces, the same every run (a fixed linear congruential sequence). */
function randomTexts(count: number): string[] {
  const pieces = [
    'Mr',
    'Mrs',
    'Ms',
    '.',
    ' ',
    ' ',
    ' ',
    '  ',
    'Kerry',
    'kerry',
    'Ana',
    'he',
    'She',
    'his',
  ];
  pieces.push('hers', ',', ';', '“', '”', 'said', 'Kerryb', '-', '’', '\n', 'x', 'É');
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed >>> 8;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 5 + (next() % 60) }, () => pieces[next() % pieces.length]).join(''),
  );
}

describe('gender cues', () => {
  it.each(CASES)('finds what the one pattern finds in %j', (text, name) => {
    expect(titlesBefore(text, name)).toEqual(titlesByPattern(text, name));
    expect(pronouns(text, name)).toEqual(pronounsByPattern(text, name));
  });

  it('reads titles and pronouns as written', () => {
    const both = 'Mr. Kerry said he would go; Mrs. Kerry said she would not.';
    expect(titlesBefore(both, 'Kerry')).toEqual(['Mr', 'Mrs']);
    expect(pronouns(both, 'Kerry')).toEqual(['he', 'she']);
    expect(
      titlesBefore('Ms. Ana Ruiz-Ortiz and Mr.  Jake   Tapper met Mr Tapperson.', 'Tapper'),
    ).toEqual(['Mr']);
    expect(pronouns('KERRY said he was ready. kerry, she said. Kerry Kerry his', 'Kerry')).toEqual([
      'he',
      'she',
      'his',
    ]);
  });

  it('finds what the one pattern finds in 2,000 random paragraphs', () => {
    let titled = 0;
    let pronounsFound = 0;
    for (const text of randomTexts(2_000)) {
      for (const name of ['Kerry', 'Ana Kerry', 'kerry']) {
        const titles = titlesByPattern(text, name);
        const said = pronounsByPattern(text, name);
        titled += titles.length;
        pronounsFound += said.length;
        expect(titlesBefore(text, name)).toEqual(titles);
        expect(pronouns(text, name)).toEqual(said);
      }
    }
    // Both kinds occur often enough for the comparison to mean something.
    expect(titled).toBeGreaterThan(30);
    expect(pronounsFound).toBeGreaterThan(50);
  });
});
