import { JSON_FEED_VERSION, toJsonFeed } from '@storykit/feed';
import { describe, expect, it } from 'vitest';
import { useReaders } from '../test/readers.js';
import {
  BASE,
  bodyText,
  htmlToText,
  OPTIONS,
  PHOTO_OPTIONS,
  published,
  seed,
} from '../test/seed.js';

const readers = useReaders();

// feedparser 6.0 (Debian's python3-feedparser) reads RSS and Atom but not JSON Feed, so the JSON
// Feed is read with Python's json module and checked against every MUST of the 1.1 spec there.
describe('toJsonFeed on the seed story', () => {
  const text = toJsonFeed(seed, PHOTO_OPTIONS);

  it('is JSON Feed 1.1 with every required field', async () => {
    const { errors, feed } = await readers.jsonFeed(text);
    expect(errors).toEqual([]);
    expect(feed.version).toBe(JSON_FEED_VERSION);
    expect(JSON_FEED_VERSION).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe(seed.headline);
    expect(feed.home_page_url).toBe(BASE);
    expect(feed.feed_url).toBe(`${BASE}feed.json`);
    expect(feed.description).toBe(seed.dek);
    expect(feed.language).toBe('en');
    expect(feed.items).toHaveLength(1);
  });

  it('gives the item an id, the model’s fields, authors as an array, and the photo', async () => {
    const { feed } = await readers.jsonFeed(text);
    const [item] = feed.items;
    expect(item.id).toBe(`${BASE}kerry-on-the-run/`);
    expect(item.url).toBe(`${BASE}kerry-on-the-run/`);
    expect(item.title).toBe(seed.headline);
    expect(item.summary).toBe(seed.dek);
    expect(htmlToText(item.content_html).endsWith(bodyText(seed))).toBe(true);
    expect(item.authors).toEqual([{ name: 'The Christian Science Monitor' }]);
    expect(item.author).toBeUndefined();
    expect(item.tags).toEqual(seed.keywords);
    expect(item.image).toBe(`${BASE}kerry-on-the-run/photo.jpg`);
    expect(item.attachments).toEqual([
      { url: `${BASE}kerry-on-the-run/photo.jpg`, mime_type: 'image/jpeg', size_in_bytes: 48213 },
    ]);
    // No date in the seed, and none made up.
    expect(item.date_published).toBeUndefined();
    expect(item.date_modified).toBeUndefined();
  });

  it('attaches no file whose type is unknown, since mime_type is required', async () => {
    const unknown = toJsonFeed(seed, { ...OPTIONS, media: () => ({ url: 'photo' }) });
    const [item] = (await readers.jsonFeed(unknown)).feed.items;
    expect(item.attachments).toBeUndefined();
  });
});

describe('toJsonFeed on a published story', () => {
  it('writes dates in RFC 3339 with their offset, and the byline', async () => {
    const { errors, feed } = await readers.jsonFeed(toJsonFeed(published, OPTIONS));
    expect(errors).toEqual([]);
    const [item] = feed.items;
    expect(item.date_published).toBe('2016-07-18T06:30:00-04:00');
    expect(item.date_modified).toBe('2016-07-18T11:05:00Z');
    expect(item.authors).toEqual([{ name: 'Scott Peterson' }]);
    expect(item.url).toBe(published.url);
  });

  it('makes a statements feed with the speaker’s web identity as author url', async () => {
    const { errors, feed } = await readers.jsonFeed(
      toJsonFeed(seed, {
        ...OPTIONS,
        items: 'statements',
        author: { name: 'Desk', url: 'about/' },
      }),
    );
    expect(errors).toEqual([]);
    expect(feed.authors).toEqual([{ name: 'Desk', url: `${BASE}about/` }]);
    expect(feed.items).toHaveLength(seed.statements.length);
    expect(feed.items[0]).toMatchObject({
      id: `${BASE}kerry-on-the-run/#statement-kerry-on-the-run`,
      title: 'on the run',
      authors: [{ name: 'John Kerry', url: 'https://www.wikidata.org/wiki/Q22316' }],
    });
  });

  it('falls back to content_text when the body is left out', async () => {
    const { errors, feed } = await readers.jsonFeed(
      toJsonFeed(seed, { ...OPTIONS, include: { content: false } }),
    );
    expect(errors).toEqual([]);
    expect(feed.items[0].content_text).toBe(seed.dek);
    expect(feed.items[0].content_html).toBeUndefined();
  });

  it('writes an empty collection as an empty items array', async () => {
    const { errors, feed } = await readers.jsonFeed(toJsonFeed([], { title: 'Nothing yet' }));
    expect(errors).toEqual([]);
    expect(feed.items).toEqual([]);
  });
});
