/**
 * Characters a terminal acts on instead of showing: C0 controls and DEL (ESC starts the ECMA-48
 * escape sequences that recolour, move the cursor or retitle the window), C1 controls (U+009B is
 * a one-character CSI in terminals that read UTF-8 that way), and the Unicode bidirectional
 * controls that reorder what is shown (Unicode UAX #9; the "Trojan Source" attack, CVE-2021-42574).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to escape.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (char: string, width: number) =>
  (char.codePointAt(0) ?? 0).toString(16).padStart(width, '0');

/**
 * Text from a story, an article or a path made safe to print on a terminal: every control
 * character shown as an escape (`\n`, `\x1b`, `\u202e`), everything else unchanged. A message
 * printed this way stays on its one line and cannot send escape sequences.
 */
export function printable(text: string): string {
  return text.replace(
    UNSAFE,
    (char) => NAMED[char] ?? (char <= '\u00ff' ? `\\x${hex(char, 2)}` : `\\u${hex(char, 4)}`),
  );
}

/**
 * JSON text with the characters {@link printable} escapes written as `\uXXXX` escapes, which
 * `JSON.stringify` leaves raw (DEL, C1, bidirectional controls). The value it parses to is the same.
 */
export function printableJson(json: string): string {
  // These characters only occur inside JSON strings, where a \u escape means the same character.
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${hex(char, 4)}`,
  );
}
