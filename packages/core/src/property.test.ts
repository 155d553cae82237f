/**
 * Properties of core's text functions over arbitrary strings, lone surrogates and the characters
 * XML forbids included. `pnpm fuzz` runs them many times from a random seed.
 */
import { removeNonXmlChars } from '@storykit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../test/property-runs.js';

/** Any code point (lone surrogates too), with the troublesome ones often. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u001F',
      '\t',
      '\r',
      '\uD800',
      '\uDBFF',
      '\uDC00',
      '\uDFFF',
      '\uD83D',
      '\uDE00',
      '\uFFFE',
      '\uFFFF',
      '\uFFFD',
      '😀',
    ),
  },
);
const text = fc.string({ unit: piece, maxLength: 40 });

/** The code points of a text; a lone surrogate counts as itself. */
const codePoints = (value: string) => new Set(Array.from(value, (c) => c.codePointAt(0)));

/** XML 1.0 §2.2 production [2] `Char`, written out from the spec. */
const isXmlChar = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

describe('removeNonXmlChars on any string', () => {
  it('gives only code points the input had (or U+FFFD)', () => {
    fc.assert(
      fc.property(text, (value) => {
        const allowed = codePoints(value).add(0xfffd);
        for (const c of codePoints(removeNonXmlChars(value))) expect(allowed).toContain(c);
      }),
      propertyRuns(500),
    );
  });

  it('keeps exactly the input’s code points that are XML characters, in order', () => {
    fc.assert(
      fc.property(text, (value) => {
        const kept = Array.from(value).filter((c) => isXmlChar(c.codePointAt(0) as number));
        expect(removeNonXmlChars(value)).toBe(kept.join(''));
      }),
      propertyRuns(500),
    );
  });
});
