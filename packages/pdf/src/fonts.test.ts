/**
 * The font book shares what pdfkit learns about a font between documents: a word shaped for one
 * brief is not shaped again for the next, while a word of extraordinary length is not kept.
 */
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FontBook } from './lib/fonts.js';

interface Shaper {
  layout(text: string, features?: unknown): unknown;
}

/** A document with a font book, and a function that draws text in the regular face. */
function page() {
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
  const book = new FontBook(doc as never);
  const face = book.main('regular');
  const draw = (text: string) => {
    book.use(face, 10);
    doc.text(text, 40, 40, { lineBreak: false });
  };
  const font = (face as unknown as { font(): Shaper }).font();
  return { doc, book, draw, font };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('FontBook', () => {
  it('shapes a word once for every document of the process', () => {
    const first = page();
    first.draw('shared words, once');
    first.book.keepShapedWords();
    first.doc.end();

    const second = page();
    const layout = vi.spyOn(second.font, 'layout');
    second.draw('shared words, once');
    expect(layout).not.toHaveBeenCalled();
    second.draw('shared novelty');
    expect(layout.mock.calls.map(([text]) => text)).toEqual(['novelty']);
    second.doc.end();
  });

  it('keeps no word of extraordinary length for later documents', () => {
    const long = 'x'.repeat(300);
    const first = page();
    first.draw(long);
    first.book.keepShapedWords();
    first.doc.end();

    const second = page();
    const layout = vi.spyOn(second.font, 'layout');
    second.draw(long);
    expect(layout.mock.calls.map(([text]) => text)).toEqual([long]);
    second.doc.end();
  });
});
