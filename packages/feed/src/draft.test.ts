/** A draft (`draft: true`) says so at the top of every item's content, in all three formats. */
import { toAtom, toJsonFeed, toRss } from '@storykit/feed';
import { describe, expect, it } from 'vitest';
import { expectCleanFeed, useReaders } from '../test/readers.js';
import { htmlToText, OPTIONS, seed } from '../test/seed.js';

const readers = useReaders();
const draft = { ...seed, draft: true };
const NOTICE =
  'Unreviewed draft — not yet checked by an editor: verify every statement, speaker and figure against the article before use.';

describe('a draft in the feeds', () => {
  it('opens the RSS and Atom content with the notice, as feedparser reads it', async () => {
    const rss = await expectCleanFeed(readers, toRss(draft, OPTIONS), 'rss20');
    const atom = await expectCleanFeed(readers, toAtom(draft, OPTIONS), 'atom10');
    for (const entry of [rss.entries[0], atom.entries[0]]) {
      expect(htmlToText(entry!.content[0].value).startsWith(NOTICE)).toBe(true);
    }
  });

  it('opens the JSON Feed content_html with the notice', async () => {
    const { errors, feed } = await readers.jsonFeed(toJsonFeed(draft, OPTIONS));
    expect(errors).toEqual([]);
    expect(htmlToText(feed.items[0].content_html).startsWith(NOTICE)).toBe(true);
  });

  it('marks each statement item of a draft too, and nothing of a reviewed story', async () => {
    const statements = await readers.feedparser(toRss(draft, { ...OPTIONS, items: 'statements' }));
    expect(statements.entries).toHaveLength(seed.statements.length);
    for (const entry of statements.entries)
      expect(htmlToText(entry.content[0].value).startsWith(NOTICE)).toBe(true);
    const reviewed = await readers.feedparser(toRss(seed, OPTIONS));
    expect(htmlToText(reviewed.entries[0]!.content[0].value)).not.toContain('Unreviewed draft');
  });
});
