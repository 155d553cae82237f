// With only @storykit/pdf installed, Japanese text has no font: the warning names the package.
import assert from 'node:assert/strict';
import { readStory } from '@storykit/core';
import { toPdf } from '@storykit/pdf';

const story = readStory({
  id: 'tokyo',
  headline: 'Tokyo: 東京',
  language: 'ja',
  body: [{ id: 'p1', kind: 'paragraph', text: '東京の記事です。' }],
});
const messages = [];
await toPdf(story, { onMissingGlyph: (_char, message) => messages.push(message) });
assert.match(messages[0] ?? '', /install @expo-google-fonts\/noto-sans-jp/);
const warnings = [];
process.on('warning', (warning) => warnings.push(warning.message));
await toPdf(story);
await new Promise((resolve) => setImmediate(resolve));
assert.equal(warnings.length, 1, warnings.join('\n'));
assert.match(
  warnings[0],
  /^@storykit\/pdf: some characters have no font and are drawn as U\+FFFD: install @expo-google-fonts\/noto-sans-jp for Chinese and Japanese text/,
);
console.log('missing-font.mjs: the missing glyph names its font package');
