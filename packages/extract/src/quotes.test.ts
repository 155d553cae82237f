import { describe, expect, it } from 'vitest';
import { findClaims, findQuotes, matchClaim, opensOwnClause } from '../src/lib/plugins/quotes.js';
import type { QuoteCandidate } from '../src/lib/types.js';
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

  it('does not end a quotation at the marks of a quotation inside it, curly or straight', () => {
    expect(
      texts(
        '“We heard the crowd shout “not again” all night,” said Nell Varga.',
        '"Call it a "reset" if you like, but it costs money," said Tom Ruiz.',
        '“My son asked, "Are we moving?" and I had no answer,” she said.',
        '"He wrote “never” in the margin," Ruiz said.',
      ),
    ).toEqual([
      ['direct', 'We heard the crowd shout “not again” all night,'],
      ['direct', 'Call it a "reset" if you like, but it costs money,'],
      ['direct', 'My son asked, "Are we moving?" and I had no answer,'],
      ['direct', 'He wrote “never” in the margin,'],
    ]);
  });

  it('keeps a one-word quotation that ends the clause a reporting verb opens, not one inside it', () => {
    expect(
      texts(
        'The chief said the search was “ongoing.” Nobody was “surprised” here.',
        'Ortiz says she voted “present,” and Lee noted that the old mills along the river and all of their “green” jobs were gone.',
      ),
    ).toEqual([
      ['partial', 'ongoing.'],
      ['partial', 'present,'],
    ]);
  });

  it('closes a quotation at an opening mark written where the closing one belongs', () => {
    expect(texts('She praised “the calm of the lake“ in her talk and “the early light.”')).toEqual([
      ['partial', 'the calm of the lake'],
      ['partial', 'the early light.'],
    ]);
  });

  it('reads marks that never balance inside a quotation without nesting them', () => {
    // The stray opener before "maybe" has no closer: the first closing mark ends the quotation.
    expect(texts('“We will go “maybe tomorrow,” said Kai Lund. “Or not.”')).toEqual([
      ['direct', 'We will go “maybe tomorrow,'],
      ['direct', 'Or not.'],
    ]);
  });

  it('keeps a chanted slogan and what someone called someone, even in one word or capitals', () => {
    expect(
      texts(
        'The crowd kept chanting “Vote Them Out! Vote Them Out!” until dusk.',
        'Marchers answered with chants of “Hands Off Our Parks” at the gate.',
        'Ruiz called the plan “reckless” and fans labeled him “MVP” for it.',
        'The “Green Line” opens in May, a “historic” day.',
      ),
    ).toEqual([
      ['direct', 'Vote Them Out! Vote Them Out!'],
      ['direct', 'Hands Off Our Parks'],
      ['partial', 'reckless'],
      ['direct', 'MVP'],
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

describe('opensOwnClause', () => {
  const [text = ''] = [
    '“We start today.” She said the second phase was “a year away.” “Wait a year,” Lee said, “and see.”',
  ];
  const [first, second, third, fourth] = findQuotes(blocks(text)) as [
    QuoteCandidate,
    QuoteCandidate,
    QuoteCandidate,
    QuoteCandidate,
  ];

  it('tells a quotation in a new reported clause from a later piece of the same utterance', () => {
    expect(opensOwnClause(text, first, second)).toBe(true);
    expect(opensOwnClause(text, third, fourth)).toBe(false);
  });

  it('splits at a second reporting verb, not at words joining two quoted phrases', () => {
    const adding = '“It works,” Ana Ortiz said, adding that the cost was “too high.”';
    const [a, b] = findQuotes(blocks(adding)) as [QuoteCandidate, QuoteCandidate];
    expect(opensOwnClause(adding, a, b)).toBe(true);
    const urging = '“Go home now,” Ana Ortiz said, urging everyone to “stay calm tonight.”';
    const [e, f] = findQuotes(blocks(urging)) as [QuoteCandidate, QuoteCandidate];
    expect(opensOwnClause(urging, e, f)).toBe(true);
    const joined = 'She called it “unfair to renters” and “a gift to landlords.”';
    const [c, d] = findQuotes(blocks(joined)) as [QuoteCandidate, QuoteCandidate];
    expect(opensOwnClause(joined, c, d)).toBe(false);
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

  it('reads a speaker and verb that come late in a long sentence', () => {
    // The search for the verb starts a bounded stretch before the first reporting verb it can use.
    const lead = Array.from({ length: 30 }, (_, i) => `in the week of May ${i + 1}`).join(', ');
    expect(lead.length).toBeGreaterThan(600);
    const found = matchClaim(
      `${lead}, Kerry said the plan would work for the city and its people.`,
    );
    expect([found?.speaker, found?.verb, found?.claim]).toEqual([
      'Kerry',
      'said',
      'the plan would work for the city and its people.',
    ]);
    const apposed = matchClaim(
      `${lead}; Teodora Malik, chief economist at Brightline, a group in Ohio, warned that rents would rise for the city and its people.`,
    );
    expect([apposed?.speaker, apposed?.apposition, apposed?.verb]).toEqual([
      'Teodora Malik',
      'chief economist at Brightline',
      'warned',
    ]);
  });

  it('does not give a relative clause’s claim to the sentence’s subject', () => {
    expect(
      matchClaim(
        'Critics point to a study by the library, which found that visits rose 22 percent.',
      ),
    ).toBeUndefined();
  });
});
