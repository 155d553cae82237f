/**
 * Splits plain text into paragraphs: blank lines separate them, lines inside one are joined with a
 * space, and white space at either end (including no-break spaces) is trimmed.
 */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .join(' ')
        .trim(),
    )
    .filter((p) => p.length > 0);
}
