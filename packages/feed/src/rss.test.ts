import { type Story, sourceLabel } from '@storykit/core';
import { FeedUrlError, toJsonFeed, toRss } from '@storykit/feed';
import { describe, expect, it } from 'vitest';
import { child, children, expectCleanFeed, NS, useReaders } from '../test/readers.js';
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

describe('toRss on the seed story', () => {
  const xml = toRss(seed, PHOTO_OPTIONS);

  it('is well-formed XML and a bozo-free RSS 2.0 feed to feedparser', async () => {
    const parsed = await expectCleanFeed(readers, xml, 'rss20');
    // Every module in use is declared on the root (feedparser files Atom's under its own prefix).
    expect(Object.values(parsed.namespaces).sort()).toEqual([
      'http://purl.org/dc/elements/1.1/',
      'http://purl.org/rss/1.0/modules/content/',
      'http://search.yahoo.com/mrss/',
      'http://www.w3.org/2005/Atom',
    ]);
  });

  it('gives the channel the story’s headline, dek, language and the links of the options', async () => {
    const { feed } = await readers.feedparser(xml);
    expect(feed.title).toBe(seed.headline);
    expect(feed.subtitle).toBe(seed.dek);
    expect(feed.language).toBe('en');
    expect(feed.link).toBe(BASE);
    expect(feed.links).toContainEqual({
      href: `${BASE}rss.xml`,
      rel: 'self',
      type: 'application/rss+xml',
    });
    expect(feed.updated_parsed).toBe('2016-07-18T00:00:00Z');
    expect(feed.generator).toBe('storykit');
  });

  it('makes one item whose fields are the model’s', async () => {
    const { entries } = await readers.feedparser(xml);
    expect(entries).toHaveLength(1);
    const [item] = entries;
    expect(item!.title).toBe(seed.headline);
    expect(item!.link).toBe(`${BASE}kerry-on-the-run/`);
    expect(item!.id).toBe(`${BASE}kerry-on-the-run/`);
    expect(item!.summary).toBe(seed.dek);
    // No byline in the seed: the publisher stands in for it.
    expect(item!.authors).toEqual([{ name: 'The Christian Science Monitor' }]);
    expect(item!.tags.map((t: { term: string }) => t.term)).toEqual(seed.keywords);
    // The seed has no date, and none is made up.
    expect(item!.published).toBeUndefined();
    expect(xml).not.toContain('<pubDate>');
  });

  it('carries the whole body as content:encoded, every paragraph in order', async () => {
    const [item] = (await readers.feedparser(xml)).entries;
    const content = item!.content[0];
    expect(content.type).toBe('text/html');
    const text = htmlToText(content.value);
    expect(text.endsWith(bodyText(seed))).toBe(true);
    // Every statement is marked where the article says it, with its speaker.
    const raw = child(
      child(child(await readers.etree(xml), 'channel'), 'item'),
      `${NS.content}encoded`,
    );
    for (const s of seed.statements) expect(raw.text).toContain(`id="statement-${s.id}"`);
    expect(raw.text).toContain('<data id="figure-nice-killed" value="84"');
    expect(raw.text).toContain('value="40..45"');
  });

  it('describes the photo with Media RSS: its URL, caption and credit', async () => {
    const [item] = (await readers.feedparser(xml)).entries;
    const photo = seed.media[0]!;
    expect(item!.media_content).toEqual([
      {
        url: `${BASE}kerry-on-the-run/photo.jpg`,
        medium: 'image',
        type: 'image/jpeg',
        filesize: '48213',
        width: '780',
        height: '520',
      },
    ]);
    expect(item!.media_credit).toEqual([
      { role: 'photographer', scheme: 'urn:ebu', content: photo.credit },
    ]);
    const media = child(
      child(child(await readers.etree(xml), 'channel'), 'item'),
      `${NS.media}content`,
    );
    expect(child(media, `${NS.media}description`).text).toBe(photo.caption);
    // Type and size are known, so the item gets an RSS enclosure too.
    expect(item!.links.filter((l: { rel: string }) => l.rel === 'enclosure')).toEqual([
      {
        href: `${BASE}kerry-on-the-run/photo.jpg`,
        length: '48213',
        type: 'image/jpeg',
        rel: 'enclosure',
      },
    ]);
  });
});

