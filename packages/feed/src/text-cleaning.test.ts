/**
 * Removing the characters XML forbids never makes a character the story did not have: the halves
 * of a surrogate pair on either side of a removed control stay apart (both are lone, both go).
 */
import { toAtom, toJsonFeed, toRss } from '@storykit/feed';
import { describe, expect, it } from 'vitest';
import { child, NS, textContent, useReaders } from '../test/readers.js';
import { makeStory } from '../test/story.js';

const readers = useReaders();
const JOINABLE = 'a\uD800\u0000\uDC00b';
const story = makeStory({
  headline: JOINABLE,
  dek: JOINABLE,
  body: [JOINABLE],
  keyword: JOINABLE,
  source: JOINABLE,
  caption: JOINABLE,
  credit: JOINABLE,
});
const options = { baseUrl: 'https://news.example/', updated: '2016-07-18' };

describe('a lone surrogate pair around a NUL', () => {
  it('comes out of RSS and Atom as the letters around it, not as U+10000', async () => {
    for (const xml of [toRss(story, options), toAtom(story, options)]) {
      expect(xml).not.toContain('\u{10000}');
      const root = await readers.etree(xml);
      const atom = root.tag === `${NS.atom}feed`;
      const item = atom ? child(root, `${NS.atom}entry`) : child(child(root, 'channel'), 'item');
      expect(textContent(child(item, atom ? `${NS.atom}title` : 'title'))).toBe('ab');
    }
  });

  it('comes out of the JSON Feed the same way', async () => {
    const text = toJsonFeed(story, options);
    expect(text).not.toContain('\u{10000}');
    expect(text).not.toMatch(/\\ud800|\\udc00/i);
    const { errors, feed } = await readers.jsonFeed(text);
    expect(errors).toEqual([]);
    expect(feed.items[0].title).toBe('ab');
    expect(feed.items[0].tags).toEqual(['ab']);
  });
});
