/**
 * The pure helpers of `@storykit/core`, kept in an entry of their own so that the build puts them
 * in a chunk apart from the zod schemas and the YAML reader: a bundle that imports only
 * `numbersInText` from `@storykit/core` then leaves the schemas out (the package is
 * `sideEffects: false`). Everything here is also exported by the main entry.
 */
export { BOILERPLATE_PATTERNS, isBoilerplate } from './lib/boilerplate.js';
export { DRAFT_NOTICE } from './lib/draft-notice.js';
export {
  formatIssue,
  isStoryValidationError,
  type StoryIssue,
  StoryValidationError,
} from './lib/errors.js';
export { deepFreeze } from './lib/freeze.js';
export { numbersInText } from './lib/numbers-in-text.js';
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
export { splitParagraphs } from './lib/split-paragraphs.js';
