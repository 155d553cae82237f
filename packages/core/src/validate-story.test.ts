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
      'statements[1].kind: expected one of "direct", "partial", "indirect", got the text "rumour"',
    ]);
  });

  describe('invariant 6: what the generators would reject or publish as a link', () => {
    it('names the type a field got', () => {
      const story = resolved();
      story.headline = 12;
      story.keywords = [true];
      story.dek = { text: 'x' };
      story.section = ['a'];
      expect(paths(story)).toEqual([
        'headline: expected a string, got a number',
        'dek: expected a string, got an object',
        'section: expected a string, got a list',
        'keywords[0]: expected a string, got a boolean',
      ]);
    });

    it('says which limit a number or a list breaks, and what it got', () => {
      const story = resolved();
      story.sources[0].confidence = 1.5;
      story.statements[0].span.start = -1;
      story.statements[1].span.end = 2.5;
      story.body[0].depth = 0;
      story.body[1].kind = 'heading';
      story.body[1].depth = 7;
      expect(paths(story)).toEqual([
        'sources[0].confidence: expected a number at most 1, got 1.5',
        'body[0].depth: expected a number at least 1, got 0',
        'body[1].depth: expected a number at most 6, got 7',
        'statements[0].span.start: expected a number at least 0, got -1',
        'statements[1].span.end: expected an int, got a number',
      ]);
      story.body = [];
      expect(paths(story)).toContain('body: expected at least one body block');
    });

    it('refuses a day that is not in the calendar, and keeps partial dates', () => {
      const story = resolved();
      story.published = '2024-02-30';
      story.modified = '2023-02-29T10:00:00Z';
      story.statements[0].attribution.date = '1900-02-29';
      story.figures[0].date = '2016-04-31';
      expect(paths(story)).toEqual([
        'published: expected a day that exists in the calendar (2024-02-29, not 2024-02-30), got the text "2024-02-30"',
        'modified: expected a day that exists in the calendar (2024-02-29, not 2024-02-30), got the text "2023-02-29T10:00:00Z"',
        'statements[0].attribution.date: expected a day that exists in the calendar (2024-02-29, not 2024-02-30), got the text "1900-02-29"',
        'figures[0].date: expected a day that exists in the calendar (2024-02-29, not 2024-02-30), got the text "2016-04-31"',
      ]);
      for (const date of ['2016', '2016-07', '2024-02-29', '2000-02-29', '2016-07-31T23:59:59Z']) {
        story.published = date;
        story.modified = date;
        story.statements[0].attribution.date = date;
        story.figures[0].date = date;
        expect(paths(story), date).toEqual([]);
      }
    });

    it('accepts only http: and https: links, and mailto: for sameAs', () => {
      const story = resolved();
      story.url = 'javascript:alert(1)';
      story.media = [{ id: 'm', kind: 'image', url: 'data:image/png;base64,AAAA' }];
      story.sources[0].sameAs = ['mailto:desk@example.org', 'javascript:alert(1)'];
      story.entities = [{ id: 'e', kind: 'place', name: 'Nice', sameAs: ['file:///etc/passwd'] }];
      expect(paths(story)).toEqual([
        'url: expected an absolute http: or https: URL, got the text "javascript:alert(1)"',
        'media[0].url: expected an absolute http: or https: URL, got the text "data:image/png;base64,AAAA"',
        'sources[0].sameAs[1]: expected an absolute http:, https: or mailto: URL, got the text "javascript:alert(1)"',
        'entities[0].sameAs[0]: expected an absolute http:, https: or mailto: URL, got the text "file:///etc/passwd"',
      ]);
      story.url = 'mailto:desk@example.org';
      expect(paths(story)[0]).toMatch(/^url: expected an absolute http: or https: URL/);
      story.url = 'HTTPS://News.Example/a';
      story.media[0].url = 'https://img.example/a.jpg';
      story.sources[0].sameAs = ['https://www.wikidata.org/wiki/Q22316', 'mailto:desk@example.org'];
      story.entities[0].sameAs = ['http://example.org/nice'];
      expect(paths(story)).toEqual([]);
    });
  });

  describe('spans keep CR LF and surrogate pairs whole', () => {
    it('refuses a span that ends between CR and LF or inside a surrogate pair', () => {
      const story = resolved();
      story.body.push({ id: 'p3', kind: 'paragraph', text: 'One line.\r\nTwo 😀 lines.' });
      story.statements[2].span = { block: 'p3', start: 0, end: 10 };
      story.statements[2].text = 'One line.\r';
      story.figures[0].span = { block: 'p3', start: 16, end: 22 };
      expect(paths(story)).toEqual([
        'statements[2].span: span 0–10 of block p3 cuts a CR LF line break in two at 10; expected it to start and end outside the pair',
        'figures[0].span: span 16–22 of block p3 cuts a character (a UTF-16 surrogate pair) in two at 16; expected it to start and end outside the pair',
      ]);
      story.statements[2].span = { block: 'p3', start: 0, end: 11 };
      story.statements[2].text = 'One line.\r\n';
      expect(paths(story)[0]).toMatch(/^figures\[0\]/);
    });
  });
});
