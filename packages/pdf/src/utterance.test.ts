/**
 * A quotation the writer broke with its attribution (`“A,” she said, “B.”`) is one utterance in
 * the brief: printed once, its pieces in reading order, whichever piece the debate points at.
 */
import { type Story, validateStory } from '@storykit/core';
import { toPdf } from '@storykit/pdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdftext, scratch } from '../test/pdf-readers.js';

const BODY = {
  p1: '“We will win the vote,” Ana Ortiz said at the rally, “and we will win it by a wide margin.”',
  p2: '“That is not what the count shows,” Bo Lee replied, “and she knows it.”',
  p3: 'Cy Park said the margin would be wide.',
} as const;

type Block = keyof typeof BODY;

/** A statement whose text sits verbatim at its span. */
function said(id: string, block: Block, words: string, rest: object) {
  const start = BODY[block].indexOf(words);
  if (start === -1) throw new Error(`"${words}" is not in ${block}`);
  return { id, text: words, span: { block, start, end: start + words.length }, ...rest };
}

/** Ortiz's claim and Lee's answer, each in two pieces; Park supports the claim in one go. */
const story = {
  id: 'split-vote',
  headline: 'Ortiz expects a wide win',
  language: 'en',
  authors: [],
  keywords: [],
  media: [],
  body: Object.entries(BODY).map(([id, text]) => ({ id, kind: 'paragraph', text })),
  sources: [
    { id: 'ortiz', kind: 'person', name: 'Ana Ortiz', sameAs: [] },
    { id: 'lee', kind: 'person', name: 'Bo Lee', sameAs: [] },
    { id: 'park', kind: 'person', name: 'Cy Park', sameAs: [] },
  ],
  entities: [],
  statements: [
    said('o1', 'p1', 'We will win the vote,', {
      kind: 'direct',
      speaker: 'ortiz',
      attribution: { verb: 'said', venue: 'the rally' },
    }),
    said('o2', 'p1', 'and we will win it by a wide margin.', {
      kind: 'partial',
      speaker: 'ortiz',
      attribution: {},
    }),
    said('l1', 'p2', 'That is not what the count shows,', {
      kind: 'direct',
      speaker: 'lee',
      attribution: { verb: 'replied' },
    }),
    said('l2', 'p2', 'and she knows it.', { kind: 'partial', speaker: 'lee', attribution: {} }),
    said('k1', 'p3', 'the margin would be wide', {
      kind: 'indirect',
      speaker: 'park',
      attribution: { verb: 'said' },
    }),
  ],
  figures: [],
  relations: [
    { kind: 'continues', from: 'o2', to: 'o1' },
    { kind: 'continues', from: 'l2', to: 'l1' },
    // Piece to piece: Lee's second piece answers Ortiz's second piece.
    { kind: 'disputes', from: 'l2', to: 'o2' },
    { kind: 'supports', from: 'k1', to: 'o1' },
  ],
  notes: [],
} as unknown as Story;

const files = scratch();
let bytes: Uint8Array;
let text: string;

beforeAll(async () => {
  expect(validateStory(story)).toEqual([]);
  bytes = await toPdf(story, { sections: ['claim', 'sources'] });
  text = pdftext(files.write(bytes));
});
afterAll(() => files.remove());

const count = (needle: string) => text.split(needle).length - 1;

describe('a quotation in pieces in the brief', () => {
  it('prints the claim once, its pieces joined in reading order', () => {
    expect(text).toContain('“We will win the vote, and we will win it by a wide margin.”');
    expect(count('We will win the vote')).toBe(1);
    expect(count('by a wide margin')).toBe(1);
  });

  it('puts a challenger who answers a later piece against the whole claim, once', () => {
    expect(text).toContain('“That is not what the count shows, and she knows it.”');
    expect(count('and she knows it')).toBe(1);
    expect(text).toContain(
      'Supported by 1 statement from 1 source; disputed by 1 statement from 1 source.',
    );
  });

  it('says once how a speaker in pieces reached the article', () => {
    expect(text).toContain('on the rally');
    // Lee's and Park's attributions; Ortiz's second piece adds no channel of its own.
    expect(count('reported by the article')).toBe(2);
  });

  it('gives the same bytes every time', async () => {
    expect(Buffer.from(await toPdf(story, { sections: ['claim', 'sources'] }))).toEqual(
      Buffer.from(bytes),
    );
  });
});
