import {
  centralClaim,
  comparableFigures,
  formatFigureValue,
  paragraphNumber,
  relationsOf,
  resolveStoryFile,
  sourceLabel,
  spanText,
  statementsBy,
} from '@storykit/core';
import { describe, expect, it } from 'vitest';
import { readArticle, storyFile } from '../test/story-builder.js';

function story(extra: Record<string, unknown> = {}) {
  return resolveStoryFile({ ...storyFile(), ...extra }, readArticle);
}

describe('queries', () => {
  it('lists statements by speaker, and the article’s own voice by null', () => {
    expect(statementsBy(story(), 'minister').map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(statementsBy(story(), null)).toEqual([]);
  });

  it('shows a relation from both ends', () => {
    const s = story();
    expect(relationsOf(s, 's1').map((v) => [v.direction, v.relation.kind, v.other.id])).toEqual([
      ['incoming', 'supports', 's2'],
    ]);
    expect(relationsOf(s, 's2').map((v) => [v.direction, v.other.id])).toEqual([
      ['outgoing', 's1'],
    ]);
  });

  it('labels a source with role and affiliation', () => {
    const s = story();
    expect(sourceLabel(s, 'minister')).toBe('Ann Example, minister, The Government');
    expect(sourceLabel(s, 'minister', { affiliation: false })).toBe('Ann Example, minister');
    expect(sourceLabel(s, 'gov')).toBe('The Government');
    expect(sourceLabel(s, 'unknown')).toBe('unknown');
  });

  it('reads span text and paragraph numbers', () => {
    const s = story();
    expect(spanText(s, s.figures[1]!.span)).toBe('At least 84');
    expect(paragraphNumber(s, 'p2')).toBe(2);
    expect(paragraphNumber(s, 'p9')).toBe(0);
  });

  it('formats figure values with qualifier and unit', () => {
    const s = story();
    expect(formatFigureValue(s.figures[0]!)).toBe('40–45 percent');
    expect(formatFigureValue(s.figures[1]!)).toBe('at least 84 people');
    expect(formatFigureValue(s.figures[1]!, { unit: false })).toBe('at least 84');
  });

  it('finds the central claim and sorts the others to its sides through the relation graph', () => {
    const s = story({
      statements: [
        ...storyFile().statements!,
        { id: 's4', kind: 'indirect', text: 'At least 84 people came', speaker: 'gov' },
      ],
      relations: [
        { kind: 'supports', from: 's2', to: 's1' },
        { kind: 'disputes', from: 's3', to: 's1' },
        { kind: 'supports', from: 's4', to: 's3' },
      ],
    });
    const debate = centralClaim(s);
    expect(debate?.claim.id).toBe('s1');
    expect(debate?.supports.map((x) => x.id)).toEqual(['s2']);
    expect(debate?.disputes.map((x) => x.id)).toEqual(['s3', 's4']);
    expect(centralClaim(story({ relations: [] }))).toBeUndefined();
  });

  it('groups figures that compare by unit and measure, largest group first', () => {
    const f = (id: string, unit: string, measure: string) => ({
      id,
      value: 84,
      unit,
      measure,
      subject: id,
      anchor: { exact: 'At least 84', occurrence: 1 },
    });
    const s = story({
      figures: [
        f('a', 'people', 'killed'),
        f('b', 'percent', 'turnout'),
        f('c', 'People', 'Killed'),
        f('d', 'percent', 'turnout'),
        f('e', 'people', 'killed'),
        f('g', 'miles', 'distance'),
      ],
    });
    expect(
      comparableFigures(s).map((g) => [g.unit, g.measure, g.figures.map((x) => x.id)]),
    ).toEqual([
      ['people', 'killed', ['a', 'c', 'e']],
      ['percent', 'turnout', ['b', 'd']],
    ]);
    expect(comparableFigures(story({ figures: [f('a', 'people', 'killed')] }))).toEqual([]);
  });
});
