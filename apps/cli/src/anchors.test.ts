/**
 * The anchors a curated story.yaml quotes: on bodies whose text repeats (whole blocks, phrases,
 * overlapping runs, CR LF and characters outside the BMP), every span's anchor resolves, through
 * core's resolver, to exactly that span.
 */
import { type Anchor, type Block, resolveAnchor, type Span } from '@storykit/core';
import { describe, expect, it } from 'vitest';
import { anchorFor, anchorsFor } from './story-yaml.js';

/** A small deterministic generator (mulberry32), so that every run tries the same bodies. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['the', 'fare', 'rose', 'said', 'aa', 'a', 'ferry', '12', '😀', 'per\r\ncent'];

/** A body of short blocks from a few words, some blocks repeated whole. */
function bodyOf(seed: number): Block[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const texts: string[] = [];
  for (let i = 0; i < 12; i++) {
    if (texts.length > 0 && next() < 0.3) texts.push(pick(texts));
    else
      texts.push(
        Array.from({ length: 3 + Math.floor(next() * 10) }, () => pick(WORDS)).join(
          next() < 0.2 ? '  ' : ' ',
        ),
      );
  }
  return texts.map((text, i) => ({ id: `p${i + 1}`, kind: 'paragraph', text }) as Block);
}

/** Every span of one to three words in the body, and some that start or end inside a word. */
function spansOf(body: readonly Block[]): Span[] {
  const spans: Span[] = [];
  for (const block of body) {
    const words = [...block.text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
    for (let i = 0; i < words.length; i++)
      for (let n = 1; n <= 3 && i + n <= words.length; n++) {
        const [start] = words[i] as number[];
        const [, end] = words[i + n - 1] as number[];
        spans.push({ block: block.id, start: start as number, end: end as number });
        // `aa` inside `aa aa`: overlapping matches of one character.
        if ((end as number) - (start as number) > 1)
          spans.push({ block: block.id, start: (start as number) + 1, end: end as number });
      }
  }
  return spans;
}

const kind = (anchor: Anchor) =>
  typeof anchor === 'string'
    ? 'exact'
    : 'occurrence' in anchor
      ? 'occurrence'
      : ['prefix' in anchor ? 'prefix' : '', 'suffix' in anchor ? 'suffix' : ''].join('');

describe('anchorsFor', () => {
  it('gives every span of a body whose text repeats an anchor that resolves to that span', () => {
    const kinds = new Set<string>();
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const body = bodyOf(seed);
      // A span that would cut a CR LF or a surrogate pair in two has no anchor: left out here.
      const spans = spansOf(body).filter((span) => {
        const text = body.find((b) => b.id === span.block)?.text ?? '';
        const cuts = (i: number) => /[\r\ud800-\udbff]/.test(text[i - 1] ?? '');
        return !cuts(span.start) && !cuts(span.end);
      });
      const anchors = anchorsFor(body, spans);
      spans.forEach((span, i) => {
        const anchor = anchors[i] as Anchor;
        kinds.add(kind(anchor));
        expect({ span, resolved: resolveAnchor(body, anchor) }).toEqual({
          span,
          resolved: { ok: true, span },
        });
        checked++;
      });
      // The same anchor whether a span is anchored alone or with all the others.
      for (const i of [0, Math.floor(spans.length / 2), spans.length - 1])
        expect(anchorFor(body, spans[i] as Span)).toEqual(anchors[i]);
    }
    expect(checked).toBeGreaterThan(5000);
    // Each way of telling repeated text apart is among them.
    expect([...kinds].sort()).toEqual(['exact', 'occurrence', 'prefix', 'prefixsuffix', 'suffix']);
  });

  it('refuses a span that cuts a CR LF in two, or points at no block', () => {
    const body = [{ id: 'p1', kind: 'paragraph', text: 'per\r\ncent' } as Block];
    expect(() => anchorFor(body, { block: 'p1', start: 4, end: 8 })).toThrow(
      'span p1@4-8 cannot be anchored',
    );
    expect(() => anchorFor(body, { block: 'p9', start: 0, end: 3 })).toThrow(
      'span p9@0-3 cannot be anchored',
    );
  });
});
