import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage } from '../src/lib/language.js';
import {
  parseApposition,
  parseSpeaker,
  SourceRegistry,
  speakerAtEnd,
} from '../src/lib/plugins/sources.js';

beforeAll(() => loadLanguage());

describe('parseSpeaker', () => {
  it.each([
    ['he', { type: 'pronoun', word: 'he' }],
    [
      'US Secretary of State John Kerry',
      { type: 'person', name: 'John Kerry', role: 'US Secretary of State' },
    ],
    ['Mayor Lena Ortiz', { type: 'person', name: 'Lena Ortiz', role: 'Mayor' }],
    ['Mr. Stein', { type: 'person', name: 'Stein' }],
    ['CNN’s Tapper', { type: 'person', name: 'Tapper', organization: 'CNN' }],
    [
      'The Christian Science Monitor’s Scott Peterson',
      { type: 'person', name: 'Scott Peterson', organization: 'The Christian Science Monitor' },
    ],
    ['the official', { type: 'anonymous', description: 'the official' }],
    [
      'two people familiar with the talks',
      { type: 'anonymous', description: 'two people familiar with the talks' },
    ],
    ['Iraqi forces', { type: 'organization', name: 'Iraqi forces' }],
    ['the Atlantic Council', { type: 'organization', name: 'Atlantic Council' }],
    ['CNN', { type: 'organization', name: 'CNN' }],
  ])('%s', (phrase, expected) => {
    expect(parseSpeaker(phrase)).toEqual(expected);
  });

  it('is not fooled by sentence openers or lower-case words', () => {
    expect(parseSpeaker('These attacks')).toBeUndefined();
    expect(parseSpeaker('CNN recently')).toBeUndefined();
  });

  it('splits a role written before the name at the last role word', () => {
    expect(parseSpeaker('former Obama adviser David Axelrod')).toEqual({
      type: 'person',
      name: 'David Axelrod',
      role: 'former Obama adviser',
    });
    expect(parseSpeaker('Homeland Security Secretary Jeh Johnson')).toEqual({
      type: 'person',
      name: 'Jeh Johnson',
      role: 'Homeland Security Secretary',
    });
    expect(parseSpeaker('president David Weisbrot')).toEqual({
      type: 'person',
      name: 'David Weisbrot',
      role: 'president',
    });
    expect(parseSpeaker('AS Opposition Leader Bill Shorten')).toEqual({
      type: 'person',
      name: 'Bill Shorten',
      role: 'Opposition Leader',
    });
  });

  it('never takes a title alone, a place, a month, a dateline or an adverb for a speaker', () => {
    for (const phrase of ['Rep.', 'Kentucky', 'WASHINGTON', 'Sept.', 'However', 'Shortly', 'My'])
      expect(parseSpeaker(phrase), phrase).toBeUndefined();
    expect(parseSpeaker('Rep. G.K. Butterfield (D-N.C.)')).toEqual({
      type: 'person',
      name: 'G.K. Butterfield',
      role: 'Rep.',
    });
  });

  it('reads a surname in -ly as a name, and an adverb made of an adjective as none', () => {
    for (const name of ['Donnelly', 'Connolly'])
      expect(parseSpeaker(name), name).toEqual({ type: 'person', name });
    for (const adverb of ['Finally', 'Happily', 'Possibly', 'Basically', 'Separately'])
      expect(parseSpeaker(adverb), adverb).toBeUndefined();
  });

  it('reads an unnamed adviser, aide or protester, one of several too', () => {
    for (const phrase of [
      'a longtime adviser to the governor',
      'one of those advisers',
      'another strategist',
      'one of the protesters',
    ])
      expect(parseSpeaker(phrase), phrase).toEqual({ type: 'anonymous', description: phrase });
  });

  it('starts a role after the relative words that open its clause', () => {
    expect(parseSpeaker('one which Boston University historian Ida Marsh')).toEqual({
      type: 'person',
      name: 'Ida Marsh',
      role: 'Boston University historian',
    });
  });

  it('drops a party letter in brackets after a name', () => {
    expect(parseSpeaker('Ohio Gov. Mara Quist (D)')).toEqual({
      type: 'person',
      name: 'Mara Quist',
      role: 'Ohio Gov.',
    });
  });

  it('reads a description that stands for a person named before', () => {
    expect(parseSpeaker('the Ohio Republican')).toEqual({
      type: 'described',
      words: 'the Ohio Republican',
      head: 'republican',
    });
  });
});

