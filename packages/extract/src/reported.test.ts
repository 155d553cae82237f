import { validateStory } from '@storykit/core';
import { fromText } from '@storykit/extract';
import { describe, expect, it } from 'vitest';
import { matchReported } from '../src/lib/plugins/reported.js';

/** The draft's indirect statements as [speaker name, verb, text, confidence]. */
async function reported(...paragraphs: string[]) {
  const story = await fromText(['Headline of the story', ...paragraphs].join('\n\n'));
  expect(() => validateStory(story)).not.toThrow();
  const name = (id: string | null) => story.sources.find((s) => s.id === id)?.name;
  return story.statements
    .filter((s) => s.kind === 'indirect')
    .map((s) => [name(s.speaker), s.attribution.verb, s.text, s.confidence]);
}

const rows = (sentence: string) => matchReported(sentence).map((m) => [m.speaker, m.verb, m.claim]);

describe('reported speech without quotation marks', () => {
  it('reads a stance verb after a named subject, with "that" or without', () => {
    expect(
      rows('Councillor Nia Brandt has long argued that the tram line costs too much.'),
    ).toEqual([['Councillor Nia Brandt', 'argued', 'the tram line costs too much']]);
    expect(rows('Several economists believe the rate will rise in May.')).toEqual([
      ['Several economists', 'believe', 'the rate will rise in May'],
    ]);
    expect(rows('The ministry denied that any files had been lost.')).toEqual([
      ['The ministry', 'denied', 'any files had been lost'],
    ]);
  });

  it('reads warned of, insisted, acknowledged, called for, wants', () => {
    expect(rows('Pilar Okonjo warned of long delays at the border crossing.')).toEqual([
      ['Pilar Okonjo', 'warned', 'long delays at the border crossing'],
    ]);
    expect(rows('The governor insisted the budget was balanced.')?.[0]?.[1]).toBe('insisted');
    expect(rows('Tomas Rehn acknowledged the plan had flaws.')?.[0]?.[2]).toBe(
      'the plan had flaws',
    );
    expect(
      rows('The Harbor Workers Union called for a new round of talks.')?.[0]?.slice(1),
    ).toEqual(['called for', 'a new round of talks']);
    expect(rows('Edda Varga wants the council to publish the survey.')?.[0]?.[2]).toBe(
      'the council to publish the survey',
    );
  });

  it('skips a subject in an opening phrase and an apposition after the name', () => {
    expect(rows('On Friday, Ilse Marten suggested the vote be delayed a week.')).toEqual([
      ['Ilse Marten', 'suggested', 'the vote be delayed a week'],
    ]);
    expect(
      rows('Rui Santos, a planner at the port authority, noted that the quay was full.'),
    ).toEqual([['Rui Santos', 'noted', 'the quay was full']]);
  });

  it('gives a participle after a comma to the clause’s speaker', () => {
    expect(
      rows('Jana Holm rejected the offer, saying the pay rise was far too small for nurses.'),
    ).toEqual([
      ['Jana Holm', 'rejected', 'the offer'],
      ['Jana Holm', 'saying', 'the pay rise was far too small for nurses'],
    ]);
  });

  it('reads a claim inside a claim, and the clause before a closing attribution', () => {
    expect(rows('Ana Ruiz said Ben Okafor wants a second vote on the bridge.')).toContainEqual([
      'Ben Okafor',
      'wants',
      'a second vote on the bridge',
    ]);
    expect(
      rows(
        'Bus fares will rise 5 percent in March, the transit agency said on Monday, citing higher fuel prices.',
      ),
    ).toEqual([
      ['the transit agency', 'said', 'Bus fares will rise 5 percent in March'],
      ['the transit agency', 'citing', 'higher fuel prices'],
    ]);
  });

  it('leaves passives, dummy subjects and "claimed responsibility" alone', () => {
    expect(rows('The plan was criticized by three members of the board.')).toEqual([]);
    expect(rows('It believes nothing, whatever the label says.')).toEqual([]);
    expect(rows('A little-known group claimed responsibility for the fire.')).toEqual([]);
    expect(rows('Shares rose 4 percent, adding about $2 billion to its value.')).toEqual([]);
    expect(rows('Ilse Marten, the treasurer, wrote to the members of the club:')).toEqual([]);
  });

  it('turns them into indirect statements with the speaker, the verb and a calibrated confidence', async () => {
    const found = await reported(
      'Mayor Lena Ortiz argued that the ferry subsidy had paid for itself twice over.',
      'The Kessel Ferry Authority, which runs the boats, has said it will publish the figures in June.',
    );
    expect(found.map((r) => r.slice(0, 3))).toEqual([
      ['Lena Ortiz', 'argued', 'the ferry subsidy had paid for itself twice over'],
      ['Kessel Ferry Authority', 'said', 'it will publish the figures in June'],
    ]);
    // Found by the stance-verb rules: below the 0.9 that the surest quotations reach.
    for (const r of found) expect(r[3]).toBeLessThan(0.9);
  });

  it('ends the claim of a subordinate clause at its comma, where another speaker begins', async () => {
    const found = await reported(
      'While Ben Vance pledged to cut fares for every rider, Ana Ortiz insisted that the ferries need new money first.',
      'Although Mayor Lena Ortiz believes the fares are fair, Raj Patel argued that higher fares will keep the riders of the night boats away.',
    );
    expect(found.map((r) => r.slice(0, 3))).toEqual([
      ['Ben Vance', 'pledged', 'to cut fares for every rider'],
      ['Ana Ortiz', 'insisted', 'the ferries need new money first'],
      ['Lena Ortiz', 'believes', 'the fares are fair'],
      ['Raj Patel', 'argued', 'higher fares will keep the riders of the night boats away'],
    ]);
  });
});