describe('toRss on a published story', () => {
  const xml = toRss(published, OPTIONS);

  it('links to the story’s own URL as a permanent guid, dated in RFC 822', async () => {
    const [item] = (await readers.feedparser(xml)).entries;
    expect(item!.link).toBe(published.url);
    expect(item!.id).toBe(published.url);
    expect(xml).toContain(`<guid isPermaLink="true">${published.url}</guid>`);
    expect(xml).toContain('<pubDate>Mon, 18 Jul 2016 06:30:00 -0400</pubDate>');
    expect(item!.published_parsed).toBe('2016-07-18T10:30:00Z');
  });

  it('names the bylined authors with dc:creator, never RSS <author> (which needs an e-mail)', async () => {
    const [item] = (await readers.feedparser(xml)).entries;
    expect(item!.authors).toEqual([{ name: 'Scott Peterson' }]);
    expect(xml).not.toMatch(/<author>/);
    expect(item!.tags.map((t: { term: string }) => t.term)).toEqual(['World', ...seed.keywords]);
  });

  it('leaves out media it has no URL for, and never guesses a length', () => {
    expect(xml).not.toContain('<media:');
    expect(xml).not.toContain('<enclosure');
    const known = toRss(published, { ...OPTIONS, media: () => ({ url: 'photo.jpg' }) });
    expect(known).toContain('<media:content url=');
    expect(known).not.toContain('length=');
    expect(known).not.toContain('fileSize=');
  });

  it('describes several media items, each with only what is known of its file', async () => {
    const withMedia = {
      ...published,
      media: [
        {
          id: 'a',
          kind: 'image',
          url: 'https://img.example/a.webp',
          credit: 'A/AP',
          caption: 'First',
        },
        { id: 'b', kind: 'video', url: 'https://img.example/b', credit: 'B/Reuters' },
        { id: 'c', kind: 'image', path: 'c.png', caption: 'No URL' },
      ],
    } as const satisfies Story;
    const sizes: Record<string, number> = { a: 1200, b: 99_000 };
    const xml = toRss(withMedia, { ...OPTIONS, media: (m) => ({ size: sizes[m.id] }) });
    const [item] = (await expectCleanFeed(readers, xml, 'rss20')).entries;
    expect(item!.media_content).toEqual([
      { url: 'https://img.example/a.webp', medium: 'image', type: 'image/webp', filesize: '1200' },
      { url: 'https://img.example/b', medium: 'video', filesize: '99000' },
    ]);
    expect(item!.media_credit.map((c: { content: string }) => c.content)).toEqual([
      'A/AP',
      'B/Reuters',
    ]);
    // One enclosure, for the file whose type and length are both known.
    expect(xml.match(/<enclosure /g)).toHaveLength(1);
    expect(xml).toContain(
      '<enclosure url="https://img.example/a.webp" length="1200" type="image/webp"/>',
    );
    const { feed } = await readers.jsonFeed(
      toJsonFeed(withMedia, { ...OPTIONS, media: (m) => ({ size: sizes[m.id] }) }),
    );
    expect(feed.items[0].image).toBe('https://img.example/a.webp');
    expect(feed.items[0].attachments).toEqual([
      { url: 'https://img.example/a.webp', mime_type: 'image/webp', size_in_bytes: 1200 },
    ]);
  });

  it('uses an id from options.itemId as a guid that is not a permalink', async () => {
    const tagged = toRss(published, { ...OPTIONS, itemId: () => 'tag:news.example,2016:kerry' });
    expect(tagged).toContain('<guid isPermaLink="false">tag:news.example,2016:kerry</guid>');
    const [item] = (await readers.feedparser(tagged)).entries;
    expect(item!.id).toBe('tag:news.example,2016:kerry');
    expect(item!.link).toBe(published.url);
  });
});

