// Requires every package from the installed tarballs: the CommonJS builds load and work.
const assert = require('node:assert/strict');
const { join } = require('node:path');

const entries = {
  '@storykit/core': ['readStory', 'assertStory', 'numbersInText', 'parseStory'],
  '@storykit/core/node': ['loadStory'],
  '@storykit/core/yaml': ['parseStory'],
  '@storykit/extract': ['fromText'],
  '@storykit/pdf': ['toPdf'],
  '@storykit/docx': ['toDocx'],
  '@storykit/feed': ['toRss'],
  '@storykit/jsonld': ['toJsonLd'],
  '@storykit/jsonld/check': ['checkJsonLd'],
  storykit: ['run'],
};
for (const [entry, names] of Object.entries(entries)) {
  const loaded = require(entry);
  for (const name of names) assert.equal(typeof loaded[name], 'function', `${entry} ${name}`);
}

(async () => {
  const { loadStory } = require('@storykit/core/node');
  const story = loadStory(join(__dirname, 'node_modules/storykit/fixtures/kerry-on-the-run'));
  const pdf = await require('@storykit/pdf').toPdf(story);
  assert.equal(Buffer.from(pdf).subarray(0, 5).toString(), '%PDF-');
  const docx = await require('@storykit/docx').toDocx(story);
  assert.equal(Buffer.from(docx).subarray(0, 2).toString(), 'PK');
  console.log('use.cjs: every package works through require');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
