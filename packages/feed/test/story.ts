/**
 * Small resolved stories built in code, for texts no curated file would hold (control
 * characters, lone surrogates, `]]>`): a feed generator takes any `Story` value, validated or not.
 */
import type { Story } from '@storykit/core';

/** The texts of a test story; each defaults to a plain phrase. */
export interface StoryTexts {
  id?: string;
  headline?: string;
  dek?: string;
  body?: string[];
  keyword?: string;
  source?: string;
  caption?: string;
  credit?: string;
  /** Where the statement is in the first block: [start, end), default: the whole block. */
  statement?: [number, number];
}

/** A story with one source who says one thing, one figure, one photo, and the texts given. */
export function makeStory(texts: StoryTexts = {}, more: Partial<Story> = {}): Story {
  const body = texts.body ?? ['She said it works, for 84 people.'];
  const first = body[0] ?? '';
  const [start, end] = texts.statement ?? [0, first.length];
  return {
    id: texts.id ?? 'test',
    headline: texts.headline ?? 'A headline',
    dek: texts.dek ?? 'A dek.',
    language: 'en',
    url: `https://news.example/${texts.id ?? 'test'}`,
    publisher: 'paper',
    authors: ['writer'],
    keywords: [texts.keyword ?? 'news'],
    media: [
      {
        id: 'photo',
        kind: 'image',
        url: 'https://news.example/photo.png',
        caption: texts.caption ?? 'A caption.',
        credit: texts.credit ?? 'A. Photographer/Agency',
      },
    ],
    body: body.map((text, i) => ({ id: `p${i + 1}`, kind: 'paragraph', text })),
    sources: [
      { id: 'paper', kind: 'organization', name: 'The Paper', sameAs: [] },
      { id: 'writer', kind: 'person', name: texts.source ?? 'Ann Writer', sameAs: [] },
    ],
    entities: [],
    statements:
      end > start
        ? [
            {
              id: 's1',
              kind: 'direct',
              text: first.slice(start, end),
              speaker: 'writer',
              attribution: { verb: 'said' },
              span: { block: 'p1', start, end },
            },
          ]
        : [],
    figures: [],
    relations: [],
    notes: [],
    ...more,
  };
}

/** The paragraphs of {@link splitQuotesStory}. */
const LIBRARY = [
  '“The library will open on Sundays,” Dana Holt said at the town meeting, “starting in March.”',
  '“We were never asked,” said Eli Brandt of the staff union, “and nobody has paid for it.”',
];

/**
 * Two quotations, each broken by its attribution into two pieces (core's `continues`); Brandt's
 * second piece disputes Holt's second piece.
 */
export function splitQuotesStory(): Story {
  const piece = (id: string, at: number, words: string, rest: object) => {
    const text = LIBRARY[at] ?? '';
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`not in p${at + 1}: ${words}`);
    return {
      id,
      text: words,
      span: { block: `p${at + 1}`, start, end: start + words.length },
      ...rest,
    };
  };
  return makeStory({ id: 'sunday-library', headline: 'Sundays at the library', body: LIBRARY }, {
    sources: [
      { id: 'paper', kind: 'organization', name: 'The Paper', sameAs: [] },
      { id: 'writer', kind: 'person', name: 'Ann Writer', sameAs: [] },
      { id: 'holt', kind: 'person', name: 'Dana Holt', role: 'city librarian', sameAs: [] },
      { id: 'brandt', kind: 'person', name: 'Eli Brandt', sameAs: [] },
    ],
    statements: [
      piece('h1', 0, 'The library will open on Sundays,', {
        kind: 'direct',
        speaker: 'holt',
        attribution: { verb: 'said' },
      }),
      piece('h2', 0, 'starting in March.', {
        kind: 'partial',
        speaker: 'holt',
        attribution: { venue: 'the town meeting' },
        topic: 'opening hours',
      }),
      piece('b1', 1, 'We were never asked,', {
        kind: 'direct',
        speaker: 'brandt',
        attribution: { verb: 'said' },
      }),
      piece('b2', 1, 'and nobody has paid for it.', {
        kind: 'partial',
        speaker: 'brandt',
        attribution: {},
      }),
    ],
    figures: [],
    relations: [
      { kind: 'continues', from: 'h2', to: 'h1' },
      { kind: 'continues', from: 'b2', to: 'b1' },
      { kind: 'disputes', from: 'b2', to: 'h2' },
    ],
  } as unknown as Partial<Story>);
}