describe('speakerAtEnd', () => {
  it('takes no owner for the subject of the word after it', () => {
    // "… questioned Lee’s planned visit": "planned" is no verb of Lee’s.
    expect(speakerAtEnd('Ana Ortiz then questioned Lee’s')).toBeUndefined();
    expect(speakerAtEnd("the mayor's office and Lee's")).toBeUndefined();
    expect(speakerAtEnd('Ana Ortiz then questioned Ben Lee')?.words).toBe('Ben Lee');
  });
});

describe('parseApposition', () => {
  it('splits the role from the organisation it is at', () => {
    expect(parseApposition('an analyst at the Atlantic Council')).toEqual({
      role: 'analyst',
      organization: 'Atlantic Council',
    });
    expect(
      parseApposition(
        'deputy director of the International Center for the Study of Radicalism (ICSR) at King’s College London',
      ),
    ).toEqual({
      role: 'deputy director of the International Center for the Study of Radicalism (ICSR)',
      organization: 'King’s College London',
    });
    expect(parseApposition('the city’s finance chief')).toEqual({ role: 'city’s finance chief' });
    expect(parseApposition('Tuesday')).toBeUndefined();
  });
});

describe('SourceRegistry', () => {
  it('merges a person’s later mentions by surname and keeps the fuller name', () => {
    const registry = new SourceRegistry();
    const kerry = registry.person('Kerry');
    expect(registry.person('John Kerry', { role: 'US Secretary of State' })).toBe(kerry);
    expect(registry.person('Mr. Kerry')).toBe(kerry);
    expect(registry.sources).toEqual([
      {
        id: 'kerry',
        kind: 'person',
        name: 'John Kerry',
        role: 'US Secretary of State',
        sameAs: [],
      },
    ]);
  });

  it('keeps two people with one surname apart until a full name decides', () => {
    const registry = new SourceRegistry();
    registry.person('Ana Ortiz');
    registry.person('Luis Ortiz');
    expect(registry.findPerson('Ortiz')).toBeUndefined();
    expect(registry.findPerson('Luis Ortiz')?.name).toBe('Luis Ortiz');
  });

  it('counts the people of each surname as sources are added and completed', () => {
    const registry = new SourceRegistry();
    registry.person('Kerry');
    registry.person('John Kerry');
    registry.organization('Kerry Group');
    expect(registry.peopleWithSurname('Kerry')).toBe(1);
    registry.person('Ana Ortiz');
    registry.person('Luis Ortiz');
    expect(registry.peopleWithSurname('Ortiz')).toBe(2);
    registry.person('Tapper');
    registry.completeNames(['An interview with Jake Tapper.']);
    expect(registry.peopleWithSurname('Tapper')).toBe(1);
    expect(registry.peopleWithSurname('Jake')).toBe(0);
    // Ids stay unique: an organisation named as a person's id was gets one of its own.
    expect(registry.organization('Kerry')).toBe('kerry-2');
  });

  it('finds an organisation by its acronym and without "the"', () => {
    const registry = new SourceRegistry();
    const icsr = registry.organization(
      'the International Center for the Study of Radicalism (ICSR)',
    );
    expect(registry.organization('ICSR')).toBe(icsr);
    expect(registry.organization('International Center for the Study of Radicalism')).toBe(icsr);
  });

  it('finds each source by what it is now called, after names are filled in and completed', () => {
    const registry = new SourceRegistry();
    const tapper = registry.person('Tapper');
    const cnn = registry.organization('Cable News Network (CNN)');
    const official = registry.anonymous('a senior official');
    registry.completeNames(['An interview with Jake Tapper.']);
    expect(registry.findPerson('Jake Tapper')?.id).toBe(tapper);
    expect(registry.findPerson('Tapper')?.id).toBe(tapper);
    // The one-word name it had is no longer a full name of anyone.
    registry.person('Luis Tapper');
    expect(registry.findPerson('Tapper')).toBeUndefined();
    expect(registry.organization('cnn')).toBe(cnn);
    expect(registry.organization('the Cable News Network')).toBe(cnn);
    expect(registry.anonymous('A senior official')).toBe(official);
    registry.describe(tapper, 'anchor', 'CNN');
    expect(registry.findPerson('Jake Tapper')).toMatchObject({ role: 'anchor', affiliation: cnn });
    expect(registry.sources).toHaveLength(4);
  });

  it('completes a one-word name from the text', () => {
    const registry = new SourceRegistry();
    registry.person('Tapper');
    registry.completeNames(['Kerry spoke in an interview with Jake Tapper on CNN.']);
    expect(registry.sources[0]?.name).toBe('Jake Tapper');
  });
});
