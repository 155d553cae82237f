import {
  DEFAULT_MAX_BYTES,
  isStoryValidationError,
  parseStory,
  type StoryIssue,
} from '@storykit/core';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readArticle, storyFile } from '../test/story-builder.js';

/** The issues parsing `text` gives, or [] when it parses. */
function issuesOf(text: string, maxBytes?: number): StoryIssue[] {
  try {
    parseStory(text, maxBytes === undefined ? readArticle : { ...readArticle, maxBytes });
    return [];
  } catch (error) {
    if (!isStoryValidationError(error)) throw error;
    return [...error.issues];
  }
}

/** The valid test story as YAML, with `extra` appended (top-level fields). */
const yamlWith = (extra: string): string => `${stringify(storyFile())}${extra}`;

describe('YAML aliases are limited by the size they expand to', () => {
  it('refuses a 1 MB text repeated 98 times, naming the file', () => {
    const big = 'x'.repeat(1_000_000);
    const text = yamlWith(
      `section: &big ${big}\nkeywords:\n${Array.from({ length: 98 }, () => '  - *big\n').join('')}`,
    );
    expect(text.length).toBeLessThan(1_100_000);
    const issues = issuesOf(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'story.yaml', path: '' });
    expect(issues[0]?.message).toMatch(
      new RegExp(
        `^YAML aliases expand the story to \\d+ bytes, over the limit of ${DEFAULT_MAX_BYTES} \\(maxBytes\\); expected aliases that repeat short values$`,
      ),
    );
    const bytes = Number(/expand the story to (\d+)/.exec(issues[0]?.message ?? '')?.[1]);
    expect(bytes).toBeGreaterThan(99_000_000);
  });

  it('refuses nested aliases (a billion laughs) without expanding them', () => {
    let text = 'a0: &a0 "lol"\n';
    for (let i = 1; i <= 9; i++)
      text += `a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
    const issues = issuesOf(`${text}${stringify(storyFile())}`);
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^YAML aliases expand the story to \d{10,} bytes, over the limit/),
    ]);
  });

  it('accepts a short id repeated 500 times, which counting aliases would refuse', () => {
    const text = yamlWith(
      `keywords:\n  - &kw budget\n${Array.from({ length: 500 }, () => '  - *kw\n').join('')}`,
    );
    expect(parseStory(text, readArticle).keywords).toHaveLength(501);
  });

  it('takes the limit from maxBytes', () => {
    const text = yamlWith(
      `section: &s ${'y'.repeat(1000)}\nkeywords: [${Array.from({ length: 10 }, () => '*s').join(', ')}]\n`,
    );
    expect(issuesOf(text)).toEqual([]);
    expect(issuesOf(text, 8000)[0]?.message).toMatch(/over the limit of 8000 \(maxBytes\)/);
    expect(issuesOf(text, 100)[0]?.message).toMatch(
      /^the story is \d+ bytes, over the limit of 100/,
    );
  });

  it('names an alias without its anchor, and one inside the node it repeats, with the line', () => {
    const text = yamlWith('section: *nowhere\n');
    const line = text.split('\n').findIndex((l) => l.startsWith('section:')) + 1;
    expect(issuesOf(text)).toEqual([
      {
        file: 'story.yaml',
        line,
        path: '',
        message:
          'YAML alias *nowhere has no anchor &nowhere before it; expected the anchor to come first',
      },
    ]);
    expect(issuesOf(yamlWith('keywords: &k [a, *k]\n'))[0]?.message).toBe(
      'YAML alias *k lies inside the node it repeats, which would make the story contain itself',
    );
  });

  it('keeps a __proto__ key as data, reported as an unknown field', () => {
    const issues = issuesOf(yamlWith('__proto__: { polluted: true }\n'));
    expect(issues.map((i) => i.message)).toEqual(['unknown field "__proto__"']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('runs no custom tags: their values stay text', () => {
    const text = yamlWith('section: !!js/function "function () { return 1 }"\n');
    expect(parseStory(text, readArticle).section).toBe('function () { return 1 }');
  });
});
