/**
 * `@storykit/extract`: from raw article text, Markdown or HTML to a draft storykit model —
 * quotations and reported claims with their speakers, sources with roles and affiliations, and
 * figures — each item with a confidence, for an editor to review.
 */
export {
  type ExtractFormat,
  type ExtractOptions,
  extract,
  fromHtml,
  fromMarkdown,
  fromText,
} from './lib/extract.js';
export type { DocumentParser } from './lib/html/document.js';
export {
  CONTROL_CHARACTER_LIMIT,
  CONTROL_CHARACTER_MINIMUM,
  NotTextError,
} from './lib/not-text.js';
