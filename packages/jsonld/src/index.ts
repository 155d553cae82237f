/**
 * `@storykit/jsonld`: a storykit story as one connected schema.org JSON-LD graph, and the
 * HTML-safe `<script type="application/ld+json">` element that embeds it. The offline schema.org
 * checker is in `@storykit/jsonld/check`.
 */
export { JsonLdOptionsError } from './lib/check-options.js';
export { serializeJsonLd, toJsonLdScript } from './lib/script.js';
export {
  type JsonLdDocument,
  type JsonLdNode,
  type JsonLdOptions,
  type JsonLdReference,
  type JsonLdValue,
  toJsonLd,
} from './lib/to-json-ld.js';
