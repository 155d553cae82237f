import { type Block, resolveAnchor } from '@storykit/core';
import { describe, expect, it } from 'vitest';

const body: Block[] = [
  { id: 'p1', kind: 'paragraph', text: 'He said it was over. He said it twice.' },
  { id: 'p2', kind: 'paragraph', text: 'She said it was not.' },
];

describe('resolveAnchor', () => {
  it('finds text that occurs once', () => {
    expect(resolveAnchor(body, 'was not')).toEqual({
      ok: true,
      span: { block: 'p2', start: 12, end: 19 },
    });
  });

  it('refuses text that occurs more than once, naming the places', () => {
    expect(resolveAnchor(body, 'said it')).toEqual({
      ok: false,
      message:
        'text "said it" matches 3 times (p1@3, p1@24, p2@4); expected one: add a prefix, suffix, block or occurrence',
    });
  });

  it('narrows by prefix, suffix, block and occurrence', () => {
    expect(resolveAnchor(body, { exact: 'said it', prefix: 'She ' })).toEqual({
      ok: true,
      span: { block: 'p2', start: 4, end: 11 },
    });
    expect(resolveAnchor(body, { exact: 'said it', suffix: ' twice' })).toEqual({
      ok: true,
      span: { block: 'p1', start: 24, end: 31 },
    });
    expect(resolveAnchor(body, { exact: 'said it', block: 'p2' })).toMatchObject({
      ok: true,
      span: { block: 'p2' },
    });
    expect(resolveAnchor(body, { exact: 'said it', occurrence: 2 })).toEqual({
      ok: true,
      span: { block: 'p1', start: 24, end: 31 },
    });
    expect(resolveAnchor(body, { exact: 'said it', occurrence: 4 })).toEqual({
      ok: false,
      message: 'occurrence 4 of "said it" asked for, but the body has 3',
    });
    expect(resolveAnchor(body, { exact: 'x', block: 'p9' })).toEqual({
      ok: false,
      message: 'no body block "p9"',
    });
  });

  it('says where a near miss differs', () => {
    const result = resolveAnchor(body, 'She said it was now.');
    expect(result).toEqual({
      ok: false,
      message:
        'text "She said it was now." not found in the body; closest is p2, which differs at character 19: the article has "t" where "w" was expected',
    });
  });

  it('never lets a span begin or end between CR and LF, or inside a surrogate pair', () => {
    const lines: Block[] = [{ id: 'p1', kind: 'paragraph', text: 'First line\r\nsecond 😀 line' }];
    expect(resolveAnchor(lines, 'First line\r')).toEqual({
      ok: false,
      message:
        'text "First line\\r" is found only where it would cut a CR LF line break in two (p1@0); expected the anchor to take the whole pair or none of it',
    });
    expect(resolveAnchor(lines, '\nsecond')).toMatchObject({ ok: false });
    expect(resolveAnchor(lines, '\ud83d')).toMatchObject({
      ok: false,
      message: expect.stringContaining('would cut a character (a UTF-16 surrogate pair) in two'),
    });
    expect(resolveAnchor(lines, 'line\r\nsecond')).toEqual({
      ok: true,
      span: { block: 'p1', start: 6, end: 18 },
    });
    expect(resolveAnchor(lines, 'First line')).toEqual({
      ok: true,
      span: { block: 'p1', start: 0, end: 10 },
    });
  });

  it('skips a match that cuts a pair and takes the one that does not', () => {
    const lines: Block[] = [{ id: 'p1', kind: 'paragraph', text: 'a\r\nb a\r c' }];
    expect(resolveAnchor(lines, 'a\r')).toEqual({
      ok: true,
      span: { block: 'p1', start: 5, end: 7 },
    });
  });
});
