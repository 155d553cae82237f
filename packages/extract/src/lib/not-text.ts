/**
 * Refuses input that is not text: a binary file (an image, a PDF, a zip, a UTF-16 file read as
 * UTF-8) decoded into a string is mostly letters that happen to decode, with NUL and other
 * control characters scattered through it. Text never carries them in any number — a tab, a line
 * feed, a carriage return and a form feed are the only C0 controls that writers produce — so
 * their share of the characters tells the two apart in one pass, before any rule reads the input.
 */
import { type StoryIssue, StoryValidationError } from '@storykit/core';

/**
 * The share of characters (0–1) that may be NUL or control characters before the input is
 * refused: 1%. Random bytes decoded as UTF-8 hold about 11% (28 of the 256 byte values are such
 * controls); a UTF-16 file read as UTF-8 about 50% (every other byte of Latin text is NUL).
 */
export const CONTROL_CHARACTER_LIMIT = 0.01;

/**
 * The fewest NUL and control characters that make an input "not text": 16. A short article with
 * a stray escape sequence or two (a terminal colour code pasted in) is still text, read as such;
 * a binary file of even a few hundred bytes holds more.
 */
export const CONTROL_CHARACTER_MINIMUM = 16;

/**
 * Whether a UTF-16 code unit is NUL or a control character that text does not carry: C0
 * (U+0000–U+001F) except tab, line feed, form feed and carriage return; DEL (U+007F); C1
 * (U+0080–U+009F, left by Latin-1 bytes or binary data decoded as UTF-8).
 */
function isControl(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;
  return code >= 0x7f && code <= 0x9f;
}

/**
 * Thrown by `fromText`, `fromMarkdown` and `fromHtml` when the input is not text: more than
 * {@link CONTROL_CHARACTER_LIMIT} of its characters, and at least
 * {@link CONTROL_CHARACTER_MINIMUM}, are NUL or control characters. It is a
 * `StoryValidationError` with one issue at the path `''` whose message begins with "not text",
 * so whatever reports core's errors prints it as one line.
 */
export class NotTextError extends StoryValidationError {
  /** How many NUL and control characters the input holds. */
  readonly controlCharacters: number;
  /** The input's length in UTF-16 code units. */
  readonly length: number;

  constructor(controlCharacters: number, length: number, file?: string) {
    const share = ((controlCharacters / length) * 100).toFixed(1);
    const issue: StoryIssue = {
      ...(file ? { file } : {}),
      path: '',
      message: `not text: ${controlCharacters} of ${length} characters (${share}%) are NUL or control characters, more than ${CONTROL_CHARACTER_LIMIT * 100}%; expected an article as UTF-8 text, Markdown or HTML`,
    };
    super([issue]);
    this.controlCharacters = controlCharacters;
    this.length = length;
  }
}

/** Throws {@link NotTextError} when `input` is not text; one pass over it. */
export function assertText(input: string, file?: string): void {
  let count = 0;
  for (let i = 0; i < input.length; i++) if (isControl(input.charCodeAt(i))) count++;
  if (count >= CONTROL_CHARACTER_MINIMUM && count > input.length * CONTROL_CHARACTER_LIMIT)
    throw new NotTextError(count, input.length, file);
}
