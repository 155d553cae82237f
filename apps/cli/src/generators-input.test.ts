/**
 * Every generator, given input that did not come through loadStory or readStory, checks it with
 * core's assertStory first: a broken story gives a StoryValidationError naming the field path,
 * never a TypeError and never output with `undefined` or a dangling id in it. This package
 * depends on every generator, so the one table of cases runs through all of them here.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isStoryValidationError, type Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toDocx } from '@storykit/docx';
import { streamAtom, streamJsonFeed, streamRss, toAtom, toJsonFeed, toRss } from '@storykit/feed';
import { toJsonLd, toJsonLdScript } from '@storykit/jsonld';
import { toPdf, toPdfStream } from '@storykit/pdf';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run', import.meta.url));
const FEED = { baseUrl: 'https://news.example/', updated: '2016-07-18' };

/** The seed story as plain, mutable JSON, as a caller might build or read it. */
function seedJson(): Record<string, any> {
  return JSON.parse(JSON.stringify(loadStory(SEED)));
}

async function drain(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += typeof chunk === 'string' ? chunk : '';
  return out;
}

/** Each generator, as a function of a story that resolves to the text a reader would see. */
const GENERATORS: Record<string, (story: unknown) => Promise<string>> = {
  toPdf: async (story) =>
    execFileSync('pdftotext', ['-', '-'], { input: await toPdf(story as Story) }).toString(),
  toPdfStream: async (story) => {
    const chunks: Buffer[] = [];
    for await (const chunk of toPdfStream(story as Story)) chunks.push(chunk as Buffer);
    return execFileSync('pdftotext', ['-', '-'], { input: Buffer.concat(chunks) }).toString();
  },
  toDocx: async (story) => {
    const files = unzipSync(await toDocx(story as Story));
    return Object.entries(files)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
  },
  toRss: async (story) => toRss(story as Story, FEED),
  toAtom: async (story) => toAtom(story as Story, FEED),
  toJsonFeed: async (story) => toJsonFeed(story as Story, FEED),
  streamRss: (story) => drain(streamRss([story as Story], { ...FEED, title: 'T' })),
  streamAtom: (story) => drain(streamAtom([story as Story], { ...FEED, title: 'T' })),
  streamJsonFeed: (story) => drain(streamJsonFeed([story as Story], { ...FEED, title: 'T' })),
  toJsonLd: async (story) => JSON.stringify(toJsonLd(story as Story)),
  toJsonLdScript: async (story) => toJsonLdScript(story as Story),
};

/** The seed story with one change made to its JSON. */
const edited = (change: (story: Record<string, any>) => void) => () => {
  const story = seedJson();
  change(story);
  return story;
};

/** Bad input, and the field path the error must name first. */
const BROKEN: Record<string, { story: () => unknown; path: RegExp }> = {
  'an empty object': { story: () => ({}), path: /^(stories\[0\]\.)?id$/ },
  'no headline': {
    story: edited((s) => {
      delete s.headline;
    }),
    path: /^(stories\[0\]\.)?headline$/,
  },
  'a string body': {
    story: edited((s) => {
      s.body = 'The whole article in one string.';
    }),
    path: /^(stories\[0\]\.)?body$/,
  },
  'a figure value "forty"': {
    story: edited((s) => {
      s.figures[0].value = 'forty';
    }),
    path: /^(stories\[0\]\.)?figures\[0\]\.value$/,
  },
  'a speaker that does not exist': {
    story: edited((s) => {
      s.statements[0].speaker = 'nobody';
    }),
    path: /^(stories\[0\]\.)?statements\[0\]\.speaker$/,
  },
};

describe.each(Object.entries(GENERATORS))('%s checks its input', (_name, generate) => {
  it.each(Object.entries(BROKEN))(
    'refuses %s, naming the field path',
    async (_case, { story, path }) => {
      const error = await generate(story()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, 'a StoryValidationError, not a TypeError or output').toSatisfy(
        isStoryValidationError,
      );
      const issues = (error as { issues: { path: string }[] }).issues;
      expect(issues[0]?.path).toMatch(path);
    },
  );

  it('writes a story with no attribution on any statement, with no "undefined" in it', async () => {
    const story = edited((s) => {
      for (const statement of s.statements) delete statement.attribution;
    });
    const out = await generate(story());
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toMatch(/undefined|\bNaN\b|\[object Object\]/);
  });
});
