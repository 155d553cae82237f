import type { Story } from '@storykit/core';
import * as feed from '@storykit/feed';
import { describe, expect, expectTypeOf, it } from 'vitest';

describe('public API', () => {
  it('exports exactly these names from @storykit/feed', () => {
    expect(Object.keys(feed).sort()).toEqual([
      'FEED_FILE_NAMES',
      'FeedDateError',
      'FeedDuplicateIdError',
      'FeedError',
      'FeedOptionsError',
      'FeedUrlError',
      'JSON_FEED_VERSION',
      'streamAtom',
      'streamJsonFeed',
      'streamRss',
      'toAtom',
      'toJsonFeed',
      'toReadableStream',
      'toRss',
    ]);
  });

  it('takes one story or any iterable of stories, and streams from async ones', () => {
    expectTypeOf(feed.toRss).parameter(0).toEqualTypeOf<Story | Iterable<Story>>();
    expectTypeOf(feed.toRss).returns.toEqualTypeOf<string>();
    expectTypeOf(feed.streamRss)
      .parameter(0)
      .toEqualTypeOf<Story | Iterable<Story> | AsyncIterable<Story>>();
    expectTypeOf(feed.streamAtom).returns.toEqualTypeOf<AsyncGenerator<string>>();
    expectTypeOf(feed.toReadableStream).returns.toEqualTypeOf<ReadableStream<Uint8Array>>();
    expectTypeOf<feed.FeedOptions['items']>().toEqualTypeOf<'stories' | 'statements' | undefined>();
  });

  it('names its errors, all of them FeedError', () => {
    for (const E of [
      feed.FeedDateError,
      feed.FeedUrlError,
      feed.FeedOptionsError,
      feed.FeedDuplicateIdError,
    ]) {
      const error = new E('x');
      expect(error).toBeInstanceOf(feed.FeedError);
      expect(error.name).toBe(E.name);
    }
    expect(feed.FEED_FILE_NAMES).toEqual({ rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' });
  });
});
