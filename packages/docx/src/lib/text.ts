/**
 * Text for the document's XML parts. A Word document with a character XML 1.0 forbids (§2.2: C0
 * controls other than tab, line feed and carriage return, U+FFFE, U+FFFF, lone surrogates) is not
 * well-formed: Word and LibreOffice refuse to open it. Core's `removeNonXmlChars` drops them.
 */
import { removeNonXmlChars } from '@storykit/core';

/** The text with every character XML 1.0 forbids removed (not escaped: there is no escape for them). */
export const xmlText: (text: string) => string = removeNonXmlChars;

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return xmlText(text).replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] as string,
  );
}
