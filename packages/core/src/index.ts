/**
 * `@storykit/core`: the storykit model of a news article — its types, runtime schema, JSON Schema,
 * parsing, anchor resolution, integrity checks and the queries generators need. Browser-safe; file
 * loading is in `@storykit/core/node`.
 */
// The pure helpers (numbersInText, isBoilerplate, formatFigureValue, the queries, the errors):
// an entry of their own, so that a bundle of them alone leaves the zod schemas out.
export * from './helpers.js';
export { assertStory, type ReadStoryOptions, readStory } from './lib/assert-story.js';
export { isCheckedStory } from './lib/checked-stories.js';
export {
  DEFAULT_MAX_BYTES,
  type ParseStoryOptions,
  parseStory,
  resolveStoryFile,
} from './lib/parse-story.js';
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
