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
});
