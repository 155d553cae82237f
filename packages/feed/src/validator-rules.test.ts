/**
 * The W3C Feed Validation Service's rules that a generator can break, one test each, checked
 * with xmllint, feedparser and Python's expat rather than with our own code.
 */
import {
  FeedDuplicateIdError,
  FeedOptionsError,
  FeedUrlError,
  toAtom,
  toJsonFeed,
  toRss,
} from '@storykit/feed';
import { describe, expect, it } from 'vitest';
import {
  child,
  children,
  expectCleanFeed,
  NS,
  useReaders,
  type XmlElement,
} from '../test/readers.js';
import { BASE, OPTIONS, published, seed } from '../test/seed.js';
import { makeStory } from '../test/story.js';

const readers = useReaders();

/** Every element below `el`, `el` included. */
function all(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(all)];
}

describe('dates: RFC 822 with a four-digit year (RSS), RFC 3339 (Atom, JSON Feed)', () => {
  const RFC822 =
    /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
  const cases = [
    // [model date, RSS pubDate, what feedparser reads as UTC]
    ['2016-07-17', 'Sun, 17 Jul 2016 00:00:00 GMT', '2016-07-17T00:00:00Z'],
    ['2016-07-18T00:30:00+05:30', 'Mon, 18 Jul 2016 00:30:00 +0530', '2016-07-17T19:00:00Z'],
    ['2016-07-17T23:59:59.250-04:00', 'Sun, 17 Jul 2016 23:59:59 -0400', '2016-07-18T03:59:59Z'],
    ['2000-02-29T12:00Z', 'Tue, 29 Feb 2000 12:00:00 GMT', '2000-02-29T12:00:00Z'],
    ['1999-12-31T23:00:00Z', 'Fri, 31 Dec 1999 23:00:00 GMT', '1999-12-31T23:00:00Z'],
  ] as const;

  it.each(cases)('writes %s as %s', async (date, rfc822, utc) => {
    const xml = toRss({ ...published, published: date }, OPTIONS);
    const pubDate = child(child(child(await readers.etree(xml), 'channel'), 'item'), 'pubDate');
    expect(pubDate.text).toBe(rfc822);
    expect(pubDate.text).toMatch(RFC822);
    const [item] = (await expectCleanFeed(readers, xml, 'rss20')).entries;
    expect(item!.published_parsed).toBe(utc);
    const [entry] = (
      await expectCleanFeed(
        readers,
        toAtom({ ...published, published: date, modified: date }, OPTIONS),
        'atom10',
      )
    ).entries;
    expect(entry!.published_parsed).toBe(utc);
  });

  it('writes the channel’s lastBuildDate the same way', async () => {
    const channel = child(await readers.etree(toRss(seed, OPTIONS)), 'channel');
    expect(child(channel, 'lastBuildDate').text).toBe('Mon, 18 Jul 2016 00:00:00 GMT');
  });
});

