/**
 * `@storykit/core/yaml`: {@link parseStory}, which reads a curated story file written in YAML (or
 * JSON). An entry of its own so that browser bundles take the `yaml` package only when they read
 * YAML; in Node.js the main entry exports the same function.
 */

export { parseStory } from './lib/parse-story.js';
export { DEFAULT_MAX_BYTES, type ParseStoryOptions } from './lib/resolve-story-file.js';
