/**
 * `@storykit/core`: the storykit model of a news article — its types, runtime schema, JSON Schema,
 * parsing, anchor resolution, integrity checks and the queries generators need. Browser-safe; file
 * loading is in `@storykit/core/node`. Browser bundles get `./browser.ts` instead (the `browser`
 * export condition): the same without `parseStory`, which is in `@storykit/core/yaml` there.
 */
export * from './browser.js';
export { parseStory } from './lib/parse-story.js';
