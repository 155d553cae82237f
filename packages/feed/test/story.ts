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
