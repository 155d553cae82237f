// Uses every package through require, from the installed tarballs.
const assert = require('node:assert/strict');
const { join } = require('node:path');
const { readStory, StoryValidationError } = require('@storykit/core');
const { loadStory } = require('@storykit/core/node');
const { toDocx } = require('@storykit/docx');
const { fromText } = require('@storykit/extract');
const { toRss } = require('@storykit/feed');
const { toJsonLd } = require('@storykit/jsonld');
const { toPdf } = require('@storykit/pdf');
const { OUTPUTS } = require('storykit');

(async () => {
  const story = loadStory(join(__dirname, 'node_modules/storykit/fixtures/kerry-on-the-run'));
  assert.deepEqual(readStory(JSON.stringify(story)), story);
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
  assert.match(toRss(story, { baseUrl: 'https://news.example/' }), /<rss /);
  assert.equal(toJsonLd(story)['@graph'].length > 1, true);
  assert.throws(() => toJsonLd({ headline: 'x' }), StoryValidationError);
  assert.equal((await fromText('She said it works.')).body.length, 1);
  assert.equal(OUTPUTS.length > 0, true);
  console.log('use.cjs: every package works through require');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
