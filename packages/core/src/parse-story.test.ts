import {
  formatIssue,
  isStoryValidationError,
  parseStory,
  resolveStoryFile,
  type StoryIssue,
  StoryValidationError,
} from '@storykit/core';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ARTICLE, readArticle, storyFile } from '../test/story-builder.js';

/** The issues a curated story gives, or [] when it resolves. */
function issuesOf(data: unknown): StoryIssue[] {
  try {
    resolveStoryFile(data, readArticle);
    return [];
  } catch (error) {
    if (!isStoryValidationError(error)) throw error;
    return [...error.issues];
  }
}

describe('resolveStoryFile', () => {
  it('resolves anchors to spans and cuts the body to the article proper', () => {
    const story = resolveStoryFile(storyFile(), readArticle);
    expect(story.body.map((b) => b.id)).toEqual(['p1', 'p2']);
    expect(story.body.some((b) => b.text.includes('Subscribe'))).toBe(false);
    const [s1, s2] = story.statements;
    expect(s1?.span).toEqual({ block: 'p1', start: 28, end: 37 });
    expect(story.body[0]?.text.slice(28, 37)).toBe('will work');
    expect(s2?.span).toEqual({ block: 'p2', start: 1, end: 14 });
    expect(story.figures[1]?.span).toMatchObject({ block: 'p2' });
    expect(Object.isFrozen(story.statements[0])).toBe(true);
  });

  it('keeps the draft mark, and accepts only true or false for it', () => {
    expect(resolveStoryFile({ ...storyFile(), draft: true }, readArticle).draft).toBe(true);
    expect(resolveStoryFile(storyFile(), readArticle).draft).toBeUndefined();
    const issues = issuesOf({ ...storyFile(), draft: 'yes' });
    expect(issues.map((issue) => issue.path)).toEqual(['draft']);
  });

  it('names the file, the field path and what was expected for an unknown speaker', () => {
    const data = storyFile();
    (data.statements as { speaker: string }[])[1]!.speaker = 'nobody';
    expect(issuesOf(data)).toEqual([
      {
        file: 'story.yaml',
        path: 'statements[1].speaker',
        message: 'unknown source id "nobody"; expected one of the story\'s source ids',
      },
    ]);
  });

  it('reports an anchor whose text is not in the article', () => {
    const data = storyFile();
    (data.figures as { anchor: string }[])[1]!.anchor = 'at most 99';
    const [issue, ...rest] = issuesOf(data);
    expect(rest).toEqual([]);
    expect(issue?.path).toBe('figures[1].anchor');
    expect(issue?.message).toContain('"at most 99" not found in the body');
  });

  it('reports an anchor that matches twice without a disambiguator', () => {
    const data = storyFile();
    (data.statements as { anchor?: unknown }[])[1]!.anchor = undefined;
    const [issue] = issuesOf(data);
    expect(issue?.path).toBe('statements[1].text');
    expect(issue?.message).toMatch(/matches 2 times \(p2@1, p2@27\); expected one/);
  });

  it('points at the first differing character of a quote that is off by one', () => {
    const data = storyFile();
    (data.statements as { text: string }[])[0]!.text = 'will work!';
    const [issue] = issuesOf(data);
    expect(issue?.path).toBe('statements[0].text');
    expect(issue?.message).toContain('differs at character 10');
  });

  it('rejects a quote whose text differs from its explicit anchor', () => {
    const data = storyFile();
    (data.statements as { text: string; anchor?: unknown }[])[0]!.anchor = 'will work';
    (data.statements as { text: string }[])[0]!.text = 'will wok';
    expect(issuesOf(data).map(formatIssue)).toEqual([
      'story.yaml: statements[0].text: quote "will wok" differs from the article at its span, which reads "will work"; a partial quote must be verbatim',
    ]);
  });

  it('reports duplicate ids', () => {
    const data = storyFile();
    (data.figures as { id: string }[])[1]!.id = 'f1';
    expect(issuesOf(data).map(formatIssue)).toEqual([
      'story.yaml: figures[1].id: duplicate id "f1"; ids must be unique among figures',
    ]);
  });

  it('reports a figure value that is not a number', () => {
    const data = storyFile();
    (data.figures as { value: unknown }[])[1]!.value = 'eighty-four';
    const [issue] = issuesOf(data);
    expect(issue?.path).toBe('figures[1].value');
    expect(issue?.message).toContain('expected');
  });

  it('returns every problem at once, not just the first', () => {
    const data = storyFile();
    (data.statements as { speaker: string }[])[0]!.speaker = 'x';
    (data.sources as { affiliation?: string }[])[1]!.affiliation = 'minister';
    (data.relations as { to: string }[])[0]!.to = 's9';
    expect(issuesOf(data).map((i) => i.path)).toEqual([
      'sources[1].affiliation',
      'statements[0].speaker',
      'relations[0].to',
    ]);
  });

  it('reports a broken anchor and a broken reference on the same statement', () => {
    const data = storyFile();
    const s1 = (data.statements as { text: string; speaker: string }[])[0]!;
    s1.text = 'will not work';
    s1.speaker = 'nobody';
    expect(issuesOf(data).map((i) => i.path)).toEqual([
      'statements[0].text',
      'statements[0].speaker',
    ]);
  });

  it('reports unknown fields by name', () => {
    const data = { ...storyFile(), headlne: 'typo' };
    expect(issuesOf(data)).toEqual([
      { file: 'story.yaml', path: '', message: 'unknown field "headlne"' },
    ]);
  });

  it('fails clearly when the body file cannot be read', () => {
    expect(() =>
      resolveStoryFile(storyFile(), {
        file: 'story.yaml',
        readText: () => {
          throw Object.assign(new Error('gone'), { code: 'ENOENT' });
        },
      }),
    ).toThrow('story.yaml: body.file: cannot read "article.txt" (ENOENT)');
  });
});

