/**
 * The seed story and what the tests add to it: the seed has no url, no date, no byline and no
 * media file (see its notes), so the tests that need them give them here, and say so.
 */
import { fileURLToPath } from 'node:url';
import type { Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import type { FeedOptions } from '@storykit/feed';

export const SEED_DIR = fileURLToPath(
  new URL('../../../fixtures/kerry-on-the-run/', import.meta.url),
);

/** The curated seed story, as the CLI loads it. */
export const seed: Story = loadStory(SEED_DIR);

/** Where the tests pretend the feeds are published. */
export const BASE = 'https://news.example/kerry/';

/** The options the seed needs: a base URL for links, and a feed date (the story has none). */
export const OPTIONS = { baseUrl: BASE, updated: '2016-07-18' } as const satisfies FeedOptions;

/** The seed's photo as if published next to the story, with its file's type and size known. */
export const PHOTO_OPTIONS = {
  ...OPTIONS,
  media: () => ({ url: 'photo.jpg', size: 48213, width: 780, height: 520 }),
} as const satisfies FeedOptions;

/** The seed with what a published story has: a URL, dates with an offset, a byline. */
export const published: Story = {
  ...seed,
  url: 'https://www.csmonitor.com/World/Middle-East/2016/0718/Kerry-says-ISIS-is-on-the-run',
  published: '2016-07-18T06:30:00-04:00',
  modified: '2016-07-18T11:05:00Z',
  authors: ['peterson'],
  section: 'World',
};

/** The text of a story's body as a reader sees it, paragraphs joined by newlines. */
export function bodyText(story: Story): string {
  return story.body.map((b) => b.text).join('\n');
}

/** The text of an HTML fragment: tags dropped, the five XML entities decoded, paragraphs on lines. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|figure|blockquote)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) =>
      e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === '#39' ? "'" : '&',
    )
    .replace(/\n+$/, '');
}
