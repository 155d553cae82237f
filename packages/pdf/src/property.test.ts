/**
 * The grapheme clusters the line breaker walks, read a window at a time, are exactly the ones
 * `Intl.Segmenter` gives for the whole text — across window edges, for flags, emoji sequences,
 * combining marks, conjuncts and lone surrogates. `pnpm fuzz` runs this many times.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../core/test/property-runs.js';
import { graphemes } from './lib/graphemes.js';

const whole = (text: string) =>
  Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text), (s) => ({
    segment: s.segment,
    index: s.index,
  }));

/** Pieces whose clusters depend on what is around them (UAX #29 rules GB3–GB13). */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'x', ' ', 'é', 'Ж', '王') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\u0301', // combining acute (Extend)
      '\u200D', // zero width joiner
      '\uFE0F', // variation selector 16
      '👩',
      '🏽',
      '❤',
      '🇫', // regional indicators: flags pair them two by two
      '🇷',
      '\r',
      '\n',
      'क', // Devanagari consonant, virama, consonant: one conjunct cluster (GB9c)
      '\u094D',
      'ष',
      '\u1100', // Hangul leading and vowel jamo (GB6–GB8)
      '\u1161',
      '\u11A8',
      '\uD800', // lone surrogates
      '\uDC00',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
/** Up to a few thousand code units, so that most texts cross several windows. */
const text = fc
  .array(piece, { minLength: 1, maxLength: 2500, size: 'max' })
  .map((pieces) => pieces.join(''));

describe('graphemes', () => {
  it('gives the clusters Intl.Segmenter gives for the whole text', () => {
    fc.assert(
      // A plain comparison: a failure then shrinks quickly, without a diff of long arrays per step.
      fc.property(
        text,
        (value) => JSON.stringify(Array.from(graphemes(value))) === JSON.stringify(whole(value)),
      ),
      // Shrinking a text of thousands of pieces would take minutes: the first failure is reported.
      { ...propertyRuns(60), endOnFailure: true },
    );
  });

  it('keeps a cluster longer than a window whole', () => {
    const long = `a${'\u0301'.repeat(5000)}`;
    const value = `x${long}y${long}`;
    expect(Array.from(graphemes(value))).toEqual(whole(value));
    expect(Array.from(graphemes(value), (g) => g.segment)).toEqual(['x', long, 'y', long]);
  });
});
