import { isStoryValidationError } from '@storykit/core';
import {
  CONTROL_CHARACTER_LIMIT,
  CONTROL_CHARACTER_MINIMUM,
  extract,
  fromHtml,
  fromMarkdown,
  fromText,
  NotTextError,
} from '@storykit/extract';
import { describe, expect, it } from 'vitest';

/** Bytes that look like a binary file: every byte value in turn, in a scrambled order. */
const randomBytes = (n: number) =>
  new TextDecoder().decode(Uint8Array.from({ length: n }, (_, i) => (i * 7919 + 13) % 256));

const ARTICLE =
  'Port strike ends\n\nThe union said 300 workers would return on Monday, after a vote.';

describe('input that is not text', () => {
  it('is refused by every format with a NotTextError naming the file', async () => {
    const binary = randomBytes(20_000);
    for (const read of [fromText, fromMarkdown, fromHtml]) {
      const error = await read(binary, { file: 'photo.jpg' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotTextError);
      // Core's error type, so whatever prints core's errors prints this one as one line.
      expect(isStoryValidationError(error)).toBe(true);
      const issue = (error as NotTextError).issues[0];
      expect(issue?.file).toBe('photo.jpg');
      expect(issue?.message).toMatch(
        /^not text: \d+ of \d+ characters \(\d+\.\d%\) are NUL or control characters/,
      );
    }
  });

  it('refuses a UTF-16 file read as UTF-8: every other character is NUL', async () => {
    const utf16 = Buffer.from(ARTICLE, 'utf16le').toString('utf8');
    await expect(extract(utf16, 'txt')).rejects.toBeInstanceOf(NotTextError);
  });

  it('accepts text with tabs, form feeds, CRLF and a stray control character or two', async () => {
    const text = `${ARTICLE.replace(/\n/g, '\r\n')}\t\f${'x'.repeat(300)}\u001b`;
    expect(1 / text.length).toBeLessThan(CONTROL_CHARACTER_LIMIT);
    const draft = await fromText(text);
    expect(draft.figures.map((f) => f.value)).toEqual([300]);
  });

  it('refuses text whose control characters pass both the share and the count', async () => {
    const long = `${ARTICLE} ${'Words of the article. '.repeat(100)}`;
    const over = Math.ceil(long.length * CONTROL_CHARACTER_LIMIT) + 1;
    expect(over).toBeGreaterThan(CONTROL_CHARACTER_MINIMUM);
    await expect(fromText(`${long}${'\u0007'.repeat(over)}`)).rejects.toThrow(/not text/);
    // A short article with a few escape sequences is over the share but under the count: text.
    const short = `${ARTICLE} \u001b[31mred\u001b[0m \u009b`;
    expect(3 / short.length).toBeGreaterThan(CONTROL_CHARACTER_LIMIT);
    expect((await fromText(short)).body.length).toBeGreaterThan(0);
  });
});
