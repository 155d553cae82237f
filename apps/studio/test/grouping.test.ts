import { loadStory } from '@storykit/core/node';
import { describe, expect, it } from 'vitest';
import { chunkBody, chunkItems, groupByBlock, regroup } from '../src/page/article.js';
import { sameQueue, updateItem } from '../src/page/edits.js';
import { FIXTURES } from './support.js';

const seed = () => structuredClone(loadStory(`${FIXTURES}kerry-on-the-run`)) as any;

describe('the article’s grouping of items by block', () => {
  it('patches only the edited item’s block when a field changes, and equals a full grouping', () => {
    const story = seed();
    const before = regroup(undefined, story.statements, story.figures);
    const edited = story.statements[3];
    const next = updateItem(story, 'statements', edited.id, (s: any) => ({
      ...s,
      attribution: { ...s.attribution, verb: 'declared' },
    }));
    const after = regroup(before, next.statements, next.figures);
    const full = groupByBlock(next.statements, next.figures, new Map());
    expect([...after.groups.keys()].sort()).toEqual([...full.keys()].sort());
    for (const [block, items] of full) expect(after.groups.get(block)).toEqual(items);
    for (const [block, items] of after.groups) {
      if (block === edited.span.block) expect(items).not.toBe(before.groups.get(block));
      else expect(items).toBe(before.groups.get(block));
    }
    expect(after.groups.get(edited.span.block)?.statements).toContain(next.statements[3]);
  });

  it('groups again when an item moves to another block or the lists change length', () => {
    const story = seed();
    const before = regroup(undefined, story.statements, story.figures);
    const moved = story.figures[0];
    const other = story.body.find((b: any) => b.id !== moved.span.block).id;
    const next = updateItem(story, 'figures', moved.id, (f: any) => ({
      ...f,
      span: { ...f.span, block: other },
    }));
    const after = regroup(before, next.statements, next.figures);
    expect(after.groups.get(other)?.figures.map((f) => f.id)).toContain(moved.id);
    expect(after.groups.get(moved.span.block)?.figures.map((f) => f.id) ?? []).not.toContain(
      moved.id,
    );
    const fewer = regroup(after, next.statements.slice(1), next.figures);
    expect(fewer.groups).toEqual(groupByBlock(next.statements.slice(1), next.figures, new Map()));
  });

  it('keeps a run of blocks’ items when none of its blocks changed', () => {
    const story = seed();
    const chunks = chunkBody(story.body);
    expect(chunks.flat()).toEqual(story.body);
    const before = regroup(undefined, story.statements, story.figures);
    const first = chunkItems(chunks, before.groups, []);
    const same = chunkItems(chunks, before.groups, first);
    expect(same.every((items, c) => items === first[c])).toBe(true);
  });
});

describe('the review queue’s inputs', () => {
  it('are the same after a field edit, not after an accept', () => {
    const story = seed();
    // A draft item, as `storykit extract` leaves it.
    story.statements[2].confidence = 0.4;
    const id = story.statements[2].id;
    const typed = updateItem(story, 'statements', id, (s: any) => ({ ...s, topic: 'x' }));
    expect(sameQueue(story, typed)).toBe(true);
    const accepted = updateItem(story, 'statements', id, (s: any) => {
      const { confidence: _, ...rest } = s;
      return rest;
    });
    expect(sameQueue(story, accepted)).toBe(false);
  });
});
