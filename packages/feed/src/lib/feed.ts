import { assertStory, isCheckedStory, type Story } from '@storykit/core';
import { atomWriter } from './atom.js';
import { latest } from './dates.js';
import { storyItems, storyUpdated } from './items.js';
import { jsonFeedWriter } from './json-feed.js';
import { type FeedContext, type FeedFormat, type FeedOptions, resolveFeed } from './options.js';
import { rssWriter } from './rss.js';
import type { FeedWriter } from './writer.js';

/** One story, or a collection of them in feed order. */
export type Stories = Story | Iterable<Story>;

/** What the streaming functions take: one story, or stories one at a time, sync or async. */
export type StorySource = Story | Iterable<Story> | AsyncIterable<Story>;

function isStory(value: StorySource): value is Story {
  // Anything that is not an object is taken as one (broken) story, for assertStory to name.
  if (typeof value !== 'object' || value === null) return true;
  return !(Symbol.iterator in value) && !(Symbol.asyncIterator in value);
}

function writerFor(ctx: FeedContext, stories?: readonly Story[]): FeedWriter {
  if (ctx.format === 'rss') return rssWriter(ctx);
  if (ctx.format === 'json') return jsonFeedWriter(ctx);
  // With every story at hand, the feed's updated date goes before the entries, where readers
  // expect it: the latest entry's, which is the latest story's modified (else published) date.
  return atomWriter(ctx, stories && latest(stories.map(storyUpdated)));
}

/**
 * Every story is checked (once: a story from loadStory or readStory is not checked again) before
 * any option, so a broken story reads as one, not as a missing option.
 */
function checked(story: Story, index?: number): Story {
  if (isCheckedStory(story)) return story;
  return assertStory(story, index === undefined ? {} : { at: `stories[${index}]` });
}

function render(format: FeedFormat, input: Stories, options: FeedOptions): string {
  const single = isStory(input);
  const stories: readonly Story[] = single
    ? [checked(input)]
    : (Array.isArray(input) ? input : [...input]).map((story, i) => checked(story, i));
  const ctx = resolveFeed(format, options, stories[0], single);
  const writer = writerFor(ctx, stories);
  // Items are gathered into blocks of about 16,000 characters, joined as each fills, and the
  // blocks joined at the end. An item is a string built piece by piece; holding every item until
  // the end makes the garbage collector copy each of them, pieces and all, into the old
  // generation (a third of the time on large feeds). Small blocks are joined while their pieces
  // are young: with blocks of a million characters, 15% of the time went into copying the items
  // of half-filled blocks at each young-generation collection.
  const blocks: string[] = [];
  let block: string[] = [writer.head()];
  let size = 0;
  for (const story of stories) {
    for (const item of storyItems(story, ctx)) {
      const xml = writer.item(item);
      block.push(xml);
      size += xml.length;
      if (size >= BLOCK) {
        blocks.push(block.join(''));
        block = [];
        size = 0;
      }
    }
  }
  block.push(writer.tail());
  blocks.push(block.join(''));
  return blocks.length === 1 ? (blocks[0] as string) : blocks.join('');
}

/** How many characters {@link render} gathers before it joins them (see there). */
const BLOCK = 1 << 14;

/** How many characters a stream gathers before it hands a chunk on. */
const CHUNK = 64 * 1024;

async function* from<T>(source: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* source;
}

async function* stream(
  format: FeedFormat,
  input: StorySource,
  options: FeedOptions,
): AsyncGenerator<string, void, undefined> {
  if (isStory(input)) {
    yield render(format, input, options);
    return;
  }
  const stories = from(input);
  try {
    let next = await stories.next();
    let index = 0;
    const first = next.done ? undefined : checked(next.value, index);
    const ctx = resolveFeed(format, options, first, false);
    const writer = writerFor(ctx);
    let buffer = writer.head();
    for (; !next.done; next = await stories.next(), index++) {
      const story = index === 0 && first ? first : checked(next.value, index);
      for (const item of storyItems(story, ctx)) buffer += writer.item(item);
      if (buffer.length >= CHUNK) {
        yield buffer;
        buffer = '';
      }
    }
    yield buffer + writer.tail();
  } finally {
    // Closes the source when the consumer stops early or a story fails (a no-op after the end).
    await stories.return(undefined);
  }
}

