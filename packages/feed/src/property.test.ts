/**
 * Any Unicode in any text field gives feeds that xmllint and feedparser read without complaint,
 * with the text preserved once the characters XML 1.0 forbids are gone. One Python process
 * answers every run, so 25 runs take about a second.
 */
import { toAtom, toJsonFeed, toRss } from '@storykit/feed';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../core/test/property-runs.js';
import {
  child,
  children,
  expectCleanFeed,
  NS,
  textContent,
  useReaders,
  type XmlElement,
} from '../test/readers.js';
import { makeStory } from '../test/story.js';

const readers = useReaders();

/** Pieces that break naive feeds, among arbitrary code points (astral ones included). */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u000B',
      '\u001F',
      '\uD800',
      '\uDC00',
      // Two lone halves around a character that is removed: they must not join.
      '\uD800\u0000\uDC00',
      '\uFFFE',
      '\uFFFF',
      '\r',
      '\t',
      '\n',
      '&',
      '<',
      '>',
      ']]>',
      '"',
      "'",
      '&amp;',
      '<b>',
      '\u0085',
      '😀',
    ),
  },
);
const text = fc.string({ unit: piece, minLength: 1, maxLength: 24 });

/**
 * The text a reader must get back: the input less what XML 1.0 §2.2 production [2] `Char` does
 * not allow, written out here from the spec rather than taken from the package.
 */
function clean(value: string): string {
  let out = '';
  for (const ch of value) {
    // Iterating by code point: a lone surrogate comes out as itself, and is not a Char.
    const c = ch.codePointAt(0)!;
    if (
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      (c >= 0x10000 && c <= 0x10ffff)
    ) {
      out += ch;
    }
  }
  return out;
}

/** HTML and XML parsers read CR LF and a lone CR as LF (XML 1.0 §2.11, HTML "normalize newlines"). */
const newlines = (value: string) => value.replace(/\r\n?/g, '\n');

const escapeHtml = (value: string) =>
  value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const texts = fc.record({
  headline: text,
  dek: text,
  body: fc.array(text, { minLength: 1, maxLength: 3 }),
  keyword: text,
  source: text,
  caption: text,
  credit: text,
  copyright: text,
  cut: fc.tuple(fc.nat(), fc.nat()),
});

describe('arbitrary Unicode in every text field', () => {
  it('gives RSS, Atom and JSON feeds that read back with the text preserved', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (t) => {
        const first = t.body[0]!;
        // A span never cuts a surrogate pair (core refuses one that does): step back off it.
        const outsidePair = (at: number) =>
          /[\uDC00-\uDFFF]/.test(first[at] ?? '') && /[\uD800-\uDBFF]/.test(first[at - 1] ?? '')
            ? at - 1
            : at;
        const a = outsidePair(t.cut[0] % (first.length + 1));
        const b = outsidePair(t.cut[1] % (first.length + 1));
        const story = makeStory({ ...t, statement: [Math.min(a, b), Math.max(a, b)] });
        const options = {
          baseUrl: 'https://news.example/',
          updated: '2016-07-18',
          copyright: t.copyright,
        };

        for (const format of ['rss', 'atom'] as const) {
          const xml = format === 'rss' ? toRss(story, options) : toAtom(story, options);
          const parsed = await expectCleanFeed(readers, xml, format === 'rss' ? 'rss20' : 'atom10');
          expect(parsed.entries).toHaveLength(1);

          // expat: every text exactly as given, less the forbidden characters.
          const root = await readers.etree(xml);
          const ns = format === 'rss' ? '' : NS.atom;
          const feed = format === 'rss' ? child(root, 'channel') : root;
          const item = child(feed, format === 'rss' ? 'item' : `${NS.atom}entry`);
          expect(child(item, `${ns}title`).text).toBe(clean(t.headline));
          expect(child(feed, format === 'rss' ? 'copyright' : `${NS.atom}rights`).text).toBe(
            clean(t.copyright),
          );
          const media = child(item, `${NS.media}content`);
          expect(child(media, `${NS.media}credit`).text).toBe(clean(t.credit));
          expect(child(media, `${NS.media}description`).text).toBe(clean(t.caption));
          if (format === 'rss') {
            expect(child(item, 'description').text).toBe(escapeHtml(clean(t.dek)));
            expect(child(item, `${NS.dc}creator`).text).toBe(clean(t.source));
            expect(child(item, 'category').text).toBe(clean(t.keyword));
          } else {
            expect(child(item, `${NS.atom}summary`).text).toBe(clean(t.dek));
            const author = child(item, `${NS.atom}author`);
            expect(child(author, `${NS.atom}name`).text).toBe(clean(t.source));
            expect(child(item, `${NS.atom}category`).attrs.term).toBe(clean(t.keyword));
          }

          // The body HTML is itself well-formed, and each paragraph reads as written.
          const html = child(
            item,
            format === 'rss' ? `${NS.content}encoded` : `${NS.atom}content`,
          ).text;
          const div: XmlElement = await readers.etree(`<div>${html}</div>`);
          expect(children(div, 'p').map(textContent)).toEqual(
            t.body.map((p) => newlines(clean(p))),
          );

          // feedparser reads what it reads from the same texts escaped by Python's own library.
          const reference = await readers.reference({
            format,
            title: clean(t.headline),
            author: clean(t.source),
            category: clean(t.keyword),
            summary: clean(t.dek),
          });
          expect(reference.bozo).toBe(0);
          const [entry] = parsed.entries;
          expect(entry!.title).toBe(reference.title);
          expect(entry!.author).toBe(reference.author);
          expect((entry!.tags ?? []).map((tag: { term: string }) => tag.term)).toEqual(
            reference.tags,
          );
          if (format === 'atom') expect(entry!.summary).toBe(reference.summary);
        }

        const { errors, feed } = await readers.jsonFeed(toJsonFeed(story, options));
        expect(errors).toEqual([]);
        const [item] = feed.items;
        expect(item.title).toBe(clean(t.headline));
        expect(item.summary).toBe(clean(t.dek));
        expect(item.authors).toEqual([{ name: clean(t.source) }]);
        expect(item.tags).toEqual([clean(t.keyword)]);
      }),
      propertyRuns(25),
    );
  });
});
