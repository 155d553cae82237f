/**
 * The characters an XML document can carry. XML 1.0 §2.2 (production [2] `Char`) allows only #x9,
 * #xA, #xD, #x20–#xD7FF, #xE000–#xFFFD and #x10000–#x10FFFF. Everything else — C0 controls, U+FFFE,
 * U+FFFF and UTF-16 surrogates that are not half of a pair — cannot appear in a document at all,
 * not even as a character reference (`&#1;` is a well-formedness error too, §4.1 WFC: Legal
 * Character), so every generator that writes XML (feeds, Word documents) drops them.
 */

/**
 * Every character XML 1.0 forbids, in one pattern so that they go in one pass. Two passes (the
 * controls first, then lone surrogates) would join the halves around a removed control into a
 * character the text never had: "\uD800\u0000\uDC00" would become U+10000. The lookarounds read
 * the text as given, so a surrogate is kept only when its partner stands right beside it there,
 * and nothing between the two can have been removed.
 */
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any code unit that may need removing: the quick test that lets most text through untouched. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * The text with every character XML 1.0 cannot carry removed (§2.2 `Char`): C0 controls other than
 * tab, line feed and carriage return, U+FFFE, U+FFFF, and surrogates that are not half of a pair.
 * Everything else is kept as it is, and no character comes out that was not in the text: halves
 * of a pair are kept only where they were already together.
 *
 * @example
 * removeNonXmlChars('bell\u0007 and \uD83D\uDE00'); // 'bell and 😀'
 * removeNonXmlChars('\uD800\u0000\uDC00'); // '' — three forbidden code units, not U+10000
 */
export function removeNonXmlChars(text: string): string {
  return SUSPECT.test(text) ? text.replace(NOT_XML_CHAR, '') : text;
}
