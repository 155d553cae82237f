/**
 * A draft builds with no flags, and an article builds in one command: dates and authors the feeds
 * need come from the story, the flags or an honest placeholder, each said in a notice that names
 * the flag to set; every output of a draft says it is unreviewed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateStory } from '@storykit/core';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { FIXTURE_ARTICLES, FIXTURES, runCaptured, temp as tempFolder } from './test-support.js';

const temp = () => tempFolder('storykit-draft-');
// A checkout of mozilla/readability, given by READABILITY_PAGES (never stored here): its test pages.
const PAGES = join(process.env.READABILITY_PAGES ?? '', 'test/test-pages');
const EVERY_OUTPUT = [
  'article.html',
  'article.jsonld',
  'atom.xml',
  'brief.pdf',
  'feed.json',
  'report.docx',
  'rss.xml',
  'story.json',
];

/** Runs the command; whatever it prints names its own flags, never the libraries' options. */
async function storykit(args: string[]) {
  const result = await runCaptured(args);
  expect(result.stderr).not.toMatch(/\boptions\.[a-z]/i);
  return result;
}

/** What feedparser (Debian's python3-feedparser) reads from a feed file. */
function feedparser(file: string) {
  const program = `
import sys, json, feedparser
f = feedparser.parse(sys.argv[1])
print(json.dumps({'bozo': f.bozo, 'version': f.version, 'updated': f.feed.get('updated'),
  'author': f.feed.get('author'),
  'entries': [{'updated': e.get('updated'), 'published': e.get('published'),
    'author': e.get('author'), 'content': e.content[0].value if 'content' in e else None}
    for e in f.entries]}))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', program, file], { encoding: 'utf8' }));
}

/** An article that records no date at all and names no byline or publisher. */
const UNDATED = `Ferry fares rise again

Fares rose by 12 percent, the operator said.

“We had no choice,” said Ann Lee, the operator's director.
`;

describe('storykit build on a draft, with no flags', () => {
  it('builds the JSON draft of an article (storykit extract --json) into every output', async () => {
    const dir = temp();
    const draft = await storykit([
      'extract',
      join(FIXTURES, 'flood-warning/article.html'),
      '--json',
    ]);
    expect(draft.code).toBe(0);
    writeFileSync(join(dir, 'story.json'), draft.stdout);
    const out = join(dir, 'out');
    const { code, stderr } = await storykit(['build', join(dir, 'story.json'), '-o', out]);
    expect([code, stderr.split('\n').filter((l) => l.startsWith('storykit:'))]).toEqual([0, []]);
    expect(readdirSync(out).sort()).toEqual(EVERY_OUTPUT);
  });

  it('dates Atom with the epoch and leaves RSS and JSON Feed undated when nothing is dated, saying so', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'fares.txt'), UNDATED);
    const out = join(dir, 'out');
    const { code, stderr } = await storykit(['build', join(dir, 'fares.txt'), '-o', out]);
    expect(code).toBe(0);
    const notices = stderr.split('\n').filter((l) => /^(atom|rss)\.xml|^feed\.json/.test(l));
    expect(notices).toEqual([
      'rss.xml: ferry-fares-rise-again records no date to a day; written without dates (set one with --updated)',
      'atom.xml: ferry-fares-rise-again records no date to a day, and Atom requires one (RFC 4287 §4.1.2); dated 1970-01-01T00:00:00Z, which stands for "unknown" (set one with --updated)',
      'atom.xml: ferry-fares-rise-again names no author and no publisher, and Atom requires one (RFC 4287 §4.1.2); its author is "unknown" (set one with --author or --publisher)',
      'feed.json: ferry-fares-rise-again records no date to a day; written without dates (set one with --updated)',
    ]);
    const atom = feedparser(join(out, 'atom.xml'));
    expect(atom).toMatchObject({ bozo: false, version: 'atom10', updated: '1970-01-01T00:00:00Z' });
    expect(atom.author).toBe('unknown');
    expect(atom.entries[0]).toMatchObject({ updated: '1970-01-01T00:00:00Z', published: null });
    const rss = feedparser(join(out, 'rss.xml'));
    expect(rss).toMatchObject({ bozo: false, version: 'rss20', updated: null });
    expect(rss.entries[0]).toMatchObject({ updated: null, published: null });
    const json = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'));
    expect(json.items[0]).not.toHaveProperty('date_published');
    expect(json.items[0]).not.toHaveProperty('date_modified');
  });

  it('takes a month alone as no date, and builds', async () => {
    const dir = temp();
    writeFileSync(
      join(dir, 'story.yaml'),
      stringify({
        id: 'month',
        headline: 'A month',
        language: 'en',
        published: '2016-07',
        body: [{ text: 'Nothing happened.' }],
      }),
    );
    const out = join(dir, 'out');
    const { code } = await storykit(['build', dir, '-o', out, '-q', '--only', 'atom,rss']);
    expect(code).toBe(0);
    expect(feedparser(join(out, 'atom.xml')).updated).toBe('1970-01-01T00:00:00Z');
  });

  it('credits the feeds to --author, and a story that names no publisher to --publisher', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'fares.txt'), UNDATED);
    const build = (out: string, ...flags: string[]) =>
      storykit(['build', join(dir, 'fares.txt'), '-o', out, ...flags]);
    const authorOut = join(dir, 'a');
    const byAuthor = await build(authorOut, '--only', 'atom,jsonfeed', '--author', 'Harbour Desk');
    expect(byAuthor.code).toBe(0);
    expect(byAuthor.stderr).not.toContain('its author is "unknown"');
    expect(feedparser(join(authorOut, 'atom.xml')).author).toBe('Harbour Desk');
    expect(JSON.parse(readFileSync(join(authorOut, 'feed.json'), 'utf8')).authors).toEqual([
      { name: 'Harbour Desk' },
    ]);

    const publisherOut = join(dir, 'p');
    const byPublisher = await build(
      publisherOut,
      '-q',
      '--only',
      'story,atom,pdf',
      '--publisher',
      'Harbour Gazette',
    );
    expect(byPublisher.code).toBe(0);
    const atom = feedparser(join(publisherOut, 'atom.xml'));
    expect([atom.author, atom.entries[0].author]).toEqual([null, 'Harbour Gazette']);
    const story = JSON.parse(readFileSync(join(publisherOut, 'story.json'), 'utf8'));
    expect(validateStory(story)).toEqual([]);
    expect(story.sources.find((s: { id: string }) => s.id === story.publisher)).toEqual({
      id: 'harbour-gazette',
      kind: 'organization',
      name: 'Harbour Gazette',
      sameAs: [],
    });
    expect(story.notes.at(-1)).toMatchObject({ about: 'publisher' });
    expect(story.notes.at(-1).text).toContain('--publisher');
    const info = execFileSync('pdfinfo', [join(publisherOut, 'brief.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/^Author:\s+Harbour Gazette$/m);
  });

  it('keeps the publisher a story names, and refuses an empty name (exit 2)', async () => {
    const out = temp();
    const seed = join(FIXTURES, 'kerry-on-the-run');
    const kept = await storykit(['build', seed, '-o', out, '-q', '--only', 'story']);
    const given = await storykit([
      'build',
      seed,
      '-o',
      out,
      '-q',
      '--only',
      'story',
      '--publisher',
      'Other',
    ]);
    expect([kept.code, given.code]).toEqual([0, 0]);
    expect(JSON.parse(readFileSync(join(out, 'story.json'), 'utf8')).publisher).toBe('csmonitor');
    const empty = await storykit(['build', seed, '-o', out, '--author', ' ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^storykit: .*--author.*expected a name/);
  });

  it('validates a story with no date, no author and no publisher, as build builds it', async () => {
    const dir = temp();
    writeFileSync(
      join(dir, 'story.yaml'),
      stringify({ id: 'bare', headline: 'Bare', language: 'en', body: [{ text: 'Nothing.' }] }),
    );
    const validate = await storykit(['validate', dir]);
    expect([validate.code, validate.stderr]).toEqual([0, '']);
    expect((await storykit(['build', dir, '-o', join(dir, 'out'), '-q'])).code).toBe(0);
  });
});

describe('storykit build ARTICLE: extract, then build', () => {
  it.each(FIXTURE_ARTICLES.map((file) => [file.slice(FIXTURES.length + 1), file]))(
    'builds %s into every output, the drafted story.json among them',
    async (_name, file) => {
      const out = temp();
      const { code, stderr } = await storykit(['build', file, '-o', out]);
      expect(code).toBe(0);
      expect(stderr).toContain(`build: ${file} is an article; building its unreviewed draft`);
      expect(readdirSync(out).sort()).toEqual(EVERY_OUTPUT);
      const story = JSON.parse(readFileSync(join(out, 'story.json'), 'utf8'));
      expect(validateStory(story)).toEqual([]);
      expect(story.draft).toBe(true);
    },
  );

  it('says in every output that the model is an unreviewed draft', async () => {
    const out = temp();
    const file = join(FIXTURES, 'council-budget/article.md');
    expect((await storykit(['build', file, '-o', out, '-q'])).code).toBe(0);
    const pdf = execFileSync('pdftotext', [join(out, 'brief.pdf'), '-'], { encoding: 'utf8' });
    expect(pdf.split('\n')[0]).toMatch(/^UNREVIEWED DRAFT — not yet checked by an editor/);
    const docx = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys, docx; d = docx.Document(sys.argv[1]); print(d.core_properties.content_status); print("\\n".join(p.text for p in d.paragraphs[:6]))',
        join(out, 'report.docx'),
      ],
      { encoding: 'utf8' },
    );
    expect(docx.split('\n')[0]).toBe('Draft');
    expect(docx).toContain('Unreviewed draft — not yet checked by an editor');
    const graph = JSON.parse(readFileSync(join(out, 'article.jsonld'), 'utf8'))['@graph'];
    expect(graph[0].creativeWorkStatus).toBe('Draft');
    expect(readFileSync(join(out, 'article.html'), 'utf8')).toContain(
      '"creativeWorkStatus":"Draft"',
    );
    for (const feed of ['rss.xml', 'atom.xml'])
      expect(feedparser(join(out, feed)).entries[0].content).toMatch(
        /^<p><strong>Unreviewed draft<\/strong> — not yet checked/,
      );
  });

  it('fails with one line and writes nothing for an article that is not there', async () => {
    const out = join(temp(), 'out');
    const { code, stderr } = await storykit([
      'build',
      join(tmpdir(), 'no-such-page.html'),
      '-o',
      out,
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `storykit: cannot read the article ${join(tmpdir(), 'no-such-page.html')}: no such file or folder (ENOENT); check the path\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  // Real pages saved from news sites (Mozilla Readability's test pages, folders a–l), where present.
  const pages = existsSync(PAGES)
    ? ['aclu', 'bbc-1', 'cnn', 'guardian-1', 'herald-sun-1'].filter((p) =>
        existsSync(join(PAGES, p, 'source.html')),
      )
    : [];
  it.skipIf(pages.length === 0).each(pages)(
    'builds the real page %s with no flags',
    async (page) => {
      const out = temp();
      const { code } = await storykit(['build', join(PAGES, page, 'source.html'), '-o', out, '-q']);
      expect(code).toBe(0);
      expect(readdirSync(out).sort()).toEqual(EVERY_OUTPUT);
      expect(feedparser(join(out, 'atom.xml')).bozo).toBe(false);
    },
  );
});
