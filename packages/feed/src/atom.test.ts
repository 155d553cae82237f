import { FeedDateError, FeedOptionsError, FeedUrlError, toAtom } from '@storykit/feed';
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

describe('toAtom on the seed story', () => {
  const xml = toAtom(seed, PHOTO_OPTIONS);

  it('is well-formed XML and a bozo-free Atom 1.0 feed to feedparser', async () => {
    await expectCleanFeed(readers, xml, 'atom10');
  });

  it('has the feed-level elements RFC 4287 requires: id, title, updated, and a self link', async () => {
    const { feed } = await readers.feedparser(xml);
    expect(feed.id).toBe(`${BASE}atom.xml`);
    expect(feed.title).toBe(seed.headline);
    expect(feed.subtitle).toBe(seed.dek);
    expect(feed.language).toBe('en');
    expect(feed.updated_parsed).toBe('2016-07-18T00:00:00Z');
    expect(feed.links).toEqual([
      { rel: 'alternate', type: 'text/html', href: BASE },
      { rel: 'self', type: 'application/atom+xml', href: `${BASE}atom.xml` },
    ]);
  });

  it('dates the undated story’s entry with options.updated and credits its publisher', async () => {
    const [entry] = (await readers.feedparser(xml)).entries;
    expect(entry!.title).toBe(seed.headline);
    expect(entry!.id).toBe(`${BASE}kerry-on-the-run/`);
    expect(entry!.link).toBe(`${BASE}kerry-on-the-run/`);
    expect(entry!.updated_parsed).toBe('2016-07-18T00:00:00Z');
    expect(entry!.published).toBeUndefined();
    expect(entry!.authors).toEqual([{ name: 'The Christian Science Monitor' }]);
    expect(entry!.summary).toBe(seed.dek);
    expect(entry!.summary_detail.type).toBe('text/plain');
    expect(htmlToText(entry!.content[0].value).endsWith(bodyText(seed))).toBe(true);
    expect(entry!.media_credit).toEqual([
      { role: 'photographer', scheme: 'urn:ebu', content: seed.media[0]!.credit },
    ]);
  });

  it('fails with FeedDateError when neither the story nor the options give a date', () => {
    expect(() => toAtom(seed, { baseUrl: BASE })).toThrow(FeedDateError);
    expect(() => toAtom(seed, { baseUrl: BASE })).toThrow(
      /story "kerry-on-the-run" has no date .*RFC 4287 §4\.1\.2.*options\.updated/,
    );
    expect(() => toAtom([], { baseUrl: BASE, title: 'Empty' })).toThrow(FeedDateError);
  });

  it('fails with FeedDateError for a year or a month alone, which is not an instant', () => {
    expect(() => toAtom({ ...seed, published: '2016-07' }, { baseUrl: BASE })).toThrow(
      FeedDateError,
    );
    expect(() => toAtom(seed, { baseUrl: BASE, updated: '2016' })).toThrow(
      /options\.updated is "2016"; it must name at least a day/,
    );
    expect(() => toAtom(seed, { baseUrl: BASE, updated: '2016-02-30' })).toThrow(
      /not a date in the calendar/,
    );
  });

  it('needs an id: fails with FeedUrlError without any URL', () => {
    expect(() => toAtom(published, { updated: '2016-07-18' })).not.toThrow();
    expect(() => toAtom([published], { title: 'x' })).toThrow(FeedUrlError);
  });
});

describe('toAtom on a published story', () => {
  const xml = toAtom(published, OPTIONS);

  it('keeps the story’s dates and offset, in RFC 3339', async () => {
    const entry = child(await readers.etree(xml), `${NS.atom}entry`);
    expect(child(entry, `${NS.atom}published`).text).toBe('2016-07-18T06:30:00-04:00');
    expect(child(entry, `${NS.atom}updated`).text).toBe('2016-07-18T11:05:00Z');
    const [parsed] = (await readers.feedparser(xml)).entries;
    expect(parsed!.published_parsed).toBe('2016-07-18T10:30:00Z');
    expect(parsed!.updated_parsed).toBe('2016-07-18T11:05:00Z');
    expect(parsed!.authors).toEqual([{ name: 'Scott Peterson' }]);
  });

  it('takes the feed’s updated date from the latest entry when options give none', async () => {
    const older = {
      ...published,
      id: 'older',
      url: 'https://news.example/older',
      modified: '2016-07-01',
    };
    const feed = await readers.etree(toAtom([older, published], { baseUrl: BASE }));
    expect(child(feed, `${NS.atom}updated`).text).toBe('2016-07-18T11:05:00Z');
  });

  it('gives a statement’s entry its speaker as author, with the source’s web identity', async () => {
    const xml = toAtom(seed, { ...OPTIONS, items: 'statements' });
    const parsed = await expectCleanFeed(readers, xml, 'atom10');
    const entry = parsed.entries.find((e) => e.id.endsWith('#statement-kerry-on-the-run'))!;
    expect(entry.title).toBe('on the run');
    expect(entry.authors).toEqual([
      { name: 'John Kerry', href: 'https://www.wikidata.org/wiki/Q22316' },
    ]);
    expect(entry.tags).toEqual([
      { term: 'the state of the Islamic State', scheme: null, label: null },
    ]);
  });

  it('requires an author for entries with neither byline nor publisher, as RFC 4287 does', async () => {
    const { publisher: _, ...unpublished } = published;
    const anonymous = { ...unpublished, authors: [] };
    expect(() => toAtom(anonymous, OPTIONS)).toThrow(FeedOptionsError);
    const xml = toAtom(anonymous, {
      ...OPTIONS,
      author: { name: 'Newsroom', email: 'desk@news.example' },
    });
    const parsed = await expectCleanFeed(readers, xml, 'atom10');
    expect(parsed.feed.author_detail).toEqual({ name: 'Newsroom', email: 'desk@news.example' });
    expect(
      children(await readers.etree(xml), `${NS.atom}entry`)[0]!.children.map((c) => c.tag),
    ).not.toContain(`${NS.atom}author`);
  });

  it('marks an entry in another language than the feed with xml:lang', async () => {
    const french = { ...published, id: 'fr', url: 'https://news.example/fr', language: 'fr' };
    const parsed = await readers.feedparser(
      toAtom([published, french], { ...OPTIONS, title: 'x' }),
    );
    expect(parsed.entries.map((e) => e.title_detail.language)).toEqual(['en', 'fr']);
  });
});
