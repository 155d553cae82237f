/** Stories for the tests: the seed, and a hostile one built to break a Word document. */
import { fileURLToPath } from 'node:url';
import { deepFreeze, type Story, storySchema } from '@storykit/core';
import { loadStory } from '@storykit/core/node';

/** The folder of the seed fixture. */
export const SEED_DIR = fileURLToPath(
  new URL('../../../fixtures/kerry-on-the-run', import.meta.url),
);

/** The seed story, loaded and validated. */
export const seed = (): Story => loadStory(SEED_DIR);

/** Names in scripts a Latin-only font or a naive writer gets wrong. */
export const NAMES = {
  arabic: 'عبد الله الحسيني',
  hebrew: 'דוד כהן',
  chinese: '王小明',
  cyrillic: 'Сергей Лавров',
  emoji: 'Ana 🌍 Müller 👩🏽‍💻',
} as const;

/** Characters XML 1.0 forbids, and text that breaks careless XML writers. */
export const CONTROL = 'bell\u0007 null\u0000 escape\u001B vt\u000B ff\u000C fffe\uFFFE lone\uD800';
export const MARKUP = 'end ]]> and & and <w:t> and "quotes" \'apos\'';

/**
 * A story with control characters, `]]>`, `&`, right-to-left and CJK names, emoji, a 3,000-word
 * quotation and 200 figures. Spans are computed, so it is a well-formed resolved story.
 */
export function hostileStory(): Story {
  const longQuote = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
  const p1 = `${NAMES.arabic} said “${longQuote}” to ${NAMES.chinese}.`;
  const p2 = `${CONTROL} ${MARKUP} ${NAMES.hebrew} ${NAMES.cyrillic} ${NAMES.emoji}`;
  const numbers = Array.from({ length: 200 }, (_, i) => `${i + 1} apples`).join(', ');
  const p3 = `Counts: ${numbers}.`;
  const span = (block: string, text: string, exact: string, from = 0) => {
    const start = text.indexOf(exact, from);
    if (start < 0) throw new Error(`not in ${block}: ${exact}`);
    return { block, start, end: start + exact.length };
  };
  return deepFreeze(
    storySchema.parse({
      id: 'hostile',
      headline: `Hostile ${MARKUP} ${NAMES.chinese} ${NAMES.arabic} ${CONTROL}`,
      dek: `Dek ${NAMES.emoji} ${MARKUP}`,
      language: 'en',
      publisher: 'org',
      authors: ['arabic'],
      published: '2024-05-06',
      keywords: [MARKUP, NAMES.chinese],
      media: [
        { id: 'photo', kind: 'image', caption: `Caption ${CONTROL}`, credit: `${NAMES.hebrew}/AP` },
      ],
      body: [
        { id: 'p1', kind: 'paragraph', text: p1 },
        { id: 'p2', kind: 'paragraph', text: p2 },
        { id: 'p3', kind: 'paragraph', text: p3 },
      ],
      sources: [
        { id: 'org', kind: 'organization', name: `Org ${MARKUP}` },
        {
          id: 'arabic',
          kind: 'person',
          name: NAMES.arabic,
          role: `role ${CONTROL}`,
          affiliation: 'org',
        },
        { id: 'chinese', kind: 'person', name: NAMES.chinese },
        { id: 'hebrew', kind: 'person', name: NAMES.hebrew },
        { id: 'cyrillic', kind: 'person', name: NAMES.cyrillic },
        { id: 'emoji', kind: 'anonymous', name: `someone ${NAMES.emoji}` },
      ],
      statements: [
        {
          id: 'long',
          kind: 'direct',
          text: longQuote,
          speaker: 'arabic',
          attribution: { verb: 'said', recipient: 'chinese' },
          span: span('p1', p1, longQuote),
        },
        {
          id: 'markup',
          kind: 'indirect',
          text: `${CONTROL} ${MARKUP}`,
          speaker: 'emoji',
          span: span('p2', p2, `${CONTROL} ${MARKUP}`),
        },
      ],
      figures: Array.from({ length: 200 }, (_, i) => ({
        id: `f${i + 1}`,
        value: i + 1,
        unit: 'apples',
        measure: 'counted',
        subject: `basket ${i + 1} ${i % 2 ? NAMES.chinese : MARKUP}`,
        span: span(
          'p3',
          p3,
          `${i + 1} apples`,
          p3.indexOf(i === 0 ? ' 1 apples' : `, ${i + 1} apples`),
        ),
      })),
      relations: [{ kind: 'disputes', from: 'markup', to: 'long' }],
      notes: [{ id: 'n1', about: 'headline', text: `Note ${CONTROL} ${MARKUP}` }],
    }),
  ) as Story;
}

/** The paragraphs of {@link splitQuotes}. */
const FERRY = {
  p1: '“The ferry will run all winter,” Mara Quist told the council, “even on the stormy days.”',
  p2: '“Nobody has asked the crews,” Tom Reyes said in an interview.',
  p3: '“And they will not sail into a gale.”',
  p4: 'Ines Vale said the timetable was sound.',
} as const;

/**
 * A story with two quotations in pieces: Quist's, broken by its attribution inside one paragraph,
 * and Reyes's, running on into the next paragraph. Reyes's second piece disputes Quist's second
 * piece; Vale supports Quist's first piece in one go.
 */
export function splitQuotes(): Story {
  const said = (id: string, block: keyof typeof FERRY, words: string, rest: object) => {
    const start = FERRY[block].indexOf(words);
    if (start < 0) throw new Error(`not in ${block}: ${words}`);
    return { id, text: words, span: { block, start, end: start + words.length }, ...rest };
  };
  return storySchema.parse({
    id: 'winter-ferry',
    headline: 'Quist promises a ferry in every season',
    language: 'en',
    authors: [],
    keywords: [],
    media: [],
    body: Object.entries(FERRY).map(([id, text]) => ({ id, kind: 'paragraph', text })),
    sources: [
      { id: 'quist', kind: 'person', name: 'Mara Quist', role: 'harbour master', sameAs: [] },
      { id: 'reyes', kind: 'person', name: 'Tom Reyes', sameAs: [] },
      { id: 'vale', kind: 'person', name: 'Ines Vale', sameAs: [] },
      { id: 'council', kind: 'organization', name: 'the town council', sameAs: [] },
    ],
    entities: [],
    statements: [
      said('q1', 'p1', 'The ferry will run all winter,', {
        kind: 'direct',
        speaker: 'quist',
        attribution: { verb: 'told', recipient: 'council' },
      }),
      said('q2', 'p1', 'even on the stormy days.', {
        kind: 'partial',
        speaker: 'quist',
        attribution: {},
        topic: 'winter service',
      }),
      said('r1', 'p2', 'Nobody has asked the crews,', {
        kind: 'direct',
        speaker: 'reyes',
        attribution: { verb: 'said' },
      }),
      said('r2', 'p3', 'And they will not sail into a gale.', {
        kind: 'direct',
        speaker: 'reyes',
        attribution: { medium: 'interview' },
      }),
      said('v1', 'p4', 'the timetable was sound', {
        kind: 'indirect',
        speaker: 'vale',
        attribution: { verb: 'said' },
      }),
    ],
    figures: [],
    relations: [
      { kind: 'continues', from: 'q2', to: 'q1' },
      { kind: 'continues', from: 'r2', to: 'r1' },
      { kind: 'disputes', from: 'r2', to: 'q2' },
      { kind: 'supports', from: 'v1', to: 'q1' },
    ],
    notes: [],
  }) as Story;
}
