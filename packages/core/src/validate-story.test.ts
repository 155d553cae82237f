import { resolveStoryFile, type Story, validateStory } from '@storykit/core';
import { describe, expect, it } from 'vitest';
import { readArticle, storyFile } from '../test/story-builder.js';

/** A mutable copy of a valid resolved story. */
function resolved(): { -readonly [K in keyof Story]: any } {
  return structuredClone(resolveStoryFile(storyFile(), readArticle)) as never;
}
const paths = (story: unknown) => validateStory(story).map((i) => `${i.path}: ${i.message}`);

describe('validateStory', () => {
  it('accepts a valid story and its JSON round trip', () => {
    const story = resolved();
    expect(validateStory(story)).toEqual([]);
    expect(validateStory(JSON.parse(JSON.stringify(story)))).toEqual([]);
  });

  it('puts the file on every issue when given one', () => {
    const story = resolved();
    story.statements[0].speaker = 'ghost';
    expect(validateStory(story, { file: 'out/story.json' })[0]?.file).toBe('out/story.json');
  });

  describe('invariant 1: unique ids, resolving references', () => {
    it('catches a duplicate id in each kind', () => {
      const story = resolved();
      story.sources.push({ ...story.sources[0], name: 'Again' });
      story.figures[1].id = 'f1';
      expect(paths(story)).toEqual([
        'sources[2].id: duplicate id "gov"; ids must be unique among sources',
        'figures[1].id: duplicate id "f1"; ids must be unique among figures',
      ]);
    });

    it('catches every kind of dangling reference', () => {
      const story = resolved();
      story.publisher = 'minister';
      story.authors = ['nobody'];
      story.statements[0].attribution.recipient = 'press';
      story.figures[0].place = 'atlantis';
      story.figures[0].statement = 's9';
      story.relations[0].from = 's8';
      expect(paths(story)).toEqual([
        'publisher: "minister" is a person; expected an organization source',
        'authors[0]: unknown source id "nobody"; expected one of the story\'s source ids',
        'statements[0].attribution.recipient: unknown source id "press"; expected one of the story\'s source ids',
        'figures[0].place: unknown entity id "atlantis"; expected one of the story\'s entity ids',
        'figures[0].statement: unknown statement id "s9"; expected one of the story\'s statement ids',
        'relations[0].from: unknown statement id "s8"; expected one of the story\'s statement ids',
      ]);
    });

    it('refuses a relation from a statement to itself', () => {
      const story = resolved();
      story.relations[0].to = story.relations[0].from;
      expect(paths(story)).toEqual(['relations[0]: statement "s2" cannot supports itself']);
    });
  });

  describe('invariant 2: quotes are verbatim', () => {
    it('catches a quote one character off its span', () => {
      const story = resolved();
      story.statements[0].text = 'will wrok';
      expect(paths(story)).toEqual([
        'statements[0].text: quote "will wrok" differs from the article at its span, which reads "will work"; a partial quote must be verbatim',
      ]);
    });

    it('lets an indirect claim paraphrase', () => {
      const story = resolved();
      story.statements[2].text = 'the plan would succeed';
      expect(paths(story)).toEqual([]);
    });
  });

  describe('invariant 3: a figure span writes its number', () => {
    it('catches a value the span does not write', () => {
      const story = resolved();
      story.figures[1].value = 85;
      expect(paths(story)).toEqual([
        'figures[1].value: the span reads "At least 84", which does not write 85; expected the number as written in the article',
      ]);
    });

    it('checks both ends of a range and their order', () => {
      const story = resolved();
      story.figures[0].value = { low: 45, high: 40 };
      expect(paths(story)).toEqual([
        'figures[0].value: range low 45 is above high 40; expected low ≤ high',
      ]);
    });
  });

  describe('invariant 4: spans lie inside one block', () => {
    it('catches a span past the end of its block, and one in no block', () => {
      const story = resolved();
      story.figures[0].span.end = 9999;
      story.figures[1].span.block = 'p7';
      expect(paths(story)).toEqual([
        expect.stringMatching(
          /^figures\[0\]\.span: span \d+–9999 lies outside block p1 \(0–\d+\); expected start < end ≤ \d+$/,
        ),
        'figures[1].span.block: unknown body block id "p7"; expected one of the story\'s body block ids',
      ]);
    });

    it('catches an empty span', () => {
      const story = resolved();
      story.statements[0].span.end = story.statements[0].span.start;
      expect(paths(story)[0]).toMatch(/^statements\[0\]\.span: span .* lies outside block p1/);
    });
  });

  describe('invariant 5: nothing comes from boilerplate', () => {
    it('catches a paywall line taken into the body', () => {
      const story = resolved();
      story.body.push({
        id: 'p3',
        kind: 'paragraph',
        text: "You've read  of  free articles. Subscribe to continue.",
      });
      expect(paths(story)).toEqual([
        'body[2]: block p3 is boilerplate ("You\'ve read  of  free articles. Subscribe to continue."); paywall and offer lines belong to no block',
      ]);
    });
  });

  it('reports shape errors with their path and what was expected', () => {
    const story = resolved();
    story.statements[1].kind = 'rumour';
    delete story.headline;
    expect(paths(story)).toEqual([
      'headline: expected a string, got nothing',
      'statements[1].kind: expected one of "direct", "partial", "indirect"',
    ]);
  });
});
