import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateStory } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { checkJsonLd } from '@storykit/jsonld/check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

const made: string[] = [];
/** A fresh temporary folder, removed when the file's tests are done. */
function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run', import.meta.url));
const ARTICLE = readFileSync(join(SEED, 'article.txt'), 'utf8');

/** Runs the built command in a child process, as a user would. */
function storykit(args: string[], cwd = tmpdir()) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A small valid story over the seed article, for bad-input tests to break one field of. */
function smallStory() {
  return {
    id: 'small',
    headline: 'Kerry says ISIS is on the run',
    language: 'en',
    body: { file: 'article.txt', first: 'As the self-declared', last: 'he said.' },
    sources: [{ id: 'kerry', kind: 'person', name: 'John Kerry' }],
    statements: [
      {
        id: 's1',
        kind: 'partial',
        text: 'on the run',
        speaker: 'kerry',
        anchor: { exact: 'on the run', block: 'p1' },
      },
      {
        id: 's2',
        kind: 'direct',
        text: 'If people are inspired, they are inspired,',
        speaker: 'kerry',
      },
    ],
    figures: [
      {
        id: 'f1',
        value: 84,
        qualifier: 'at least',
        unit: 'people',
        measure: 'killed',
        subject: 'Nice attack',
        anchor: 'at least 84',
      },
    ],
  };
}

function storyDir(data: unknown, yamlText = stringify(data)): string {
  const dir = temp('storykit-cli-');
  writeFileSync(join(dir, 'article.txt'), ARTICLE);
  writeFileSync(join(dir, 'story.yaml'), yamlText);
  return dir;
}

describe('storykit validate', () => {
  it('prints a one-line summary with the counts of the seed and exits 0', () => {
    const { code, stdout, stderr } = storykit(['validate', SEED]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const story = loadStory(SEED);
    const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    expect(stdout).toBe(
      `${SEED}: valid — ${count(story.statements.length, 'statement')}, ${count(story.figures.length, 'figure')}, ${count(story.sources.length, 'source')}, ${count(story.entities.length, 'entity', 'entities')}, ${count(story.relations.length, 'relation')}, ${count(story.body.length, 'paragraph')}\n`,
    );
  });
});

describe('storykit build', () => {
  it('writes story.json that loads back and validates', () => {
    const out = temp('storykit-out-');
    const { code, stderr } = storykit(['build', SEED, '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain(`wrote ${join(out, 'story.json')}`);
    expect(loadStory(join(out, 'story.json'))).toEqual(loadStory(SEED));
  });

  it('builds the bundled seed into ./out with no argument, quietly with --quiet', () => {
    const cwd = temp('storykit-cwd-');
    const { code, stderr } = storykit(['build', '--quiet'], cwd);
    expect([code, stderr]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'story.json'), 'utf8')).id).toBe(
      'kerry-on-the-run',
    );
  });

  it('writes the same bytes twice, for every output', () => {
    const a = temp('storykit-a-');
    const b = temp('storykit-b-');
    storykit(['build', SEED, '-o', a, '-q']);
    storykit(['build', SEED, '-o', b, '-q']);
    const files = readdirSync(a).sort();
    expect(files).toEqual(readdirSync(b).sort());
    for (const file of files)
      expect(readFileSync(join(a, file))).toEqual(readFileSync(join(b, file)));
  });

  it('writes the schema.org graph, valid offline, and a page that embeds the same graph', async () => {
    const out = temp('storykit-jsonld-');
    const { code } = storykit(['build', SEED, '--out', out, '--only', 'jsonld', '-q']);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['article.html', 'article.jsonld']);
    const jsonld = readFileSync(join(out, 'article.jsonld'), 'utf8');
    const result = await checkJsonLd(jsonld);
    expect(result.errors).toEqual([]);
    expect(JSON.parse(jsonld)['@graph'][0]).toMatchObject({
      '@type': 'NewsArticle',
      headline: loadStory(SEED).headline,
    });
    // Python's HTML parser finds exactly one JSON-LD script, holding the same graph.
    const scripts = JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        [
          '-c',
          [
            'import sys, json',
            'from html.parser import HTMLParser',
            'class P(HTMLParser):',
            '    found, inside = [], False',
            '    def handle_starttag(self, tag, attrs):',
            "        self.inside = tag == 'script' and ('type', 'application/ld+json') in attrs",
            "        if self.inside: self.found.append('')",
            '    def handle_endtag(self, tag): self.inside = False',
            '    def handle_data(self, data):',
            '        if self.inside: self.found[-1] += data',
            'p = P(); p.feed(sys.stdin.read()); print(json.dumps(p.found))',
          ].join('\n'),
        ],
        { input: readFileSync(join(out, 'article.html'), 'utf8'), encoding: 'utf8' },
      ),
    );
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0])).toEqual(JSON.parse(jsonld));
  });
});

describe('storykit build: the print brief', () => {
  it('writes brief.pdf, tagged, with the story attached', () => {
    const out = temp('storykit-pdf-');
    expect(storykit(['build', SEED, '-o', out, '-q', '--only', 'pdf']).code).toBe(0);
    const pdf = join(out, 'brief.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Pages:\s+[12]\n/);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain(
      'Kerry says ISIS',
    );
    expect(execFileSync('pdfdetach', ['-list', pdf], { encoding: 'utf8' })).toContain('story.json');
  });
});

