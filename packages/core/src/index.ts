/**
 * `@storykit/core`: the storykit model of a news article — its types, runtime schema, JSON Schema,
 * parsing, anchor resolution, integrity checks and the queries generators need. Browser-safe; file
 * loading is in `@storykit/core/node`.
 */
export { BOILERPLATE_PATTERNS, isBoilerplate } from './lib/boilerplate.js';
export {
  formatIssue,
  isStoryValidationError,
  type StoryIssue,
  StoryValidationError,
} from './lib/errors.js';
export { numbersInText } from './lib/numbers-in-text.js';
export {
  deepFreeze,
  type ParseStoryOptions,
  parseStory,
  resolveStoryFile,
} from './lib/parse-story.js';
export {
  blockById,
  type ClaimDebate,
  centralClaim,
  comparableFigures,
  type FigureComparison,
  type FormatFigureOptions,
  formatFigureValue,
  paragraphNumber,
  type RelationView,
  relationsOf,
  type SourceLabelOptions,
  sourceById,
  sourceLabel,
  spanText,
  statementById,
  statementsBy,
} from './lib/query.js';
export { type AnchorResult, resolveAnchor } from './lib/resolve-anchor.js';
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
export { splitParagraphs } from './lib/split-paragraphs.js';
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
export { checkInvariants, type ValidateOptions, validateStory } from './lib/validate-story.js';