describe('links: absolute, and only http(s)', () => {
  // Elements whose text is a link (RSS has no namespace), and attributes that hold one.
  const LINK_TAGS = new Set([
    'link',
    'url',
    'guid',
    'docs',
    `${NS.atom}id`,
    `${NS.atom}logo`,
    `${NS.atom}uri`,
  ]);

  it('makes every link of all three feeds absolute, body and photo included', async () => {
    const options = {
      ...OPTIONS,
      itemUrl: () => 'stories/kerry',
      media: () => ({ url: 'photo.jpg' }),
      image: 'logo.png',
    };
    for (const xml of [toRss(seed, options), toAtom(seed, options)]) {
      const links = all(await readers.etree(xml)).flatMap((el) => [
        ...(LINK_TAGS.has(el.tag) ? [el.text] : []),
        ...['href', 'url', 'src'].flatMap((a) => (el.attrs[a] ? [el.attrs[a]] : [])),
        ...[...el.text.matchAll(/(?:href|src|cite)="([^"]*)"/g)].map((m) => m[1] as string),
      ]);
      expect(links.length).toBeGreaterThan(5);
      for (const link of links)
        expect(link).toMatch(/^https:\/\/(news\.example|www\.rssboard\.org)\//);
    }
    const { feed, errors } = await readers.jsonFeed(toJsonFeed(seed, options));
    expect(errors).toEqual([]);
    expect(feed.items[0].url).toBe(`${BASE}stories/kerry`);
  });

  it('refuses a relative link it cannot resolve, and any scheme but http and https', () => {
    expect(() => toRss(seed, { link: 'https://news.example/', itemUrl: () => 'kerry' })).toThrow(
      FeedUrlError,
    );
    expect(() => toRss(seed, { ...OPTIONS, itemUrl: () => 'javascript:alert(1)' })).toThrow(
      /is not an http: or https: URL/,
    );
    expect(() => toRss(seed, { ...OPTIONS, feedUrl: 'data:text/plain,x' })).toThrow(FeedUrlError);
  });
});

describe('guid: unique in the feed, isPermaLink true only for a link', () => {
  it('rejects two items with the same id', () => {
    expect(() => toRss([published, published], OPTIONS)).toThrow(FeedDuplicateIdError);
    expect(() => toRss([published, published], OPTIONS)).toThrow(
      /story "kerry-on-the-run" has the id/,
    );
    expect(toRss([published, published], { ...OPTIONS, uniqueIds: false })).toContain('<item>');
  });

  it('gives every statement its own guid', async () => {
    const xml = toRss(seed, { ...OPTIONS, items: 'statements' });
    const items = children(child(await readers.etree(xml), 'channel'), 'item');
    const guids = items.map((item) => child(item, 'guid'));
    expect(new Set(guids.map((g) => g.text)).size).toBe(seed.statements.length);
    for (const g of guids) expect(g.attrs.isPermaLink).toBe('true');
  });
});

describe('self link', () => {
  it('is present in RSS and Atom whenever the feed URL is known', async () => {
    const rss = child(await readers.etree(toRss(seed, OPTIONS)), 'channel');
    expect(children(rss, `${NS.atom}link`).map((l) => l.attrs)).toEqual([
      { href: `${BASE}rss.xml`, rel: 'self', type: 'application/rss+xml' },
    ]);
    const atom = await readers.etree(
      toAtom(seed, { ...OPTIONS, feedUrl: 'https://feeds.example/k' }),
    );
    expect(children(atom, `${NS.atom}link`).find((l) => l.attrs.rel === 'self')?.attrs.href).toBe(
      'https://feeds.example/k',
    );
  });
});

describe('text: no character XML 1.0 forbids, and markup characters escaped', () => {
  // Every C0 control but tab, LF and CR; U+FFFE, U+FFFF; a lone high and a lone low surrogate.
  const forbidden = [
    ...Array.from({ length: 32 }, (_, c) => c).filter((c) => c !== 9 && c !== 10 && c !== 13),
    0xfffe,
    0xffff,
  ]
    .map((c) => String.fromCharCode(c))
    .join('');
  const dirty = `Ke${forbidden}rry \uD800says \uDC00“on${'\u0000'}the run” 😀`;
  const clean = 'Kerry says “onthe run” 😀';

  it('removes them from every field rather than escaping them', async () => {
    const story = makeStory({
      headline: dirty,
      dek: dirty,
      body: [dirty],
      keyword: dirty,
      source: dirty,
      credit: dirty,
      caption: dirty,
    });
    for (const xml of [toRss(story, OPTIONS), toAtom(story, OPTIONS)]) {
      expect(xml).not.toMatch(
        /&#(x0*[0-8bcef]|x0*1[0-9a-f]|0*[0-8]|0*1[1-2]|0*1[4-9]|0*2[0-9]|0*3[01]);/i,
      );
      const parsed = await expectCleanFeed(readers, xml, xml.includes('<rss') ? 'rss20' : 'atom10');
      const [item] = parsed.entries;
      expect(item!.title).toBe(clean);
      expect(item!.summary).toBe(clean);
      expect(item!.author).toBe(clean);
      expect(item!.tags[0].term).toBe(clean);
      expect(item!.media_credit[0].content).toBe(clean);
      expect(item!.content[0].value).toContain(clean);
    }
    const { feed, errors } = await readers.jsonFeed(toJsonFeed(story, OPTIONS));
    expect(errors).toEqual([]);
    expect(feed.items[0].title).toBe(clean);
    expect(feed.items[0].authors[0].name).toBe(clean);
  });

  const tricky = 'Q&A: 1 < 2 > 0, "quoted" \'single\', ]]> and ]]]]><![CDATA[ &amp; &#38;';

  it('keeps ]]>, &, < and quotes in any text exactly as written', async () => {
    const story = makeStory({
      headline: tricky,
      dek: tricky,
      body: [tricky, `<script>alert(1)</script>${tricky}`],
      keyword: tricky,
      source: tricky,
      credit: tricky,
      caption: tricky,
    });
    for (const xml of [toRss(story, OPTIONS), toAtom(story, OPTIONS)]) {
      const rss = xml.includes('<rss');
      await expectCleanFeed(readers, xml, rss ? 'rss20' : 'atom10');
      // expat gives back exactly what was written.
      const root = await readers.etree(xml);
      const item = rss ? child(child(root, 'channel'), 'item') : child(root, `${NS.atom}entry`);
      const ns = rss ? '' : NS.atom;
      expect(child(item, `${ns}title`).text).toBe(tricky);
      const credit = child(child(item, `${NS.media}content`), `${NS.media}credit`);
      expect(credit.text).toBe(tricky);
      const content = child(item, rss ? `${NS.content}encoded` : `${NS.atom}content`).text;
      // The body is HTML, escaped once as HTML: no script element, the text as written.
      expect(content).not.toContain('<script>');
      expect(content).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(content).toContain(
        "Q&amp;A: 1 &lt; 2 &gt; 0, &quot;quoted&quot; 'single', ]]&gt; and ]]]]&gt;&lt;![CDATA[ &amp;amp; &amp;#38;",
      );
      if (rss) {
        // RSS descriptions are HTML: the plain dek is escaped as HTML inside the XML escaping.
        expect(child(item, 'description').text).toBe(
          "Q&amp;A: 1 &lt; 2 &gt; 0, &quot;quoted&quot; 'single', ]]&gt; and ]]]]&gt;&lt;![CDATA[ &amp;amp; &amp;#38;",
        );
        expect(child(item, 'category').text).toBe(tricky);
      } else {
        expect(child(item, `${NS.atom}summary`).text).toBe(tricky);
        expect(child(item, `${NS.atom}category`).attrs.term).toBe(tricky);
      }
    }
  });

  it('reads back through feedparser with the text as written', async () => {
    const story = makeStory({ headline: 'Q&A: 1 < 2 ]]> 3', dek: 'Tom & Jerry <3' });
    const [rss] = (await readers.feedparser(toRss(story, OPTIONS))).entries;
    expect(rss!.title).toBe('Q&A: 1 < 2 ]]> 3');
    const [atom] = (await readers.feedparser(toAtom(story, OPTIONS))).entries;
    expect(atom!.title).toBe('Q&A: 1 < 2 ]]> 3');
    expect(atom!.summary).toBe('Tom & Jerry <3');
  });
});

describe('channel rules', () => {
  it('keeps the RSS image within 144×400 pixels and ttl a whole number', () => {
    expect(() => toRss(seed, { ...OPTIONS, image: { url: 'logo.png', width: 145 } })).toThrow(
      FeedOptionsError,
    );
    expect(() => toRss(seed, { ...OPTIONS, image: { url: 'logo.png', height: 401 } })).toThrow(
      /1 to 400/,
    );
    expect(() => toRss(seed, { ...OPTIONS, ttl: 1.5 })).toThrow(/whole number of minutes/);
  });
});
