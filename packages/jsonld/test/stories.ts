/**
 * Stories for the tests: the seed fixture, and small resolved stories built field by field so
 * that a test states exactly the data it is about.
 */
import { fileURLToPath } from 'node:url';
import { deepFreeze, type Story, storySchema } from '@storykit/core';
import { loadStory } from '@storykit/core/node';

/** The folder of the seed fixture. */
export const SEED_DIR = fileURLToPath(
  new URL('../../../fixtures/kerry-on-the-run', import.meta.url),
);

/** The seed story, loaded and validated. */
export const seed = (): Story => loadStory(SEED_DIR);

const BODY =
  'The minister said the plan “will work”. At least 84 people came, the mayor told reporters.';

/**
 * A published story with everything Google's Article guidance recommends: url, dates, a bylined
 * author with a page, a photo with its URL and credit. `change` edits the plain object first.
 */
export function publishedStory(change: (story: Record<string, unknown>) => void = () => {}): Story {
  const story: Record<string, unknown> = {
    id: 'plan-launch',
    headline: 'The plan is launched',
    dek: 'The minister says it will work.',
    language: 'en-GB',
    url: 'https://news.example/2024/plan-launch',
    publisher: 'daily',
    authors: ['reporter'],
    published: '2024-03-01T09:30:00+00:00',
    modified: '2024-03-02',
    section: 'Politics',
    keywords: ['plan', 'launch'],
    media: [
      {
        id: 'photo',
        kind: 'image',
        url: 'https://news.example/img/launch.jpg',
        caption: 'The minister at the launch.',
        credit: 'Jo Snap/Agency',
        creator: 'snap',
        copyright: '© 2024 Agency',
      },
    ],
    body: [{ id: 'p1', kind: 'paragraph', text: BODY }],
    sources: [
      {
        id: 'daily',
        kind: 'organization',
        name: 'The Daily Example',
        sameAs: ['https://news.example/'],
      },
      {
        id: 'reporter',
        kind: 'person',
        name: 'Rae Porter',
        role: 'political correspondent',
        affiliation: 'daily',
        sameAs: ['https://news.example/staff/rae-porter'],
      },
      { id: 'gov', kind: 'organization', name: 'The Government' },
      { id: 'minister', kind: 'person', name: 'Ann Example', role: 'minister', affiliation: 'gov' },
      { id: 'mayor', kind: 'anonymous', name: 'a mayor who asked not to be named' },
      { id: 'snap', kind: 'person', name: 'Jo Snap', role: 'photographer' },
    ],
    entities: [{ id: 'town', kind: 'place', name: 'Exampletown' }],
    statements: [
      {
        id: 'will-work',
        kind: 'partial',
        text: 'will work',
        speaker: 'minister',
        attribution: { verb: 'said', date: '2024-02-29' },
        span: { block: 'p1', start: BODY.indexOf('will work'), end: BODY.indexOf('will work') + 9 },
      },
      {
        id: 'people-came',
        kind: 'indirect',
        text: 'At least 84 people came',
        speaker: 'mayor',
        attribution: { verb: 'told', recipient: 'reporter' },
        span: { block: 'p1', start: BODY.indexOf('At least'), end: BODY.indexOf(', the mayor') },
      },
    ],
    figures: [
      {
        id: 'came',
        value: 84,
        qualifier: 'at least',
        unit: 'people',
        measure: 'came',
        subject: 'the launch',
        date: '2024-02-29',
        place: 'town',
        statement: 'people-came',
        span: { block: 'p1', start: BODY.indexOf('At least'), end: BODY.indexOf(' people') },
      },
    ],
    relations: [{ kind: 'supports', from: 'people-came', to: 'will-work' }],
    notes: [
      {
        id: 'date',
        about: 'statements.will-work.attribution.date',
        text: 'Inferred from "yesterday".',
      },
    ],
  };
  change(story);
  return deepFreeze(storySchema.parse(story)) as Story;
}
