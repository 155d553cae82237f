import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromMarkdown } from '@storykit/extract';
import { describe, expect, it } from 'vitest';
import {
  boundMarkdown,
  MARKDOWN_INDENT_LIMIT,
  MARKDOWN_INLINE_MARK_LIMIT,
  MARKDOWN_NESTING_LIMIT,
} from '../src/lib/markdown-limits.js';

const FIXTURE = fileURLToPath(
  new URL('../../../fixtures/council-budget/article.md', import.meta.url),
);

const texts = async (markdown: string) =>
  (await fromMarkdown(`# Headline\n\n${markdown}`)).body.map((b) => [b.kind, b.text]);

describe('Markdown within the limits', () => {
  it('reaches the parser unchanged', () => {
    const real = [
      readFileSync(FIXTURE, 'utf8'),
      '- one\n  - two\n    - three\n      1. four\n         > five\n',
      '> > > Quoted *three* times, with [a link](https://example.com).\r\n',
      '```python\ndef f(*args, **kwargs):\n    return [a for a in args]  # __init__\n```\n',
      Array.from({ length: 300 }, (_, i) => `* item ${i} with *emphasis*`).join('\n'),
      `${'\t'.repeat(15)}deep text\n`,
    ];
    for (const markdown of real) expect(boundMarkdown(markdown)).toBe(markdown);
  });
});

describe('Markdown past the limits', () => {
  it('keeps the text of 5,000 nested block quotes in one quote block', async () => {
    expect(await texts(`${'> '.repeat(5000)}the quoted words`)).toEqual([
      ['quote', 'the quoted words'],
    ]);
    const bounded = boundMarkdown(`${'> '.repeat(5000)}x`);
    expect(bounded.split('>').length - 1).toBe(MARKDOWN_NESTING_LIMIT);
  });

  it('keeps every item of lists nested thousands deep, by markers or by indentation', async () => {
    expect(await texts(`${'- '.repeat(2500)}the item`)).toEqual([['paragraph', 'the item']]);
    const indented = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`);
    const blocks = await texts(indented.join('\n'));
    expect(blocks).toHaveLength(1000);
    expect(blocks.at(-1)).toEqual(['paragraph', 'item 999']);
    for (const line of boundMarkdown(indented.join('\n')).split('\n'))
      expect(line.search(/\S/)).toBeLessThanOrEqual(MARKDOWN_INDENT_LIMIT);
  });

  it('reads a paragraph with too many link and emphasis marks as plain text', async () => {
    const openers = '[a]('.repeat(10_000);
    expect(await texts(openers)).toEqual([['paragraph', openers]]);
    const marks = `A *b* ${'[c] '.repeat(MARKDOWN_INLINE_MARK_LIMIT)}`;
    expect((await texts(marks))[0]?.[1]).toBe(marks.trim());
    // Under the limit, emphasis is emphasis.
    expect((await texts('A *b* [c] d'))[0]?.[1]).toBe('A b [c] d');
  });
});
