/**
 * Characters XML 1.0 does not allow (§2.2 Characters): C0 controls other than tab, line feed and
 * carriage return, U+FFFE and U+FFFF, and UTF-16 surrogates that are not part of a pair. A Word
 * document with one of them is not well-formed XML: Word and LibreOffice refuse to open it.
 */
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 forbids removed (not escaped: there is no escape for them). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return xmlText(text).replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] as string,
  );
}
