import {
  centralUtterance,
  type Story,
  utteranceOf,
  utteranceRelations,
  utterancesOf,
  validateStory,
} from '@storykit/core';
import { describe, expect, it } from 'vitest';

const text = '“We will win,” Ortiz said, “and soon.” Lee disagreed.';

const at = (words: string) => ({
  block: 'p1',
  start: text.indexOf(words),
  end: text.indexOf(words) + words.length,
});

/** A story with a quotation in two pieces, and a statement of another speaker. */
function story(relations: object[]) {
  return {
    id: 'split',
    headline: 'Split',
    language: 'en',
    authors: [],
    keywords: [],
    media: [],
    body: [{ id: 'p1', kind: 'paragraph', text }],
    sources: [
      { id: 'ortiz', kind: 'person', name: 'Ana Ortiz', sameAs: [] },
      { id: 'lee', kind: 'person', name: 'Bo Lee', sameAs: [] },
    ],
    entities: [],
    statements: [
      {
        id: 's1',
        kind: 'direct',
        text: 'We will win,',
        speaker: 'ortiz',
        attribution: { verb: 'said' },
        span: at('We will win,'),
      },
      {
        id: 's2',
        kind: 'partial',
        text: 'and soon.',
        speaker: 'ortiz',
        attribution: {},
        span: at('and soon.'),
      },
      {
        id: 's3',
        kind: 'indirect',
        text: 'disagreed',
        speaker: 'lee',
        attribution: {},
        span: at('disagreed'),
      },
    ],
    figures: [],
    relations,
    notes: [],
  };
}

describe('utterances', () => {
  it('groups the pieces a continues relation ties, joined by a space', () => {
    const value = story([{ kind: 'continues', from: 's2', to: 's1' }]);
    expect(validateStory(value)).toEqual([]);
    const parsed = value as unknown as Story;
    const utterances = utterancesOf(parsed);
    expect(utterances.map((u) => [u.id, u.speaker, u.pieces.length, u.text])).toEqual([
      ['s1', 'ortiz', 2, 'We will win, and soon.'],
      ['s3', 'lee', 1, 'disagreed'],
    ]);
    expect(utteranceOf(parsed, 's2')?.id).toBe('s1');
  });

  it('takes each attribution field and the topic from the first piece that has it; one piece keeps its text', () => {
    const value = story([{ kind: 'continues', from: 's2', to: 's1' }]);
    const [first, second, third] = value.statements as {
      attribution: object;
      topic?: string;
      text: string;
      span: object;
    }[];
    if (!first || !second || !third) throw new Error('the story has three statements');
    // A statement in one piece keeps its text as it is, spaces and all.
    third.text = ' disagreed';
    third.span = at(' disagreed');
    first.attribution = { verb: 'said' };
    second.attribution = { verb: 'added', venue: 'the rally', date: '2016-07' };
    second.topic = 'the race';
    expect(validateStory(value)).toEqual([]);
    const [utterance, alone] = utterancesOf(value as unknown as Story);
    expect(utterance?.attribution).toEqual({ verb: 'said', venue: 'the rally', date: '2016-07' });
    expect(utterance?.topic).toBe('the race');
    expect(alone?.attribution).toEqual({});
    expect(alone?.text).toBe(' disagreed');
    expect(alone && 'topic' in alone).toBe(false);
  });

  it('relates whole utterances: a relation to any piece counts once for the utterance', () => {
    const value = story([
      { kind: 'continues', from: 's2', to: 's1' },
      { kind: 'disputes', from: 's3', to: 's2' },
      { kind: 'disputes', from: 's3', to: 's1' },
      { kind: 'supports', from: 's2', to: 's1' },
    ]);
    const relations = utteranceRelations(value as unknown as Story);
    const seen = (id: string) =>
      (relations.get(id) ?? []).map((v) => [v.relation.kind, v.direction, v.other.id]);
    expect(seen('s1')).toEqual([['disputes', 'incoming', 's3']]);
    expect(seen('s3')).toEqual([['disputes', 'outgoing', 's1']]);
    expect(relations.has('s2')).toBe(false);
  });

  it('finds the central claim between utterances, a challenger of a later piece against the whole', () => {
    const value = story([
      { kind: 'continues', from: 's2', to: 's1' },
      { kind: 'disputes', from: 's3', to: 's2' },
    ]);
    const debate = centralUtterance(value as unknown as Story);
    expect(debate?.claim.id).toBe('s1');
    expect(debate?.claim.text).toBe('We will win, and soon.');
    expect(debate?.disputes.map((u) => u.id)).toEqual(['s3']);
    expect(debate?.supports).toEqual([]);
  });

  it('refuses pieces with two speakers, or a piece before the one it continues', () => {
    const issues = validateStory(
      story([
        { kind: 'continues', from: 's3', to: 's2' },
        { kind: 'continues', from: 's1', to: 's2' },
      ]),
    );
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['relations[0]', 'pieces of one utterance have one speaker; "s3" and "s2" have two'],
      ['relations[1]', '"s1" continues "s2", so it must come after it in statements'],
    ]);
  });
});
