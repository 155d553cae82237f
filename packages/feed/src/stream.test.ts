import { assertStory, type Story } from '@storykit/core';
import {
  FeedUrlError,
  streamAtom,
  streamJsonFeed,
  streamRss,
  toAtom,
  toJsonFeed,
  toReadableStream,
  toRss,
} from '@storykit/feed';
import { describe, expect, it } from 'vitest';
import { child, expectCleanFeed, NS, useReaders } from '../test/readers.js';
import { BASE, OPTIONS, published } from '../test/seed.js';

const readers = useReaders();

/** The n-th copy of the published seed, with its own id, URL and date. */
function nth(n: number): Story {
  const date = `2016-07-${String((n % 28) + 1).padStart(2, '0')}T08:00:00Z`;
  return {
    ...published,
    id: `story-${n}`,
    url: `${BASE}story-${n}`,
    headline: `Story ${n}`,
    published: date,
    modified: date,
  };
}

/** Stories made one at a time, counting how many were taken and whether the source was closed. */
function source(count: number) {
  const state = { taken: 0, closed: false };
  async function* stories(): AsyncGenerator<Story> {
    try {
      for (let n = 0; n < count; n++) {
        state.taken++;
        yield nth(n);
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, stories: stories() };
}

async function join(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe('streaming', () => {
  // Checked once here, as loadStory and readStory check them, rather than on every feed below.
  const stories = Array.from({ length: 300 }, (_, n) => assertStory(nth(n)));

  it('gives, chunk by chunk, the bytes of the whole-feed functions', async () => {
    expect(await join(streamRss(stories, OPTIONS))).toBe(toRss(stories, OPTIONS));
    expect(await join(streamAtom(stories, OPTIONS))).toBe(toAtom(stories, OPTIONS));
    expect(await join(streamJsonFeed(stories, OPTIONS))).toBe(toJsonFeed(stories, OPTIONS));
    expect(await join(streamRss(source(300).stories, OPTIONS))).toBe(toRss(stories, OPTIONS));
    expect(await join(streamRss(published, OPTIONS))).toBe(toRss(published, OPTIONS));
  });

  it('hands on chunks of about 64 KiB, not one string', async () => {
    const sizes: number[] = [];
    for await (const chunk of streamRss(stories, OPTIONS)) sizes.push(chunk.length);
    expect(sizes.length).toBeGreaterThan(10);
    for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThanOrEqual(64 * 1024);
    for (const size of sizes) expect(size).toBeLessThan(64 * 1024 + 20_000);
  });

  it('reads stories only as fast as chunks are taken, and closes the source on stop', async () => {
    const { state, stories } = source(1_000_000);
    let chunks = 0;
    for await (const _ of streamRss(stories, OPTIONS)) {
      if (++chunks === 2) break;
    }
    expect(state.taken).toBeLessThan(50);
    expect(state.closed).toBe(true);
  });

  it('writes a streamed Atom feed’s updated date after the entries, where it knows it', async () => {
    const xml = await join(streamAtom(source(40).stories, { baseUrl: BASE }));
    const parsed = await expectCleanFeed(readers, xml, 'atom10');
    expect(parsed.feed.updated_parsed).toBe('2016-07-28T08:00:00Z');
    expect(parsed.entries).toHaveLength(40);
    const feed = await readers.etree(xml);
    expect(feed.children.at(-1)?.tag).toBe(`${NS.atom}updated`);
    expect(child(feed, `${NS.atom}updated`).text).toBe('2016-07-28T08:00:00Z');
  });

  it('fails at the story at fault, and closes the source', async () => {
    const { state, stories } = source(10);
    const { url: _, ...noUrl } = nth(3);
    async function* withBadStory() {
      let n = 0;
      for await (const story of stories) yield n++ === 3 ? noUrl : story;
    }
    await expect(join(streamRss(withBadStory(), { link: BASE }))).rejects.toThrow(FeedUrlError);
    expect(state.closed).toBe(true);
  });
});

describe('toReadableStream', () => {
  it('is a web stream of the feed’s UTF-8 bytes', async () => {
    const stream = toReadableStream(streamRss(source(100).stories, OPTIONS));
    const text = await new Response(stream).text();
    expect(text).toBe(
      toRss(
        Array.from({ length: 100 }, (_, n) => nth(n)),
        OPTIONS,
      ),
    );
    await expectCleanFeed(readers, text, 'rss20');
  });

  it('pulls one chunk at a time and stops reading stories when cancelled', async () => {
    const { state, stories } = source(1_000_000);
    const reader = toReadableStream(streamJsonFeed(stories, OPTIONS)).getReader();
    const { value } = await reader.read();
    expect(
      new TextDecoder()
        .decode(value)
        .startsWith('{\n  "version": "https://jsonfeed.org/version/1.1"'),
    ).toBe(true);
    await reader.cancel();
    expect(state.closed).toBe(true);
    expect(state.taken).toBeLessThan(50);
  });
});
