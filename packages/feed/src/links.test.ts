import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteUrl } from './lib/links.js';

/** What the WHATWG URL parser makes of a link, as absoluteUrl did before its shortcut. */
function parsed(value: string): string {
  try {
    return new URL(value).href;
  } catch {
    return 'not a URL';
  }
}

function ours(value: string): string {
  try {
    return absoluteUrl(value, undefined, 'the link', true);
  } catch {
    return 'not a URL';
  }
}

const label = fc
  .array(fc.constantFrom('a', 'z', '0', '9', '-', 'xn--', '0x', 'A', '_'), {
    minLength: 1,
    maxLength: 3,
  })
  .map((parts) => parts.join(''));
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const path = fc
  .array(
    fc.constantFrom(
      ...'ab0-./?#%~_\'" \\@:!$&()*+,;=|^`{}<>[]é\t'.split(''),
      '/',
      '..',
      '%2e',
      '%2E',
      '%41',
      '%zz',
      ':443',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('absoluteUrl', () => {
  it('gives what the URL parser gives for any http(s) link, with or without the shortcut', () => {
    fc.assert(
      fc.property(fc.constantFrom('http://', 'https://', 'HTTP://'), host, path, (scheme, h, p) => {
        const value = `${scheme}${h}${p.startsWith('/') || p === '' ? p : `/${p}`}`;
        expect(ours(value)).toBe(parsed(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('takes the shortcut only for links the parser leaves as they are', () => {
    for (const [value, href] of [
      ['https://news.example/a/b?c=d#e', 'https://news.example/a/b?c=d#e'],
      ['https://News.Example/a', 'https://news.example/a'],
      ['https://news.example', 'https://news.example/'],
      ['https://news.example:443/a', 'https://news.example/a'],
      ['https://news.example/a/../b', 'https://news.example/b'],
      ['https://news.example/a/%2e%2e/b', 'https://news.example/b'],
      ['http://0x7f.1/', 'http://127.0.0.1/'],
      ["https://news.example/?q='x'", 'https://news.example/?q=%27x%27'],
      ['https://news.example/a b', 'https://news.example/a%20b'],
    ]) {
      expect(ours(value as string), value).toBe(href);
    }
  });
});
