/**
 * Text for XML and HTML: characters XML 1.0 cannot carry are removed (core's `removeNonXmlChars`,
 * XML 1.0 §2.2: there is no escape for them), markup characters escaped.
 */
import { removeNonXmlChars } from '@storykit/core';

/**
 * The text with every character XML 1.0 cannot carry removed. The same cleaning applies to the
 * JSON Feed, so all three feeds carry the same text.
 */
export const cleanText: (text: string) => string = removeNonXmlChars;

// One test per kind of output for "anything to do?": most text needs neither cleaning nor
// escaping, and then costs a single scan.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids, and & < > CR.
const TEXT_WORK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>\r]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same, and " tab LF.
const ATTR_WORK = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>"]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids, and & < > ".
const HTML_WORK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>"]/;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<>"\t\n\r]/g;
const HTML_SPECIAL = /[&<>"]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  // `>` needs escaping only in `]]>` (XML 1.0 §2.4), but escaping it always is simpler and safe.
  '>': '&gt;',
  '"': '&quot;',
  // A literal CR would be normalised to LF on reading (§2.11), tab and LF to spaces in attribute
  // values (§3.3.3); character references survive both.
  '\r': '&#13;',
  '\t': '&#9;',
  '\n': '&#10;',
};
const entity = (c: string) => ENTITIES[c] as string;

/** Cleans `text` and escapes it for XML character data (element content). */
export function xmlText(text: string): string {
  return TEXT_WORK.test(text) ? cleanText(text).replace(TEXT_SPECIAL, entity) : text;
}

/** Cleans `text` and escapes it for a double-quoted XML attribute value. */
export function xmlAttr(text: string): string {
  return ATTR_WORK.test(text) ? cleanText(text).replace(ATTR_SPECIAL, entity) : text;
}

/**
 * Cleans `text` and escapes it for HTML text or a double-quoted attribute value. `>` and `"` are
 * escaped too, so the result can never contain `]]>` and may sit in a CDATA section as it is.
 */
export function htmlText(text: string): string {
  return HTML_WORK.test(text) ? cleanText(text).replace(HTML_SPECIAL, entity) : text;
}

/**
 * HTML as an XML CDATA section. The HTML must be built from {@link htmlText} pieces and literal
 * tags, as this package's is: then it holds no character XML forbids, so it is not cleaned again.
 * A CDATA section ends at the first `]]>` (XML 1.0 §2.7), which escaped text never holds; any
 * `]]>` is split across two sections all the same. (Reading the HTML once here has a second use:
 * V8 then flattens the string built piece by piece while its pieces are young, which the garbage
 * collector finds far cheaper than keeping them all until the feed is joined.)
 */
export function cdata(html: string): string {
  return `<![CDATA[${html.includes(']]>') ? html.replaceAll(']]>', ']]]]><![CDATA[>') : html}]]>`;
}