describe('toRss on a collection', () => {
  const second = {
    ...published,
    id: 'second',
    url: 'https://news.example/second',
    headline: 'Second',
  };

  it('writes the stories in order, titled from options or from the publisher', async () => {
    const xml = toRss([published, second], { baseUrl: BASE });
    const parsed = await expectCleanFeed(readers, xml, 'rss20');
    expect(parsed.feed.title).toBe('The Christian Science Monitor');
    expect(parsed.entries.map((e) => e.title)).toEqual([published.headline, 'Second']);
    const titled = toRss(new Set([second]), { baseUrl: BASE, title: 'World news' });
    expect((await readers.feedparser(titled)).feed.title).toBe('World news');
  });

  it('needs a home page link, as RSS 2.0 requires one', () => {
    expect(() => toRss([published])).toThrow(FeedUrlError);
    expect(() => toRss([published])).toThrow(/options\.link or options\.baseUrl/);
    expect(() => toRss(seed, {})).toThrow(/story "kerry-on-the-run" has no url/);
  });
});

describe('the statements feed', () => {
  const xml = toRss(seed, { ...OPTIONS, items: 'statements' });

  it('has one item per statement: the quote as title, the speaker as author', async () => {
    const parsed = await expectCleanFeed(readers, xml, 'rss20');
    expect(parsed.entries).toHaveLength(seed.statements.length);
    for (const [i, s] of seed.statements.entries()) {
      const item = parsed.entries[i]!;
      expect(item.title).toBe(s.text);
      expect(item.link).toBe(`${BASE}kerry-on-the-run/#statement-${s.id}`);
      expect(item.id).toBe(item.link);
      const speaker = seed.sources.find((src) => src.id === s.speaker)!;
      expect(item.authors).toEqual([{ name: speaker.name }]);
      expect(item.summary.startsWith(sourceLabel(seed, speaker))).toBe(true);
      expect(item.content[0].value).toContain(s.text.replace(/&/g, '&amp;'));
    }
  });

  it('links each statement to those it disputes or supports', async () => {
    const parsed = await readers.feedparser(xml);
    const tapper = parsed.entries.find((e) => e.link.endsWith('#statement-tapper-not-sure'))!;
    expect(tapper.content[0].value).toContain(
      `disputes <a href="${BASE}kerry-on-the-run/#statement-kerry-on-the-run">John Kerry: on the run</a>`,
    );
  });
});

describe('RSS item parts', () => {
  it('leaves out what options.include turns off', async () => {
    const xml = toRss(seed, {
      ...PHOTO_OPTIONS,
      include: { content: false, media: false, authors: false, categories: false, summary: false },
    });
    const [item] = (await readers.feedparser(xml)).entries;
    expect(Object.keys(item!).sort()).toEqual(
      ['guidislink', 'id', 'link', 'links', 'title', 'title_detail'].sort(),
    );
  });

  it('writes channel copyright, ttl, image and generator as given', async () => {
    const xml = toRss(seed, {
      ...OPTIONS,
      copyright: '© 2016 The Christian Science Monitor',
      ttl: 60,
      image: { url: 'logo.png', width: 144, height: 40 },
      generator: 'newsroom 2',
    });
    const { feed } = await readers.feedparser(xml);
    expect(feed.rights).toBe('© 2016 The Christian Science Monitor');
    expect(feed.ttl).toBe('60');
    expect(feed.generator).toBe('newsroom 2');
    expect(feed.image).toMatchObject({ href: `${BASE}logo.png`, title: seed.headline, link: BASE });
    const channel = child(await readers.etree(xml), 'channel');
    expect(children(channel, 'image')[0]!.children.map((c) => c.tag)).toEqual([
      'url',
      'title',
      'link',
      'width',
      'height',
    ]);
  });
});
