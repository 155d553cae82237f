/**
 * `storykit extract FILE --yaml`: a curated story.yaml an editor reviews, anchored by text, that
 * `storykit validate` accepts and that loads back into the very draft it was written from.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStory } from '@storykit/core/node';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  FIXTURE_ARTICLES,
  FIXTURES,
  runCaptured as storykit,
  temp as tempFolder,
} from './test-support.js';

const temp = () => tempFolder('storykit-yaml-');
// A checkout of mozilla/readability, given by READABILITY_PAGES (never stored here).
const PAGE = join(process.env.READABILITY_PAGES ?? '', 'test/test-pages/bbc-1/source.html');

/** Every key anywhere in a parsed YAML value. */
function keys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keys);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]);
  return [];
}

/**
 * Extracts the article as YAML and as JSON, writes the YAML to a story folder, validates it with
 * the command, and returns both the story it loads to and the JSON draft.
 */
async function roundTrip(article: string) {
  const yaml = await storykit(['extract', article, '--yaml']);
  const json = await storykit(['extract', article, '--json']);
  expect([yaml.code, json.code]).toEqual([0, 0]);
  const dir = temp();
  writeFileSync(join(dir, 'story.yaml'), yaml.stdout);
  const valid = await storykit(['validate', dir]);
  expect([valid.code, valid.stderr]).toEqual([0, '']);
  return { yaml: yaml.stdout, loaded: loadStory(dir), draft: JSON.parse(json.stdout) };
}

describe('storykit extract --yaml', () => {
  it.each(FIXTURE_ARTICLES.map((file) => [file.slice(FIXTURES.length + 1), file]))(
    'writes a story.yaml of %s that validates and loads back into the same draft',
    async (_name, file) => {
      const { yaml, loaded, draft } = await roundTrip(file);
      expect(JSON.parse(JSON.stringify(loaded))).toEqual(draft);
      // Anchored by text: no span, no offsets anywhere in the file.
      const used = keys(parse(yaml));
      for (const offsetKey of ['span', 'start', 'end']) expect(used).not.toContain(offsetKey);
    },
  );

  it.skipIf(!existsSync(PAGE))('round-trips the draft of a real page (bbc-1)', async () => {
    const { loaded, draft } = await roundTrip(PAGE);
    expect(JSON.parse(JSON.stringify(loaded))).toEqual(draft);
  });

  it('tells repeated text apart with the fewest words around it', async () => {
    const dir = temp();
    const article = join(dir, 'fares.txt');
    writeFileSync(
      article,
      'Ferry fares rise again\n\nFares rose by 12 percent in March, the operator said.\n\nFares rose by 12 percent in April too, the operator said.\n',
    );
    const { yaml, loaded, draft } = await roundTrip(article);
    expect(JSON.parse(JSON.stringify(loaded))).toEqual(draft);
    const anchors = (parse(yaml).figures as { anchor: unknown }[]).map((f) => f.anchor);
    expect(anchors).toEqual([
      { exact: '12 percent', suffix: ' in March,' },
      { exact: '12 percent', suffix: ' in April' },
    ]);
  });

  it('keeps the draft mark, with how to clear it, and the notes', async () => {
    const dir = temp();
    const article = join(dir, 'untitled.txt');
    // No headline line: the draft takes the body's first words and says so in a note.
    writeFileSync(
      article,
      'The harbour authority said on Tuesday that the new ferry terminal would open in the spring, after two years of building work that ran over its budget.\n',
    );
    const { yaml, loaded } = await roundTrip(article);
    expect(yaml).toMatch(/^draft: true # remove this line once the model is reviewed$/m);
    expect(yaml.startsWith(`# An unreviewed draft of "${loaded.headline}", drafted from`)).toBe(
      true,
    );
    expect(loaded.notes.map((n) => n.id)).toContain('headline-from-body');
    expect(loaded.draft).toBe(true);
  });

  it('builds from the reviewed file as a story, not a draft, once the mark is removed', async () => {
    const dir = temp();
    const yaml = await storykit([
      'extract',
      join(FIXTURES, 'flood-warning/article.html'),
      '--yaml',
    ]);
    writeFileSync(join(dir, 'story.yaml'), yaml.stdout.replace(/^draft: true.*\n/m, ''));
    const out = join(dir, 'out');
    expect((await storykit(['build', dir, '-o', out, '-q', '--only', 'jsonld'])).code).toBe(0);
    const article = JSON.parse(readFileSync(join(out, 'article.jsonld'), 'utf8'))['@graph'][0];
    expect(article).not.toHaveProperty('creativeWorkStatus');
  });

  it('writes characters a terminal acts on as escapes, which load back as they were', async () => {
    const dir = temp();
    const article = join(dir, 'bidi.txt');
    writeFileSync(
      article,
      'Harbour plan approved\n\nThe council said the \u202eplan\u202c would cost 12 million dollars\u0085 in all.\n',
    );
    const { yaml, loaded, draft } = await roundTrip(article);
    expect(yaml).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
    expect(yaml).toContain('\\u202e');
    expect(loaded.body[0]?.text).toContain('\u202eplan\u202c');
    expect(JSON.parse(JSON.stringify(loaded))).toEqual(draft);
  });

  it('refuses --yaml with --json (exit 2)', async () => {
    const both = await storykit([
      'extract',
      join(FIXTURES, 'kerry-on-the-run/article.txt'),
      '--yaml',
      '--json',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^storykit: option '--yaml' cannot be used with option '--json'/);
  });
});
