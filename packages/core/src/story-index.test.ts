import { fileURLToPath } from 'node:url';
import {
  blockById,
  paragraphNumber,
  relationsOf,
  type Story,
  sourceById,
  statementById,
  statementsBy,
  storyIndex,
} from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { describe, expect, it } from 'vitest';

const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url));

describe('storyIndex', () => {
  const story = loadStory(SEED);

  it('answers what a scan of the story answers', () => {
    for (const s of story.statements) {
      expect(statementById(story, s.id)).toBe(s);
      expect(paragraphNumber(story, s.span.block)).toBe(
        story.body.findIndex((b) => b.id === s.span.block) + 1,
      );
      expect(relationsOf(story, s.id).map((v) => v.relation)).toEqual(
        story.relations.filter((r) => r.from === s.id || r.to === s.id),
      );
      expect(statementsBy(story, s.speaker)).toEqual(
        story.statements.filter((t) => t.speaker === s.speaker),
      );
    }
    for (const s of story.sources) expect(sourceById(story, s.id)).toBe(s);
    for (const b of story.body) expect(blockById(story, b.id)).toBe(b);
    expect(paragraphNumber(story, 'no-such-block')).toBe(0);
    expect(statementById(story, 'nope')).toBeUndefined();
  });

  it('is built once for a frozen story', () => {
    expect(Object.isFrozen(story)).toBe(true);
    expect(storyIndex(story)).toBe(storyIndex(story));
  });

  it('follows a story built by hand that grows after it was indexed', () => {
    const statements = [...story.statements];
    const open = { ...story, statements } as Story;
    const before = storyIndex(open);
    const extra = { ...(story.statements[0] as Story['statements'][number]), id: 'added' };
    statements.push(extra);
    expect(storyIndex(open)).not.toBe(before);
    expect(statementById(open, 'added')).toBe(extra);
  });

  it('keeps the first item of a duplicated id, as a scan would', () => {
    const [first, second] = story.sources;
    const twin = { ...second, id: first?.id } as Story['sources'][number];
    const dup = { ...story, sources: [first, twin] } as Story;
    expect(sourceById(dup, first?.id)).toBe(first);
  });
});