/**
 * An RSS 2.0 feed of one story or a collection, with `atom:link rel="self"`, `content:encoded`,
 * `dc:creator` and Media RSS. Sync: the stories are at hand and writing text waits for nothing;
 * for stories that arrive over time, use {@link streamRss}.
 *
 * @param stories - One story (the feed takes its title and description from it), or stories in
 *   feed order.
 * @param options - Feed-level facts and what an item carries ({@link FeedOptions}). RSS requires a
 *   home page link: `options.link`, `options.baseUrl`, or the story's own link for one story.
 * @returns The feed as an XML string (UTF-8 when encoded).
 * @throws {@link StoryValidationError} (from `@storykit/core`) when a story breaks the schema or
 *   an invariant, its issues' paths starting `stories[i]` in a collection.
 * @throws {@link FeedUrlError} when an item has no absolute link; {@link FeedDateError} for a
 *   date that is not ISO 8601; {@link FeedOptionsError}; {@link FeedDuplicateIdError}.
 * @example
 * ```ts
 * const xml = toRss(story, { baseUrl: 'https://news.example/', updated: '2016-07-18' });
 * ```
 */
export function toRss(stories: Stories, options: FeedOptions = {}): string {
  return render('rss', stories, options);
}

/**
 * An Atom 1.0 feed (RFC 4287) of one story or a collection.
 *
 * Atom requires an `updated` date on the feed and on every entry: an entry takes its story's
 * `modified`, else `published`, else `options.updated`; the feed takes `options.updated`, else the
 * latest entry's. Atom also requires an author on every entry: the story's authors, else its
 * publisher, else `options.author` at the feed level.
 *
 * @param stories - One story, or stories in feed order.
 * @param options - See {@link FeedOptions}. The feed's id is `options.id`, else its feed URL, else
 *   its home page.
 * @returns The feed as an XML string.
 * @throws {@link FeedDateError} when an entry has no date and `options.updated` is not set, and
 *   the errors of {@link toRss}.
 * @example
 * ```ts
 * const xml = toAtom(stories, { title: 'Monitor stories', baseUrl: 'https://news.example/' });
 * ```
 */
export function toAtom(stories: Stories, options: FeedOptions = {}): string {
  return render('atom', stories, options);
}

/**
 * A JSON Feed 1.1 document of one story or a collection, pretty-printed with two spaces.
 *
 * @param stories - One story, or stories in feed order.
 * @param options - See {@link FeedOptions}; `copyright`, `ttl` and `generator` have no JSON Feed
 *   field and are not written.
 * @returns The feed as a JSON string.
 * @throws the errors of {@link toRss}, except that JSON Feed needs no home page.
 * @example
 * ```ts
 * const json = toJsonFeed(story, { baseUrl: 'https://news.example/' });
 * ```
 */
export function toJsonFeed(stories: Stories, options: FeedOptions = {}): string {
  return render('json', stories, options);
}

/**
 * {@link toRss} as a stream of text chunks (about 64 KiB each), reading the stories one at a
 * time: memory stays flat however many stories there are. The chunks joined are the bytes
 * {@link toRss} returns for the same stories. An async generator, because the stories may
 * arrive asynchronously (read from disk or a database one at a time).
 *
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { Readable } from 'node:stream';
 * import { pipeline } from 'node:stream/promises';
 * await pipeline(Readable.from(streamRss(readStories(), options)), createWriteStream('rss.xml'));
 * ```
 */
export function streamRss(stories: StorySource, options: FeedOptions = {}): AsyncGenerator<string> {
  return stream('rss', stories, options);
}

/**
 * {@link toAtom} as a stream of text chunks. Unless `options.updated` is set, the feed's
 * `<updated>` (the latest entry's) is written after the entries, the only place a stream knows it;
 * otherwise the chunks joined equal {@link toAtom}'s result.
 */
export function streamAtom(
  stories: StorySource,
  options: FeedOptions = {},
): AsyncGenerator<string> {
  return stream('atom', stories, options);
}

/** {@link toJsonFeed} as a stream of text chunks; joined, they equal its result. */
export function streamJsonFeed(
  stories: StorySource,
  options: FeedOptions = {},
): AsyncGenerator<string> {
  return stream('json', stories, options);
}

/**
 * A web `ReadableStream` of UTF-8 bytes from text chunks (the result of {@link streamRss},
 * {@link streamAtom} or {@link streamJsonFeed}), for `new Response(stream)` or `Writable.toWeb`.
 * It pulls one chunk at a time, so a slow reader slows the feed down instead of filling memory;
 * cancelling it stops reading the stories.
 *
 * @example
 * ```ts
 * return new Response(toReadableStream(streamRss(stories, options)), {
 *   headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
 * });
 * ```
 */
export function toReadableStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}
