/**
 * `@storykit/jsonld/check`: checks any JSON-LD document against the schema.org vocabulary
 * (release 30.0, vendored), offline — terms, domains, ranges and `@id` references.
 */
export {
  type CheckJsonLdOptions,
  checkJsonLd,
  formatJsonLdIssue,
  type JsonLdCheckResult,
  type JsonLdIssue,
  type JsonLdIssueCode,
} from './lib/check-json-ld.js';
export {
  RemoteContextError,
  type RemoteDocument,
  schemaOrgDocumentLoader,
} from './lib/document-loader.js';
export type { VocabClass, VocabIndex, VocabProperty } from './lib/vocab-index.js';
