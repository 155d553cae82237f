import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, storykit, temp, tinyStory, writeStory } from './test-support.js';

const ESC = '\u001b';
const BEL = '\u0007';
const CSI = '\u009b';
/** Which of `chars` occur raw in `text`. */
const raw = (text: string, ...chars: string[]) => chars.filter((c) => text.includes(c));

describe('usage errors name the flag, exit 2', () => {
  it.each([
    [
      ['--updated', '2016-02-30'],
      'storykit: --updated: "2016-02-30" is not a date; expected ISO 8601 such as 2016-07-18\n',
    ],
    [
      ['--updated', '2016-07-18T25:00:00Z'],
      'storykit: --updated: "2016-07-18T25:00:00Z" is not a date; expected ISO 8601 such as 2016-07-18\n',
    ],
    [
      ['--base-url', 'news.example/stories'],
      'storykit: --base-url: "news.example/stories" is not an absolute http: or https: URL; expected such as https://news.example/stories/\n',
    ],
    [
      ['--base-url', 'javascript:alert(1)'],
      'storykit: --base-url: "javascript:alert(1)" is not an absolute http: or https: URL; expected such as https://news.example/stories/\n',
    ],
  ])('%j', (flags, expected) => {
    const out = temp('storykit-flags-');
    const { code, stderr } = storykit(['build', SEED, '-o', out, '--only', 'atom', ...flags]);
    expect([code, stderr]).toEqual([2, expected]);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('validate checks what build checks', () => {
  // Each story loads (or, once the loader checks it, fails to load) but cannot become a feed; both
  // commands must refuse it with the same line naming the story file and the field.
  const cases: [string, Record<string, unknown>, RegExp][] = [
    // A story with no date or no author and no publisher builds (draft-build.test.ts): the feeds
    // fall back and say so.
    [
      'a publication date not in the calendar',
      tinyStory({ published: '2024-02-30' }),
      /story\.yaml(:\d+)?: published: .*2024-02-30/,
    ],
    [
      'a javascript: URL for the photo',
      tinyStory({ media: [{ id: 'photo', kind: 'image', url: 'javascript:alert(1)' }] }),
      /story\.yaml(:\d+)?: media\[0\]\.url: .*javascript:alert\(1\)/,
    ],
  ];

  it.each(cases)('%s', (_name, story, expected) => {
    const dir = writeStory(join(temp('storykit-check-'), 'story'), story);
    const out = temp('storykit-out-');
    const validate = storykit(['validate', dir]);
    const build = storykit(['build', dir, '-o', out, '-q']);
    for (const result of [validate, build]) {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr.trimEnd()).toMatch(expected);
      expect(result.stderr).not.toMatch(/options\.|internal error/);
    }
    expect(validate.stderr).toBe(build.stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a story validate passes, build builds', () => {
    const dir = writeStory(join(temp('storykit-check-'), 'story'), tinyStory());
    expect(storykit(['validate', dir])).toMatchObject({ code: 0, stderr: '' });
    const out = temp('storykit-out-');
    expect(storykit(['build', dir, '-o', out, '-q'])).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('printed text cannot send terminal escapes', () => {
  it('a body.file name holding a newline and ESC is shown escaped, on one line', () => {
    const name = `a\nb${ESC}[31m.txt`;
    const dir = writeStory(
      join(temp('storykit-esc-'), 'story'),
      tinyStory({ body: { file: name, first: 'x', last: 'y' } }),
    );
    const { code, stderr } = storykit(['validate', dir]);
    expect(code).toBe(1);
    expect(stderr).not.toContain(ESC);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('a\\nb\\x1b[31m.txt');
  });

  it('the paths build prints are shown escaped', () => {
    const out = join(temp('storykit-esc-'), `out${ESC}]0;title${BEL}`);
    const { code, stderr } = storykit(['build', SEED, '-o', out, '--only', 'story']);
    expect(code).toBe(0);
    expect(raw(stderr, ESC, BEL)).toEqual([]);
    expect(stderr).toContain('out\\x1b]0;title\\x07/story.json');
  });

  it("extract's table shows an article's control characters escaped; --json keeps them as \\u escapes", () => {
    const dir = temp('storykit-esc-');
    const article = join(dir, 'a.txt');
    writeFileSync(
      article,
      `Bridge${ESC}[2J news\n\n“We will rebuild the ${ESC}[31mbridge${CSI},” said Mayor Lena Ortiz.\n`,
    );
    const table = storykit(['extract', article]);
    expect(table.code).toBe(0);
    expect(raw(table.stdout, ESC, CSI)).toEqual([]);
    expect(table.stdout).toContain('Bridge\\x1b[2J news');
    expect(table.stdout).toContain('\\x1b[31mbridge\\x9b');
    const json = storykit(['extract', article, '--json']);
    expect(raw(json.stdout, ESC, CSI)).toEqual([]);
    expect(JSON.parse(json.stdout).headline).toBe(`Bridge${ESC}[2J news`);
  });
});

describe('file-system errors name the file and what to do, exit 1', () => {
  it('an article that is a folder', () => {
    const dir = temp('storykit-fs-');
    mkdirSync(join(dir, 'article.txt'));
    const { code, stderr } = storykit(['extract', join(dir, 'article.txt')]);
    expect([code, stderr]).toEqual([
      1,
      `storykit: cannot read the article ${join(dir, 'article.txt')}: it is a folder (EISDIR); give a file, not a folder\n`,
    ]);
  });

  it('an --out below a file', () => {
    const dir = temp('storykit-fs-');
    writeFileSync(join(dir, 'file'), '');
    const out = join(dir, 'file', 'out');
    const { code, stderr } = storykit(['build', SEED, '-o', out, '--only', 'story']);
    expect([code, stderr]).toEqual([
      1,
      `storykit: cannot look at ${out}: a part of the path is a file, not a folder (ENOTDIR); check the path\n`,
    ]);
  });
});
