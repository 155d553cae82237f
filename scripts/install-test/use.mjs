// Uses every package as an ES module, from the installed tarballs.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  parseStory as mainParseStory,
  numbersInText,
  readStory,
  StoryValidationError,
} from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { parseStory } from '@storykit/core/yaml';
import { toDocx } from '@storykit/docx';
import { fromText } from '@storykit/extract';
import { toAtom, toJsonFeed, toRss } from '@storykit/feed';
import { toJsonLd, toJsonLdScript } from '@storykit/jsonld';
import { checkJsonLd } from '@storykit/jsonld/check';
import { toPdf } from '@storykit/pdf';
import { EXIT, SEED_STORY } from 'storykit';

const story = loadStory(
  fileURLToPath(new URL('./node_modules/storykit/fixtures/kerry-on-the-run', import.meta.url)),
);
assert.equal(SEED_STORY.endsWith('kerry-on-the-run'), true);
assert.deepEqual(readStory(JSON.stringify(story)), story);
assert.deepEqual(numbersInText('forty-five'), [45]);
// In Node.js the main entry still has parseStory, the same function as @storykit/core/yaml's.
assert.equal(mainParseStory, parseStory);
assert.equal(
  parseStory('id: web\nheadline: Web\nlanguage: en\nbody: [{ text: Hi. }]\n').headline,
  'Web',
);
assert.equal(
  Buffer.from(await toPdf(story))
    .subarray(0, 5)
    .toString(),
  '%PDF-',
);
assert.equal(
  Buffer.from(await toDocx(story))
    .subarray(0, 2)
    .toString(),
  'PK',
);
const feed = { baseUrl: 'https://news.example/', updated: '2016-07-18' };
assert.match(toRss(story, feed), /<rss /);
assert.match(toAtom(story, feed), /<feed /);
assert.equal(JSON.parse(toJsonFeed(story, feed)).version, 'https://jsonfeed.org/version/1.1');
const graph = toJsonLd(story);
assert.equal((await checkJsonLd(graph)).valid, true);
assert.match(toJsonLdScript(story), /^<script type="application\/ld\+json">/);
assert.throws(() => toRss({}), StoryValidationError);
const draft = await fromText('“We are ready,” the minister said. At least 84 people came.');
assert.equal(draft.body.length, 1);
assert.equal(EXIT.ok, 0);
console.log('use.mjs: every package works as an ES module');