describe('storykit build: feeds', () => {
  const parse = (file: string) =>
    JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        [
          '-c',
          'import sys, json, feedparser; f = feedparser.parse(sys.argv[1]); print(json.dumps({"bozo": f.bozo, "title": f.feed.get("title"), "updated": f.feed.get("updated"), "links": [e.link for e in f.entries]}))',
          file,
        ],
        { encoding: 'utf8' },
      ),
    );

  it('writes RSS, Atom and JSON Feed for a story, dated from its events when it has no date', () => {
    const out = temp('storykit-feeds-');
    const { code, stderr } = storykit(['build', SEED, '-o', out, '--only', 'rss,atom,jsonfeed']);
    expect(code).toBe(0);
    expect(stderr.split('\n').filter((l) => l.startsWith('feeds:'))).toEqual([
      'feeds: kerry-on-the-run has no publication date; dated 2016-07-17, the latest date it records (set one with --updated)',
    ]);
    const headline = loadStory(SEED).headline;
    expect(parse(join(out, 'rss.xml'))).toMatchObject({
      bozo: false,
      title: headline,
      links: ['https://storykit.invalid/kerry-on-the-run/'],
    });
    expect(parse(join(out, 'atom.xml'))).toMatchObject({
      bozo: false,
      updated: '2016-07-17T00:00:00Z',
    });
    expect(JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'))).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: headline,
    });
  });

  it('takes the base URL and the date from the command line', () => {
    const out = temp('storykit-feeds-');
    const args = [
      'build',
      SEED,
      '-o',
      out,
      '--only',
      'atom',
      '-q',
      '--base-url',
      'https://news.example/kerry/',
      '--updated',
      '2016-07-18',
    ];
    expect(storykit(args)).toMatchObject({ code: 0, stderr: '' });
    expect(parse(join(out, 'atom.xml'))).toMatchObject({
      updated: '2016-07-18T00:00:00Z',
      links: ['https://news.example/kerry/'],
    });
    const bad = storykit(['build', SEED, '-o', out, '--updated', 'yesterday']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'storykit: --updated: "yesterday" is not a date; expected ISO 8601 such as 2016-07-18\n',
    ]);
  });

  it('builds a folder of stories into a folder each, and one feed for all', () => {
    const root = temp('storykit-stories-');
    const a = join(root, 'a');
    const b = join(root, 'b');
    for (const [dir, id] of [
      [a, 'story-a'],
      [b, 'story-b'],
    ] as const) {
      execFileSync('mkdir', ['-p', dir]);
      writeFileSync(join(dir, 'article.txt'), ARTICLE);
      writeFileSync(
        join(dir, 'story.yaml'),
        stringify({ ...smallStory(), id, published: '2016-07-18' }),
      );
    }
    const out = temp('storykit-out-');
    const { code } = storykit([
      'build',
      root,
      '-o',
      out,
      '-q',
      '--only',
      'story,rss',
      '--base-url',
      'https://news.example/',
      '--title',
      'Two stories',
    ]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['rss.xml', 'story-a', 'story-b']);
    expect(readdirSync(join(out, 'story-a')).sort()).toEqual(['rss.xml', 'story.json']);
    expect(parse(join(out, 'rss.xml'))).toMatchObject({
      bozo: false,
      title: 'Two stories',
      links: ['https://news.example/story-a/', 'https://news.example/story-b/'],
    });
  });
});

