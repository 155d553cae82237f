import type { Story } from '@storykit/core';
import { type JsonLdDocument, type JsonLdOptions, toJsonLd } from './to-json-ld.js';

/**
 * Characters escaped as `\uXXXX` so that JSON can sit inside an HTML `<script>` element: `<` and `>`
 * (no `</script>` or `<!--` can end or change the element, HTML §4.12.1.3 "Restrictions for contents
 * of script elements"), `&` (no character reference in XHTML), and U+2028/U+2029 (line terminators in
 * older JavaScript parsers). The JSON value is unchanged: a JSON parser reads the escapes back.
 */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * Serializes a JSON-LD document so that it is safe to embed in HTML, with every character that
 * could end or alter a `<script>` element escaped as `\uXXXX`; the result is still plain JSON.
 *
 * @param space Indentation passed to `JSON.stringify`; default none (one line).
 */
export function serializeJsonLd(doc: JsonLdDocument, space?: number): string {
  return JSON.stringify(doc, null, space).replace(
    UNSAFE_IN_SCRIPT,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The story's graph ({@link toJsonLd}) as an HTML `<script type="application/ld+json">` element,
 * safe to paste into any page: text in the story cannot close the element or open a comment.
 *
 * @example
 * ```ts
 * const head = `<head>${toJsonLdScript(story)}</head>`;
 * ```
 */
export function toJsonLdScript(story: Story, options: JsonLdOptions = {}): string {
  return `<script type="application/ld+json">${serializeJsonLd(toJsonLd(story, options))}</script>`;
}
