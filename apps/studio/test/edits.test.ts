import { validateStory } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { describe, expect, it } from 'vitest';
import {
  accept,
  addFigure,
  addStatement,
  itemOfPath,
  mergeSources,
  remove,
  reviewQueue,
} from '../src/page/edits.js';
import { FIXTURES } from './support.js';

const seed = () => structuredClone(loadStory(`${FIXTURES}kerry-on-the-run`)) as any;

describe('the page’s edits', () => {
  it('merges a source into another: every reference moves, the story stays valid', () => {
    const story = seed();
    const kerry = story.statements.filter((s: any) => s.speaker === 'kerry').length;
    const merged = mergeSources(story, 'kerry', 'state-department');
    expect(merged.sources.some((s: any) => s.id === 'kerry')).toBe(false);
    expect(merged.statements.filter((s: any) => s.speaker === 'state-department')).toHaveLength(
      kerry,
    );
    expect(merged.statements.some((s: any) => s.speaker === 'kerry')).toBe(false);
    expect(validateStory(merged)).toEqual([]);
    // The input is not touched: undo keeps the story as it was.
    expect(story.sources.some((s: any) => s.id === 'kerry')).toBe(true);
  });

  it('removes a source: its statements become the article’s own voice, the story stays valid', () => {
    const removed = remove(seed(), { list: 'sources', id: 'tapper' });
    expect(removed.statements.some((s: any) => s.attribution.recipient === 'tapper')).toBe(false);
    expect(validateStory(removed)).toEqual([]);
  });

  it('removes a statement with the relations that name it', () => {
    const story = seed();
    const relation = story.relations[0];
    const removed = remove(story, { list: 'statements', id: relation.from });
    expect(
      removed.relations.some((r: any) => r.from === relation.from || r.to === relation.from),
    ).toBe(false);
    expect(validateStory(removed)).toEqual([]);
  });

  it('adds a statement of exactly the selected text, and a figure whose value is the number there', () => {
    const story = seed();
    const block = story.body.find((b: any) => /\d/.test(b.text));
    const at = block.text.search(/\d/);
    const [withStatement, id] = addStatement(story, { block: block.id, start: 0, end: 10 });
    expect(withStatement.statements.at(-1)).toMatchObject({
      id,
      text: block.text.slice(0, 10),
      kind: 'direct',
      speaker: null,
    });
    expect(validateStory(withStatement)).toEqual([]);
    const end = at + /^[\d,.]+/.exec(block.text.slice(at))![0].replace(/[.,]$/, '').length;
    const [withFigure] = addFigure(story, { block: block.id, start: at, end });
    const figure = withFigure.figures.at(-1)!;
    expect(figure.value).toBe(Number(block.text.slice(at, end).replace(/,/g, '')));
    // What it counts is the editor's to say: validation asks for it.
    expect(validateStory(withFigure).map((i) => i.path)).toContain(
      `figures[${withFigure.figures.length - 1}].unit`,
    );
  });

  it('queues the unreviewed items lowest confidence first; accepting drops the confidence', () => {
    const story = seed();
    story.statements[0].confidence = 0.9;
    story.statements[1].confidence = 0.2;
    story.figures[0].confidence = 0.5;
    const queue = reviewQueue(story);
    expect(queue.map((r) => r.id)).toEqual([
      story.statements[1].id,
      story.figures[0].id,
      story.statements[0].id,
    ]);
    const accepted = accept(story, queue[0]!);
    expect('confidence' in accepted.statements[1]!).toBe(false);
    expect(reviewQueue(accepted)).toHaveLength(2);
  });

  it('finds the item an issue path names', () => {
    const story = seed();
    expect(itemOfPath(story, 'statements[2].speaker')).toEqual({
      list: 'statements',
      id: story.statements[2].id,
    });
    expect(itemOfPath(story, 'headline')).toBeUndefined();
  });
});
