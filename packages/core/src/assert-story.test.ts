import {
  assertStory,
  isCheckedStory,
  readStory,
  resolveStoryFile,
  type Story,
  StoryValidationError,
  validateStory,
} from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { describe, expect, it } from 'vitest';
import { readArticle, storyFile } from '../test/story-builder.js';

/** A plain, mutable copy of a valid resolved story, as JSON.parse would give it. */
function plain(): Record<string, any> {
  return JSON.parse(JSON.stringify(resolveStoryFile(storyFile(), readArticle)));
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StoryValidationError);
    return (error as StoryValidationError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a StoryValidationError');
}

describe('readStory', () => {
  it('reads story.json back: the JSON of a parsed story gives an equal, frozen, checked story', () => {
    const parsed = resolveStoryFile(storyFile(), readArticle);
    const story = readStory(JSON.stringify(parsed));
    expect(story).toEqual(parsed);
    expect(Object.isFrozen(story.statements[0]?.span)).toBe(true);
    expect(isCheckedStory(story)).toBe(true);
  });

  it('reads the seed fixture written as story.json', () => {
    const seed = loadStory('../../fixtures/kerry-on-the-run');
    expect(readStory(JSON.stringify(seed, null, 2)).statements).toEqual(seed.statements);
  });

  it('names a JSON syntax error and the file', () => {
    expect(() => readStory('{ "id": ', { file: 'out/story.json' })).toThrow(
      /^out\/story\.json: JSON syntax error: /,
    );
  });

  it('fills in the schema defaults a hand-written story.json leaves out', () => {
    const data = plain();
    delete data.statements[0].attribution;
    delete data.keywords;
    const story = readStory(data);
    expect(story.statements[0]?.attribution).toEqual({});
    expect(story.keywords).toEqual([]);
  });

  it('lists every problem of a broken story with its path', () => {
    const data = plain();
    delete data.headline;
    data.figures[0].value = 'forty';
    data.statements[0].speaker = 'nobody';
    expect(issuesOf(() => readStory(data))).toEqual([
      'headline: expected a string, got nothing',
      'figures[0].value: expected a value of one of the allowed shapes',
    ]);
    const refs = plain();
    refs.statements[0].speaker = 'nobody';
    expect(issuesOf(() => readStory(refs))).toEqual([
      'statements[0].speaker: unknown source id "nobody"; expected one of the story\'s source ids',
    ]);
  });
});

describe('assertStory', () => {
  it('returns a story that came out of parseStory as it is, without checking it again', () => {
    const story = resolveStoryFile(storyFile(), readArticle);
    expect(isCheckedStory(story)).toBe(true);
    expect(assertStory(story)).toBe(story);
  });

  it('checks a story built by hand and returns a frozen copy, checked from then on', () => {
    const data = plain();
    expect(isCheckedStory(data)).toBe(false);
    const story = assertStory(data);
    expect(story).not.toBe(data);
    expect(story).toEqual(data);
    expect(Object.isFrozen(story)).toBe(true);
    expect(assertStory(story)).toBe(story);
    // The caller's object is left alone: still mutable, and checked again if passed again.
    expect(Object.isFrozen(data)).toBe(false);
    data.statements[0].speaker = 'nobody';
    expect(() => assertStory(data)).toThrow(StoryValidationError);
  });

  it('remembers a deeply frozen story that passed validateStory', () => {
    const frozen = (value: unknown): unknown => {
      if (value && typeof value === 'object') {
        for (const child of Object.values(value)) frozen(child);
        Object.freeze(value);
      }
      return value;
    };
    const story = frozen(plain()) as Story;
    expect(validateStory(story)).toEqual([]);
    expect(assertStory(story)).toBe(story);
    // A story missing a defaulted field passes validateStory but is not remembered: the
    // generators need the default filled in, so they get a completed copy.
    const partial = plain();
    delete partial.keywords;
    frozen(partial);
    expect(validateStory(partial)).toEqual([]);
    expect(assertStory(partial)).not.toBe(partial);
    expect(assertStory(partial).keywords).toEqual([]);
  });

  it('names the field path for each bad input, never a TypeError', () => {
    expect(issuesOf(() => assertStory({}))).toEqual([
      'id: expected a string, got nothing',
      'headline: expected a string, got nothing',
      'language: expected a string, got nothing',
      'body: expected an array, got nothing',
    ]);
    expect(issuesOf(() => assertStory(undefined))).toEqual([': expected an object, got nothing']);
    const body = plain();
    body.body = 'the article';
    expect(issuesOf(() => assertStory(body))).toEqual([
      expect.stringMatching(/^body: expected an array\b/),
    ]);
  });

  it('prefixes the paths of a story inside a collection', () => {
    const data = plain();
    data.headline = 7;
    expect(issuesOf(() => assertStory(data, { at: 'stories[2]' }))).toEqual([
      expect.stringMatching(/^stories\[2\]\.headline: expected a string\b/),
    ]);
  });
});
