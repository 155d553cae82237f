/**
 * Where a span may begin and end. Two pairs of UTF-16 units read as one thing: CR LF, one line
 * break (a CR and an LF apart read back as two: XML turns a lone CR into LF, XML 1.0 §2.11), and a
 * surrogate pair, one character (half of one is not text at all, Unicode §3.8 D75). A span edge
 * between the two halves makes the span read back differently from what it was cut from.
 */

/** What a span edge at `index` of `text` would cut in two, or `undefined` when it cuts nothing. */
export function pairCutAt(text: string, index: number): string | undefined {
  if (index <= 0 || index >= text.length) return undefined;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  if (before === 0x0d && after === 0x0a) return 'a CR LF line break';
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)
    return 'a character (a UTF-16 surrogate pair)';
  return undefined;
}