describe('storykit extract', () => {
  const ARTICLE_FILE = join(SEED, 'article.txt');

  it('prints the draft as JSON in the shape of story.json, which validates', () => {
    const { code, stdout, stderr } = storykit(['extract', ARTICLE_FILE, '--json']);
    expect([code, stderr]).toEqual([0, '']);
    const draft = JSON.parse(stdout);
    expect(validateStory(draft)).toEqual([]);
    expect(draft.statements.length).toBeGreaterThan(20);
  });

  it('prints a readable table otherwise', () => {
    const { code, stdout } = storykit(['extract', ARTICLE_FILE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Kerry says ISIS is 'on the run\.' Is it really\?\ndraft: \d+ statements/,
    );
    expect(stdout).toMatch(/\n {2}¶1 {3}partial {2}John Kerry +0\.\d\d {2}“on the run\.”\n/);
    expect(stdout).toContain('\nfigures\n  ¶6   2 countries');
  });

  it('reads the format from the file name, or --format', () => {
    const dir = temp('storykit-extract-');
    writeFileSync(
      join(dir, 'a.md'),
      '# Title\n\n“We will rebuild the bridge,” said Mayor Lena Ortiz.\n',
    );
    const md = JSON.parse(storykit(['extract', join(dir, 'a.md'), '--json']).stdout);
    expect([md.headline, md.sources[0].name]).toEqual(['Title', 'Lena Ortiz']);
    writeFileSync(
      join(dir, 'page'),
      '<h1>Page</h1><p>“We will rebuild the bridge,” said Ann Lee.</p>',
    );
    const html = JSON.parse(
      storykit(['extract', join(dir, 'page'), '--format', 'html', '--json']).stdout,
    );
    expect(html.headline).toBe('Page');
  });

  it('fails with one line: a missing file (exit 1), an unknown format (exit 2)', () => {
    const missing = storykit(['extract', 'no-such-article.txt']);
    expect([missing.code, missing.stderr]).toEqual([
      1,
      'storykit: cannot read the article no-such-article.txt: no such file or folder (ENOENT); check the path\n',
    ]);
    const format = storykit(['extract', ARTICLE_FILE, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(
      /^storykit: option '--format <format>' argument 'pdf' is invalid/,
    );
  });
});

describe('bad input: one clear line each, exit 1, no stack trace, nothing written', () => {
  const mutate = (change: (s: ReturnType<typeof smallStory>) => void) => {
    const s = smallStory();
    change(s);
    return storyDir(s);
  };
  const cases: [string, () => string, RegExp][] = [
    [
      'an unknown speaker id',
      () =>
        mutate((s) => {
          s.statements[0]!.speaker = 'kery';
        }),
      /story\.yaml:\d+: statements\[0\]\.speaker: unknown source id "kery"; expected one of the story's source ids$/,
    ],
    [
      'an anchor not in the article',
      () =>
        mutate((s) => {
          s.figures[0]!.anchor = 'at least 85';
        }),
      /story\.yaml:\d+: figures\[0\]\.anchor: text "at least 85" not found in the body; closest is p\d+, which differs at character 11/,
    ],
    [
      'an anchor that matches twice',
      () =>
        mutate((s) => {
          s.statements[0]!.anchor = { exact: 'on the run' } as never;
        }),
      /story\.yaml:\d+: statements\[0\]\.anchor: text "on the run" matches 2 times \(p1@\d+, p9@\d+\); expected one/,
    ],
    [
      'a quote one character off',
      () =>
        mutate((s) => {
          s.statements[1]!.text = 'If people are inspired, they are inspired.';
        }),
      /story\.yaml:\d+: statements\[1\]\.text: text "If people are inspired, they are inspired\." not found in the body; closest is p12, which differs at character 42: the article has "," where "\." was expected/,
    ],
    [
      'a duplicate id',
      () =>
        mutate((s) => {
          s.statements[1]!.id = 's1';
        }),
      /story\.yaml:\d+: statements\[1\]\.id: duplicate id "s1"; ids must be unique among statements/,
    ],
    [
      'a figure value that is not a number',
      () =>
        mutate((s) => {
          s.figures[0]!.value = 'eighty-four' as never;
        }),
      /story\.yaml:\d+: figures\[0\]\.value: expected/,
    ],
    [
      'a YAML syntax error',
      () => storyDir(null, 'id: small\nheadline: "unclosed\nlanguage: en\n'),
      /story\.yaml:\d+: YAML syntax error: /,
    ],
    [
      'a missing story folder',
      () => join(tmpdir(), 'no-such-story'),
      /no-such-story: no such story folder or file; expected a folder holding story\.yaml/,
    ],
  ];

  it.each(cases)('%s', (_name, make, expected) => {
    const dir = make();
    for (const command of ['validate', 'build']) {
      const out = temp('storykit-bad-');
      const { code, stdout, stderr } = storykit(
        command === 'build' ? ['build', dir, '--out', out] : ['validate', dir],
      );
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(expected);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(out)).toEqual([]);
    }
  });

  it('lists every problem, one line each', () => {
    const dir = mutate((s) => {
      s.statements[0]!.speaker = 'nobody';
      (s.figures[0] as Record<string, unknown>).place = 'atlantis';
    });
    const { code, stderr } = storykit(['validate', dir]);
    expect(code).toBe(1);
    expect(
      stderr
        .trimEnd()
        .split('\n')
        .map((l) => l.replace(/^.*story\.yaml:\d+: /, '')),
    ).toEqual([
      'statements[0].speaker: unknown source id "nobody"; expected one of the story\'s source ids',
      'figures[0].place: unknown entity id "atlantis"; expected one of the story\'s entity ids',
    ]);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['frobnicate'], /^storykit: unknown command 'frobnicate'/],
    [['validate'], /^storykit: missing required argument 'story'/],
    [
      ['build', '--only', 'story,nope'],
      /^storykit: --only: unknown output "nope"; expected some of story/,
    ],
    [['build', '--bogus'], /^storykit: unknown option '--bogus'/],
  ])('%j', (args, expected) => {
    const { code, stderr } = storykit(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(expected);
    expect(existsSync(join(tmpdir(), 'out', 'nope'))).toBe(false);
  });

  it('prints help and exits 0', () => {
    const { code, stdout } = storykit(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('validate [options] <story>');
    expect(stdout).toContain('build [options] [story]');
  });
});

describe('the published command', () => {
  it('runs as an executable with its shebang', () => {
    expect(execFileSync(BIN, ['--help'], { encoding: 'utf8' })).toContain('Usage: storykit');
  });
});
