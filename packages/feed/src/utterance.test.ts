/**
 * A quotation the writer broke with its attribution (`“A,” she said, “B.”`) is one utterance: one
 * item of the statements feed, named by its first piece, in RSS, Atom and JSON Feed alike; in a
 * story's body every piece is marked as part of it.
 */
import { type Story, validateStory } from '@storykit/core';
import { toAtom, toJsonFeed, toRss } from '@storykit/feed';
import { beforeAll, describe, expect, it } from 'vitest';
import { children, expectCleanFeed, NS, type Parsed, useReaders } from '../test/readers.js';
import { splitQuotesStory } from '../test/story.js';

const readers = useReaders();
const story: Story = splitQuotesStory();
const OPTIONS = { updated: '2026-03-02', items: 'statements' } as const;
const LINK = 'https://news.example/sunday-library';

const HOLT = 'The library will open on Sundays, starting in March.';
const BRANDT = 'We were never asked, and nobody has paid for it.';

/** The HTML of each Atom entry's content, as written (Python's expat reads it). */
async function contents(xml: string): Promise<string[]> {
  const feed = await readers.etree(xml);
  return children(feed, `${NS.atom}entry`).map(
    (entry) => children(entry, `${NS.atom}content`)[0]?.text ?? '',
  );
}

let rss: Parsed;
let atom: Parsed;

beforeAll(async () => {
  expect(validateStory(story)).toEqual([]);
  rss = await expectCleanFeed(readers, toRss(story, OPTIONS), 'rss20');
  atom = await expectCleanFeed(readers, toAtom(story, OPTIONS), 'atom10');
});

describe('the statements feed of a story with quotations in pieces', () => {
  it('has one item per utterance, its pieces joined, its id the first piece’s, in RSS and Atom', () => {
    for (const parsed of [rss, atom]) {
      expect(parsed.entries.map((e) => [e.title, e.id, e.link])).toEqual([
        [HOLT, `${LINK}#statement-h1`, `${LINK}#statement-h1`],
        [BRANDT, `${LINK}#statement-b1`, `${LINK}#statement-b1`],
      ]);
    }
  });

  it('takes the summary and the category from the pieces that have them', () => {
    for (const parsed of [rss, atom]) {
      const [holt] = parsed.entries;
      expect(holt?.summary).toBe('Dana Holt, city librarian — said, the town meeting');
      expect(holt?.tags.map((t: { term: string }) => t.term)).toEqual(['opening hours']);
      expect(holt?.authors).toEqual([{ name: 'Dana Holt' }]);
    }
  });

  it('quotes every piece in its paragraph and lists a relation to a later piece once, against the whole', async () => {
    // As written: feedparser's sanitizer drops ids and data attributes.
    const [holt, brandt] = await contents(toAtom(story, OPTIONS));
    expect(holt).toContain(`<mark id="statement-h1"`);
    expect(holt).toContain(`<mark id="statement-h2"`);
    expect(holt?.match(/<li>/g)).toHaveLength(1);
    expect(holt).toContain(
      `<li>disputed by <a href="${LINK}#statement-b1">Eli Brandt: ${BRANDT}</a></li>`,
    );
    expect(brandt).toContain(
      `<li>disputes <a href="${LINK}#statement-h1">Dana Holt: ${HOLT}</a></li>`,
    );
    expect(`${holt}${brandt}`).not.toMatch(/continue/);
  });

  it('makes the same items in JSON Feed', async () => {
    const { errors, feed } = await readers.jsonFeed(toJsonFeed(story, OPTIONS));
    expect(errors).toEqual([]);
    expect(feed.items.map((i: { id: string; title: string }) => [i.id, i.title])).toEqual([
      [`${LINK}#statement-h1`, HOLT],
      [`${LINK}#statement-b1`, BRANDT],
    ]);
    expect(feed.items[0].tags).toEqual(['opening hours']);
  });

  it('gives the same text every time', () => {
    const again = splitQuotesStory();
    expect(toRss(again, OPTIONS)).toBe(toRss(story, OPTIONS));
    expect(toAtom(again, OPTIONS)).toBe(toAtom(story, OPTIONS));
    expect(toJsonFeed(again, OPTIONS)).toBe(toJsonFeed(story, OPTIONS));
  });
});

describe('a story item whose body holds quotations in pieces', () => {
  it('marks every piece where the article says it, each naming its utterance’s first piece', async () => {
    const xml = toAtom(story, { updated: '2026-03-02' });
    const parsed = await expectCleanFeed(readers, xml, 'atom10');
    expect(parsed.entries).toHaveLength(1);
    const [html = ''] = await contents(xml);
    // The article's text stays as it is.
    for (const block of story.body)
      expect(html.replace(/<[^>]+>/g, '')).toContain(block.text.replace(/&/g, '&amp;'));
    const marks = [
      ...html.matchAll(/<(mark|span) id="statement-(\w+)"[^>]*data-utterance="statement-(\w+)"/g),
    ].map((m) => [m[2], m[1], m[3]]);
    // Brandt answers Holt's later piece: both quotations are weighed, every piece of each.
    expect(marks).toEqual([
      ['h1', 'mark', 'h1'],
      ['h2', 'mark', 'h1'],
      ['b1', 'mark', 'b1'],
      ['b2', 'mark', 'b1'],
    ]);
  });

  it('leaves a statement said in one go as it was', async () => {
    const [first, second] = story.statements;
    const single = {
      ...story,
      statements: [first, second].filter((s) => s !== undefined),
      relations: [],
    } as Story;
    const [content = ''] = await contents(toAtom(single, { updated: '2026-03-02' }));
    expect(content).not.toContain('data-utterance');
    expect(content).toContain('<span id="statement-h1"');
  });
});
