import { describe, expect, it } from 'vitest';
import {
  antecedentAgrees,
  cueMatches,
  matchByOverlap,
  parseAnn,
  sameBoundaries,
  sourceForm,
  speakerMatches,
} from '../src/lib/polnear.js';

// An article and its annotation, written for this test in PolNeAR's BRAT standoff form.
const text = '“We will win,” said Mayor Ortiz, “and soon.”\n\nThe council voted, the clerk said.';
const ann = [
  'T1\tContent 0 14;33 44\t“We will win,” “and soon.”',
  'T2\tCue 15 19\tsaid',
  'T3\tSource 20 31\tMayor Ortiz',
  'T4\tAttribution 15 19\tsaid',
  'E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3',
  'T5\tContent 46 63\tThe council voted',
  'T6\tSource 65 74\tthe clerk',
  'T7\tCue 75 79\tsaid',
  'T8\tAttribution 75 79\tsaid',
  'E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6',
  'T9\tDiscard 0 3\t“We',
].join('\n');

describe('PolNeAR scoring', () => {
  it('reads events with broken spans, cues and sources', () => {
    const gold = parseAnn(ann, text);
    expect(gold.map((g) => g.content.map((r) => text.slice(r.start, r.end)))).toEqual([
      ['“We will win,”', '“and soon.”'],
      ['The council voted'],
    ]);
    expect(gold.map((g) => g.source?.map((r) => text.slice(r.start, r.end)))).toEqual([
      ['Mayor Ortiz'],
      ['the clerk'],
    ]);
  });

  it('turns code-point offsets into UTF-16 ones', () => {
    const astral = '𝐀 “Hi there,” she said.';
    const [gold] = parseAnn('T1\tContent 2 13\tx\nE1\tAttribution:T2 Content:T1', astral);
    expect(astral.slice(gold?.content[0]?.start, gold?.content[0]?.end)).toBe('“Hi there,”');
  });

  it('matches one to one by the largest overlap', () => {
    const gold = [{ content: [{ start: 0, end: 10 }] }, { content: [{ start: 10, end: 20 }] }];
    const predicted = [
      { content: [{ start: 0, end: 12 }] },
      { content: [{ start: 2, end: 8 }] },
      { content: [{ start: 30, end: 40 }] },
    ];
    // The first gold item takes the wider prediction; the second gold item shares characters only
    // with that one, so it stays unmatched, and so do the other two predictions.
    expect(matchByOverlap(gold, predicted)).toEqual([[0, 0]]);
  });

  it('compares boundaries without quotation marks, punctuation and white space', () => {
    const [first] = parseAnn(ann, text);
    const pieces = [
      { start: 1, end: 13 },
      { start: 34, end: 43 },
    ];
    expect(sameBoundaries(text, first?.content ?? [], pieces)).toBe(true);
    expect(sameBoundaries(text, first?.content ?? [], [{ start: 1, end: 13 }])).toBe(false);
  });

  it('classes sources and compares speakers and cues by their words', () => {
    expect(['He', 'the Ohio Republican', 'sources', 'Rep. Tim Ryan'].map(sourceForm)).toEqual([
      'pronoun',
      'description',
      'description',
      'name',
    ]);
    expect(speakerMatches('Tim Ryan', ['Rep. Tim Ryan'])).toBe(true);
    expect(speakerMatches('Rep.', ['Rep. Tim Ryan'])).toBe(false);
    expect(cueMatches('said', 'said Tuesday')).toBe(true);
    expect(cueMatches('told', 'said')).toBe(false);
    expect(cueMatches(undefined, 'said')).toBe(false);
  });

  it('takes for "he" and "she" only an antecedent that can be one person of that gender', () => {
    expect(antecedentAgrees('he', 'Ms. Guzman')).toBe(false);
    expect(antecedentAgrees('She', 'Mr. Obama')).toBe(false);
    expect(antecedentAgrees('he', 'Pentagon officials')).toBe(false);
    expect(antecedentAgrees('she', 'supporters of the plan')).toBe(false);
    expect(antecedentAgrees('he', 'Sanders')).toBe(true);
    expect(antecedentAgrees('he', 'Rep. Brad Sherman (D-Calif.)')).toBe(true);
    expect(antecedentAgrees('they', 'Pentagon officials')).toBe(true);
    expect(antecedentAgrees('she', 'Mrs. Clinton')).toBe(true);
  });
});
