/**
 * A digest of every feed this package writes for the fixtures under many option combinations,
 * one line each: `<case> <sha256 of the output, or of the error's name and message>`. Run it
 * before and after a change that must not change a byte (a speed-up) and compare the two lists:
 *
 *   tsx bench/output-digests.ts > before.txt   # on the old build
 *   tsx bench/output-digests.ts > after.txt    # on the new build
 *   diff before.txt after.txt
 *
 * `FEED_MODULE` names another build of the package to load instead of `@storykit/feed` (a path to
 * its `dist/index.js`), so two builds can be compared without switching branches.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import type * as Feed from '@storykit/feed';
import { makeStory } from '../test/story.js';

const feed: typeof Feed = process.env.FEED_MODULE
  ? await import(pathToFileURL(process.env.FEED_MODULE).href)
  : await import('@storykit/feed');

const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const fixtures: Story[] = readdirSync(root)
  .sort()
  .map((name) => loadStory(`${root}${name}`));

/** Fixtures given what a published story has, so that every field of an item is written. */
const published: Story[] = fixtures.map((story, i) => ({
  ...story,
  url: story.url ?? `https://news.example/${story.id}`,
  published: i % 2 ? '2016-07-18T06:30:00-04:00' : '2016-07-17',
  modified: i % 3 ? '2016-07-18T11:05:00.250Z' : undefined,
  authors: story.authors.length || !story.sources[0] ? story.authors : [story.sources[0].id],
  section: i % 2 ? 'World' : undefined,
  draft: i % 4 === 1 ? true : story.draft,
}));

/** Hand-made stories with the texts no curated file holds. */
const odd: Story[] = [
  makeStory({ id: 'controls', headline: 'A\u0000B\u0001C\tD\r\nE', dek: 'x\uFFFEy\uFFFF' }),
  makeStory({ id: 'surrogates', headline: '\uD800\u0000\uDC00 😀 \uDC00\uD800', body: ['a 😀 b'] }),
  makeStory({ id: 'cdata', headline: 'a ]]> b', body: ['a ]]> b & <c> "d"'], caption: ']]>' }),
  makeStory({ id: 'markup', dek: '<b>bold</b> & "q"', keyword: 'a&b', credit: '<i>x</i>' }),
  makeStory({ id: 'crossing', body: ['She said 84 people came.'], statement: [4, 13] }),
];

const BASE = 'https://news.example/';
const FULL: Feed.FeedOptions = {
  title: 'T & <t>',
  description: 'D "d"\r\n',
  baseUrl: BASE,
  link: 'https://news.example/home',
  feedUrl: 'feeds/all.xml',
  id: 'tag:news.example,2016:feed',
  language: 'en-GB',
  copyright: '© 2016 & co',
  generator: 'gen <x>',
  image: { url: 'logo.png', title: 'Logo', width: 144, height: 400 },
  ttl: 60,
  updated: '2016-07-19T10:00:00+02:00',
  author: { name: 'Desk', url: 'https://news.example/desk', email: 'desk@news.example' },
  itemUrl: (story) => `items/${story.id}?a=1&b=2`,
  itemId: (story) => `tag:news.example,2016:${story.id}`,
  media: (media) => ({ url: media.url ?? 'photo.jpg', size: 48213, width: 780, height: 520 }),
  uniqueIds: false,
};
const OPTIONS: Record<string, Feed.FeedOptions> = {
  plain: { baseUrl: BASE, updated: '2016-07-18' },
  titled: { baseUrl: BASE, title: 'Bench', updated: '2016-07-18' },
  'no-date': { baseUrl: BASE, title: 'Bench', author: { name: 'Desk' } },
  statements: { baseUrl: BASE, title: 'S', updated: '2016-07-18', items: 'statements' },
  'no-content': { baseUrl: BASE, title: 'N', updated: '2016-07-18', include: { content: false } },
  bare: {
    baseUrl: BASE,
    title: 'B',
    updated: '2016-07-18',
    author: { name: 'Desk' },
    include: { summary: false, authors: false, categories: false, media: false },
  },
  'bare-statements': {
    baseUrl: BASE,
    title: 'BS',
    updated: '2016-07-18',
    items: 'statements',
    author: { name: 'Desk' },
    include: { summary: false, content: false, authors: false, categories: false },
  },
  media: { baseUrl: BASE, title: 'M', updated: '2016-07-18', media: () => ({ url: 'p.webp' }) },
  full: FULL,
  'full-statements': { ...FULL, items: 'statements' },
  'link-only': { link: 'https://news.example/', title: 'L', updated: '2016-07-18' },
  generatorless: { baseUrl: BASE, title: 'G', updated: '2016-07-18', generator: false },
};

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function attempt(run: () => string): string {
  try {
    return digest(run());
  } catch (error) {
    return `throws ${digest(`${(error as Error).name}: ${(error as Error).message}`)}`;
  }
}

async function attemptStream(run: () => AsyncGenerator<string>): Promise<string> {
  try {
    let text = '';
    for await (const chunk of run()) text += chunk;
    return digest(text);
  } catch (error) {
    return `throws ${digest(`${(error as Error).name}: ${(error as Error).message}`)}`;
  }
}

const whole = { rss: feed.toRss, atom: feed.toAtom, json: feed.toJsonFeed } as const;
const streams = { rss: feed.streamRss, atom: feed.streamAtom, json: feed.streamJsonFeed } as const;
const sets: Record<string, readonly Story[]> = { fixtures, published, odd };

let cases = 0;
for (const [optionName, options] of Object.entries(OPTIONS)) {
  for (const format of ['rss', 'atom', 'json'] as const) {
    for (const [setName, stories] of Object.entries(sets)) {
      for (const story of stories) {
        console.log(
          `${format} ${optionName} ${setName}/${story.id} ${attempt(() => whole[format](story, options))}`,
        );
        cases++;
      }
      console.log(
        `${format} ${optionName} ${setName}/* ${attempt(() => whole[format](stories, options))}`,
      );
      // A stream of many stories, so that it hands on several chunks.
      const many = Array.from({ length: 40 }, (_, n) =>
        stories.map((s) => ({ ...s, id: `${s.id}-${n}`, url: s.url && `${s.url}-${n}` })),
      ).flat();
      console.log(
        `${format} ${optionName} ${setName}/*40 ${attempt(() => whole[format](many, options))}`,
      );
      console.log(
        `${format} ${optionName} ${setName}/*40 stream ${await attemptStream(() => streams[format](many, options))}`,
      );
      cases += 3;
    }
  }
}
console.error(`${cases} cases`);
