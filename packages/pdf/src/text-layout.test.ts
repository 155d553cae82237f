/**
 * The line breaker on words and surrogates no curated story would hold: an over-long word is
 * broken between grapheme clusters into lines that fit, and the halves of a surrogate pair split
 * across two inlines never meet as a character neither inline has.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FontBook } from './lib/fonts.js';
import { type Line, layoutText } from './lib/text-layout.js';

const book = new FontBook(new PDFDocument({ size: 'A4' }) as never);
const style = { style: 'regular', size: 10, color: '#000000' } as const;
const textOf = (line: Line) => line.pieces.map((p) => p.text).join('');

describe('layoutText', () => {
  it('breaks a word wider than the measure into lines that fit, between clusters', () => {
    const word = 'e\u0301'.repeat(3000); // é as e + combining acute: one cluster of two units
    const lines = layoutText(book, [{ text: word, style }], { width: 200 });
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line.width).toBeLessThanOrEqual(200);
      expect(textOf(line).startsWith('\u0301')).toBe(false);
    }
    expect(lines.map(textOf).join('')).toBe(word);
  });

  it('draws lone surrogates as U+FFFD, even where two inlines put a pair’s halves together', () => {
    const missing: string[] = [];
    const lines = layoutText(
      book,
      [
        { text: 'a\uD800', style },
        { text: '\uDC00b', style },
      ],
      { width: 400, onMissingGlyph: (c) => missing.push(c) },
    );
    expect(lines.map(textOf).join('')).toBe('a\uFFFD\uFFFDb');
    expect(missing).toEqual([]);
  });
});