describe('parseStory', () => {
  it('parses YAML and puts the line of the offending field on the issue', () => {
    const data = storyFile();
    (data.statements as { speaker: string }[])[1]!.speaker = 'nobody';
    const text = stringify(data);
    const line = text.split('\n').findIndex((l) => l.includes('speaker: nobody')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(() => parseStory(text, readArticle)).toThrow(
      `story.yaml:${line}: statements[1].speaker: unknown source id "nobody"`,
    );
  });

  it('reports a YAML syntax error with its line', () => {
    expect(() => parseStory('id: x\nheadline: [unclosed\nlanguage: en\n', readArticle)).toThrow(
      /^story\.yaml:\d+: YAML syntax error: /,
    );
  });

  it('gives an article text unchanged to the reader', () => {
    expect(parseStory(stringify(storyFile()), readArticle).body[1]?.text).toBe(
      ARTICLE.split('\n\n')[2],
    );
  });

  it('reads an article with CR LF line ends into the same body and spans', () => {
    const crlf = { file: 'story.yaml', readText: () => ARTICLE.replace(/\n/g, '\r\n') };
    const story = parseStory(stringify(storyFile()), crlf);
    expect(story).toEqual(parseStory(stringify(storyFile()), readArticle));
    expect(story.body.some((b) => b.text.includes('\r'))).toBe(false);
  });

  it('refuses a body file given as an absolute path or with "..", without calling the reader', () => {
    for (const file of ['/etc/passwd', '../../etc/passwd', 'a/../../b.txt']) {
      const data = { ...storyFile(), body: { file, first: 'The minister', last: 'people came.' } };
      let called = false;
      const reader = {
        file: 'story.yaml',
        readText: () => {
          called = true;
          return ARTICLE;
        },
      };
      expect(() => parseStory(stringify(data), reader)).toThrow(
        new RegExp(
          `^story\\.yaml:\\d+: body\\.file: ${JSON.stringify(file).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} (is an absolute path|goes up with)`,
        ),
      );
      expect(called).toBe(false);
    }
  });

  it('passes the issues a reader throws through, and refuses a body over maxBytes', () => {
    const refusing = {
      file: 'story.yaml',
      readText: () => {
        throw new StoryValidationError([
          { file: 'story.yaml', path: 'body.file', message: 'not today' },
        ]);
      },
    };
    expect(() => parseStory(stringify(storyFile()), refusing)).toThrow(
      /^story\.yaml:\d+: body\.file: not today$/,
    );
    const text = stringify(storyFile());
    const long = `${ARTICLE}\n\n${'pad '.repeat(1000)}`;
    const limit = new TextEncoder().encode(text).length + 10;
    const reader = { file: 'story.yaml', readText: () => long, maxBytes: limit };
    expect(() => parseStory(text, reader)).toThrow(
      `body.file: "article.txt" is ${new TextEncoder().encode(long).length} bytes, over the limit of ${limit} (maxBytes)`,
    );
  });
});
