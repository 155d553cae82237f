/**
 * A small, valid story to start each test from, so a test changes only the field it is about.
 */
import type { StoryFile } from '@storykit/core';

export const ARTICLE = [
  'Headline line',
  '',
  'The minister said the plan “will work” and that 40 to 45 percent of homes would gain.',
  '',
  '“We are ready,” she said. “We are ready,” she said again. At least 84 people came.',
  '',
  'Subscribe to continue.',
].join('\n');

/** A curated story over {@link ARTICLE}, valid as it stands. */
export function storyFile(): StoryFile & Record<string, unknown> {
  return {
    id: 'test-story',
    headline: 'Headline line',
    language: 'en',
    body: { file: 'article.txt', first: 'The minister', last: 'people came.' },
    sources: [
      { id: 'gov', kind: 'organization', name: 'The Government' },
      { id: 'minister', kind: 'person', name: 'Ann Example', role: 'minister', affiliation: 'gov' },
    ],
    statements: [
      {
        id: 's1',
        kind: 'partial',
        text: 'will work',
        speaker: 'minister',
        attribution: { verb: 'said' },
      },
      {
        id: 's2',
        kind: 'direct',
        text: 'We are ready,',
        speaker: 'minister',
        anchor: { exact: 'We are ready,', occurrence: 1 },
      },
      { id: 's3', kind: 'indirect', text: 'the plan “will work”', speaker: 'minister' },
    ],
    figures: [
      {
        id: 'f1',
        value: { low: 40, high: 45 },
        unit: 'percent',
        measure: 'homes gaining',
        subject: 'the plan',
        anchor: '40 to 45 percent',
        statement: 's3',
      },
      {
        id: 'f2',
        value: 84,
        qualifier: 'at least',
        unit: 'people',
        measure: 'came',
        subject: 'the launch',
        anchor: 'At least 84',
      },
    ],
    relations: [{ kind: 'supports', from: 's2', to: 's1' }],
  };
}

/** Options that serve {@link ARTICLE} as `article.txt`. */
export const readArticle = { file: 'story.yaml', readText: () => ARTICLE } as const;
