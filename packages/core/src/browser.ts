/**
 * `@storykit/core` as browser bundles see it (the `browser` export condition): everything the main
 * entry has but `parseStory`, which reads YAML with the `yaml` package, 30 kB of gzip. A browser
 * app reads YAML through `@storykit/core/yaml`; stories already parsed (`resolveStoryFile`,
 * `readStory`, `assertStory`) need no YAML reader.
 */
// The pure helpers (numbersInText, isBoilerplate, formatFigureValue, the queries, the errors):
// an entry of their own, so that a bundle of them alone leaves the zod schemas out.
export * from './helpers.js';
export { assertStory, type ReadStoryOptions, readStory } from './lib/assert-story.js';
export { isCheckedStory } from './lib/checked-stories.js';
export {
  DEFAULT_MAX_BYTES,
  type ParseStoryOptions,
  resolveStoryFile,
} from './lib/resolve-story-file.js';
export {
  anchorSchema,
  attributionSchema,
  blockSchema,
  entitySchema,
  figureSchema,
  idSchema,
  mediaSchema,
  noteSchema,
  partialDateSchema,
  rangeSchema,
  relationSchema,
  sourceSchema,
  spanSchema,
  statementSchema,
  storyFileSchema,
  storySchema,
} from './lib/schema.js';
export { type StoryIndex, storyIndex } from './lib/story-index.js';
export type {
  Anchor,
  Attribution,
  Block,
  Entity,
  Figure,
  Immutable,
  Media,
  Note,
  Qualifier,
  Range,
  Relation,
  RelationKind,
  Source,
  SourceKind,
  Span,
  Statement,
  StatementKind,
  Story,
  StoryFile,
} from './lib/types.js';
export {
  centralUtterance,
  type Utterance,
  type UtteranceDebate,
  type UtteranceRelation,
  utteranceOf,
  utteranceRelations,
  utterancesOf,
} from './lib/utterances.js';
export { checkInvariants, type ValidateOptions, validateStory } from './lib/validate-story.js';
export { removeNonXmlChars } from './lib/xml-chars.js';
