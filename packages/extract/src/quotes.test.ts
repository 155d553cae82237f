import { describe, expect, it } from 'vitest';
import { findClaims, findQuotes, matchClaim } from '../src/lib/plugins/quotes.js';
import { blocks } from '../test/blocks.js';

const texts = (...paragraphs: string[]) =>
  findQuotes(blocks(...paragraphs)).map((q) => [q.kind, q.text]);

describe('findQuotes', () => {
  it('finds quotations in curly and straight marks, split around the attribution', () => {
    expect(texts('“We are ready,” said Ortiz. "The vote is Tuesday."')).toEqual([
      ['direct', 'We are ready,'],
      ['direct', 'The vote is Tuesday.'],
    ]);
  });

  it('mixes a straight opening mark with a curly closing one', () => {
    expect(
      texts(
        '"If people are inspired, they are inspired," said Kerry. "But ISIL is under pressure.”',
      ),
    ).toEqual([
      ['direct', 'If people are inspired, they are inspired,'],
      ['direct', 'But ISIL is under pressure.'],
    ]);
  });

  it('reads two apostrophes as a double quotation mark, with single marks inside kept', () => {
    expect(texts("''We don't have 'silver bullets,' '' he said. ''Not yet.''")).toEqual([
      ['direct', "We don't have 'silver bullets,'"],
      ['direct', 'Not yet.'],
    ]);
  });

  it('tells partial quotations (words in the writer’s sentence) from quoted sentences', () => {
    expect(texts('He said the group is “on the run” and “desperate at heart.”')).toEqual([
      ['partial', 'on the run'],
      ['partial', 'desperate at heart.'],
    ]);
  });

  it('keeps a quote inside a quote, editorial brackets and ellipses as part of the quotation', () => {
    expect(texts('“She told me, ‘Stay home,’ and [the mayor] … agreed,” Lee said.')).toEqual([
      ['direct', 'She told me, ‘Stay home,’ and [the mayor] … agreed,'],
    ]);
  });

  it('runs a quotation left open into the next paragraph', () => {
    const quotes = findQuotes(
      blocks('“First part of the quote goes on', '“And it ends here,” she said.'),
    );
    expect(quotes.map((q) => [q.block, q.text, q.continues, q.continuation])).toEqual([
      ['p1', 'First part of the quote goes on', true, false],
      ['p2', 'And it ends here,', false, true],
    ]);
  });

  it('leaves out titles, single words and repeats of an earlier quotation', () => {
    expect(
      texts(
        'Kerry said on CNN’s “State of the Union” that IS is “on the run.”',
        'Sunni “awakening” allies helped. Tapper doubted that IS is “on the run.”',
      ),
    ).toEqual([['partial', 'on the run.']]);
  });
});

describe('findClaims', () => {
  const claim = (sentence: string) => {
    const m = matchClaim(sentence);
    return m && [m.speaker, m.verb, m.claim.replace(/\.$/, '')];
  };

  it('reads what follows a reporting verb, with "that" or "how" left out', () => {
    expect(claim('He said the territory has decreased 40 to 45 percent.')).toEqual([
      'He',
      'said',
      'the territory has decreased 40 to 45 percent',
    ]);
    expect(claim('He noted how the group was largely defeated a decade ago.')).toEqual([
      'He',
      'noted',
      'the group was largely defeated a decade ago',
    ]);
    expect(claim('Kerry, in response, said there is a difference between them.')).toEqual([
      'Kerry',
      'said',
      'there is a difference between them',
    ]);
  });

  it('keeps verbs whose object is the claim in its text ("objected to …")', () => {
    expect(claim('CNN’s Tapper objected to Kerry’s view that IS is winning.')?.[2]).toBe(
      'objected to Kerry’s view that IS is winning',
    );
  });

  it('reads "according to" on either side, and "a warning by … that"', () => {
    expect(claim('Others in Washington agree, according to Aaron Stein, an analyst.')).toEqual([
      'Aaron Stein',
      'according to',
      'Others in Washington agree',
    ]);
    expect(
      claim('According to the ministry, exports fell sharply last year.')?.slice(0, 2),
    ).toEqual(['the ministry', 'according to']);
    expect(claim('It runs against a warning by some officials that attacks will grow.')).toEqual([
      'some officials',
      'warning',
      'attacks will grow',
    ]);
  });

  it('ignores "claimed responsibility" and verbs with too little after them', () => {
    expect(claim('IS claimed responsibility for the attack in Nice.')).toBeUndefined();
    expect(claim('The mayor said Tuesday.')).toBeUndefined();
  });

  it('skips sentences that report a quotation, which attribution handles', () => {
    const b = blocks(
      'Kerry said the group is “on the run and losing.” He said the war is not over yet.',
    );
    const found = findClaims(b, findQuotes(b));
    expect(found.map((c) => c.text)).toEqual(['the war is not over yet']);
  });
});

describe('reported speech', () => {
  it.each([
    [
      'Officials say the bridge will reopen in the spring.',
      'Officials',
      'say',
      'the bridge will reopen in the spring.',
    ],
    [
      'Senate Republicans argued that the bill would cost jobs.',
      'Senate Republicans',
      'argued',
      'the bill would cost jobs.',
    ],
    [
      'Polls show the race tightening in the final week.',
      'Polls',
      'show',
      'the race tightening in the final week.',
    ],
    [
      'Ana Ortiz insisted the vote had been fair to everyone.',
      'Ana Ortiz',
      'insisted',
      'the vote had been fair to everyone.',
    ],
    [
      'The mayor denied that the city had lost the records.',
      'The mayor',
      'denied',
      'the city had lost the records.',
    ],
  ])('%s', (sentence, speaker, verb, claim) => {
    const found = matchClaim(sentence);
    expect([found?.speaker, found?.verb, found?.claim]).toEqual([speaker, verb, claim]);
  });

  it('does not give a relative clause’s claim to the sentence’s subject', () => {
    expect(
      matchClaim(
        'Critics point to a study by the library, which found that visits rose 22 percent.',
      ),
    ).toBeUndefined();
  });
});
