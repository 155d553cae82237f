// Every generator, from the installed tarballs, given the bad input an outside developer tries:
// each call must throw a named error that names the field path or the option — never a
// TypeError, never an output with "undefined" or a dangling id in it.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { isStoryValidationError } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toDocx } from '@storykit/docx';
import { streamAtom, streamJsonFeed, streamRss, toAtom, toJsonFeed, toRss } from '@storykit/feed';
import { toJsonLd, toJsonLdScript } from '@storykit/jsonld';
import { toPdf, toPdfStream } from '@storykit/pdf';
import { strFromU8, unzipSync } from 'fflate';

const seed = loadStory(
  fileURLToPath(new URL('./node_modules/storykit/fixtures/kerry-on-the-run', import.meta.url)),
);
const feed = { baseUrl: 'https://news.example/', updated: '2016-07-18' };
const drain = async (chunks) => {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
};

/** Every generator, as a function of a story (and options) that resolves to its output. */
const generators = {
  toPdf: (story, options) => toPdf(story, options),
  toPdfStream: (story, options) => drain(toPdfStream(story, options)),
  toDocx: (story, options) => toDocx(story, options),
  toRss: (story, options) => toRss(story, { ...feed, ...options }),
  toAtom: (story, options) => toAtom(story, { ...feed, ...options }),
  toJsonFeed: (story, options) => toJsonFeed(story, { ...feed, ...options }),
  streamRss: (story, options) => drain(streamRss([story], { ...feed, ...options })),
  streamAtom: (story, options) => drain(streamAtom([story], { ...feed, ...options })),
  streamJsonFeed: (story, options) => drain(streamJsonFeed([story], { ...feed, ...options })),
  toJsonLd: (story, options) => JSON.stringify(toJsonLd(story, options)),
  toJsonLdScript: (story, options) => toJsonLdScript(story, options),
};

/** The seed story as plain data (not the checked object loadStory gave), changed by `edit`. */
function broken(edit) {
  const story = structuredClone(seed);
  edit(story);
  return story;
}
const quoted = seed.statements.findIndex((s) => s.speaker);

/** The text of an output: a string as it is, a DOCX's document part, else nothing to read. */
function textOf(output) {
  if (typeof output === 'string') return output;
  const bytes = Buffer.from(output);
  if (bytes.subarray(0, 2).toString() === 'PK') {
    return strFromU8(
      unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'],
    );
  }
  return '';
}

// Stories a checked generator must refuse, and the field path its error must name.
const stories = [
  ['an empty object', {}, 'headline'],
  ['no headline', broken((s) => delete s.headline), 'headline'],
  ['a string body', broken((s) => (s.body = 'The minister spoke.')), 'body'],
  ['a figure value "forty"', broken((s) => (s.figures[0].value = 'forty')), 'figures[0].value'],
  [
    'a speaker id that does not exist',
    broken((s) => (s.statements[quoted].speaker = 'nobody')),
    `statements[${quoted}].speaker`,
  ],
];
// Stories that are valid although they look incomplete: each generator must make its output
// without a TypeError and without "undefined" in it (the attribution defaults to none).
const valid = [
  ['the seed', seed],
  ['a statement without attribution', broken((s) => delete s.statements[quoted].attribution)],
];

let checked = 0;
for (const [name, make] of Object.entries(generators)) {
  for (const [what, story] of valid) {
    assert.doesNotMatch(textOf(await make(story, {})), /undefined/, `${name}(${what})`);
    checked++;
  }

  for (const [what, story, path] of stories) {
    let error;
    try {
      const output = await make(story, {});
      assert.fail(`${name}(${what}) gave an output: ${String(output).slice(0, 80)}`);
    } catch (caught) {
      error = caught;
    }
    assert.ok(
      isStoryValidationError(error),
      `${name}(${what}) threw ${error?.name}: ${error?.message}`,
    );
    // A collection's error says which story: `stories[0].headline`.
    const expected = name.startsWith('stream') ? `stories[0].${path}` : path;
    assert.ok(
      error.issues.some((issue) => issue.path === expected),
      `${name}(${what}) names ${error.issues.map((i) => i.path).join(', ')}, not ${expected}`,
    );
    checked++;
  }
}

// Options out of range: a named error (not a TypeError) whose message names the option.
const options = [
  ['toDocx', { sections: ['charts'] }, 'DocxOptionsError', /options\.sections\[0\] must be one of/],
  [
    'toJsonLd',
    { baseUrl: 'not a url' },
    'JsonLdOptionsError',
    /options\.baseUrl must be an absolute URL/,
  ],
  ['toJsonLdScript', { baseUrl: 'not a url' }, 'JsonLdOptionsError', /options\.baseUrl/],
  [
    'toRss',
    { baseUrl: 'not a url' },
    'FeedUrlError',
    /options\.baseUrl "not a url" is not an absolute URL/,
  ],
  ['toAtom', { baseUrl: 'not a url' }, 'FeedUrlError', /options\.baseUrl/],
  ['toJsonFeed', { baseUrl: 'not a url' }, 'FeedUrlError', /options\.baseUrl/],
  ['toPdf', { pageSize: 'A5' }, 'PdfOptionsError', /options\.pageSize/],
  ['toPdf', { sections: ['charts'] }, 'PdfOptionsError', /options\.sections/],
];
for (const [name, given, errorName, message] of options) {
  await assert.rejects(
    async () => generators[name](seed, given),
    (error) => {
      assert.equal(error.name, errorName);
      assert.match(error.message, message);
      return true;
    },
    `${name}(${JSON.stringify(given)})`,
  );
  checked++;
}
console.log(`bad-input.mjs: ${checked} inputs through every generator: named errors, no undefined`);
