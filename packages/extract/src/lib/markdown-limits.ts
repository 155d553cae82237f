/**
 * Bounds on Markdown before it reaches the parser. micromark and mdast-util-from-markdown take
 * time that grows with the square of some inputs (each nested list walks every event inside it;
 * each failed emphasis or link mark splices the paragraph's event list), and their tree is
 * walked by recursion, which a few thousand nested block quotes overflow. One pass over the lines
 * rewrites only what lies past these limits, so Markdown that a person writes reaches the parser
 * unchanged:
 *
 * - at most {@link MARKDOWN_NESTING_LIMIT} containers (block quote `>` and list item markers)
 *   open on one line: the markers past it are dropped, and the line's text goes to the deepest
 *   container kept;
 * - no marker or text starts past column {@link MARKDOWN_INDENT_LIMIT}: deeper indentation is
 *   cut to it, so nesting by indentation stops there and the deeper lines become siblings;
 * - a paragraph (lines between blank lines, outside fenced code) with more than
 *   {@link MARKDOWN_INLINE_MARK_LIMIT} emphasis, code and link marks (`*`, `_`, `` ` ``, `[`,
 *   `]`, `\`) has them escaped and is read as plain text.
 */

/** Containers (block quotes and list items) a line may open or continue: 32. */
export const MARKDOWN_NESTING_LIMIT = 32;

/** The column (tabs to multiples of 4) past which no marker or text starts: 64. */
export const MARKDOWN_INDENT_LIMIT = 64;

/** Emphasis, code and link marks a paragraph may hold before it is read as plain text: 256. */
export const MARKDOWN_INLINE_MARK_LIMIT = 256;

/** One container marker with the white space before it: `>`, `-`, `+`, `*`, `1.`, `1)`. */
const UNIT = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))/y;
const SPACE = /[ \t]*/y;
const MARKS = /[*_`[\]\\]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The column after `text[from, to)` starting at column `column`, tabs to multiples of 4. */
function columnAfter(text: string, from: number, to: number, column: number): number {
  let col = column;
  for (let i = from; i < to; i++) col = text[i] === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

/** A line split into its container prefix (bounded) and its content. */
interface Line {
  readonly prefix: string;
  readonly content: string;
  /** Whether the prefix was rewritten. */
  readonly changed: boolean;
  /**
   * The list marker that opens an item on this line, when the line surely starts one: a marker
   * with text after it, and less than four columns of white space before each marker (four or
   * more make it paragraph text, CommonMark §5.2).
   */
  readonly item?: string;
}

/** Splits a line into its container prefix and content, cutting the prefix to the limits. */
function splitLine(line: string): Line {
  let at = 0;
  let column = 0;
  let count = 0;
  let dropped = false;
  let clamped = false;
  let prefix = '';
  let item: string | undefined;
  let shallow = true;
  for (;;) {
    UNIT.lastIndex = at;
    const unit = UNIT.exec(line);
    if (!unit) break;
    const end = at + unit[0].length;
    const lead = unit[0].length - unit[0].trimStart().length;
    // After a block quote marker, one space belongs to the marker (CommonMark §5.1).
    if (columnAfter(line, at, at + lead, column) - column > (count > 0 ? 4 : 3)) shallow = false;
    if (unit[0].trimStart() !== '>') item = unit[0].trimStart();
    if (count === MARKDOWN_NESTING_LIMIT) {
      // Past the limit: drop this marker and every one after it.
      dropped = true;
      at = end;
      continue;
    }
    const marker = unit[0].trimStart();
    const markerAt = end - marker.length;
    const markerColumn = columnAfter(line, at, markerAt, column);
    if (markerColumn > MARKDOWN_INDENT_LIMIT) {
      clamped = true;
      const to = Math.max(column, MARKDOWN_INDENT_LIMIT);
      prefix += ' '.repeat(to - column);
      column = to;
    } else {
      prefix += line.slice(at, markerAt);
      column = markerColumn;
    }
    prefix += marker;
    column += marker.length;
    count++;
    at = end;
  }
  SPACE.lastIndex = at;
  const space = SPACE.exec(line)?.[0] ?? '';
  const content = line.slice(at + space.length);
  const opens = shallow && item !== undefined && content.trim() !== '' ? { item } : {};
  if (dropped) {
    // The text follows the last marker kept, one space after it.
    return { prefix: content ? `${prefix} ` : prefix, content, changed: true, ...opens };
  }
  if (columnAfter(space, 0, space.length, column) > MARKDOWN_INDENT_LIMIT) {
    const spaces = Math.max(MARKDOWN_INDENT_LIMIT - column, count > 0 && content ? 1 : 0);
    return { prefix: prefix + ' '.repeat(spaces), content, changed: true, ...opens };
  }
  return { prefix: prefix + space, content, changed: clamped, ...opens };
}

/**
 * Markdown within the limits above: lines past them rewritten, every other line unchanged. One
 * pass over the input, and one more over a paragraph that holds too many marks.
 */
export function boundMarkdown(markdown: string): string {
  const out: Line[] = [];
  let changed = false;
  // The lines of the paragraph being read (indices into `out`) and the marks they hold. A
  // paragraph ends only at a line that is blank but for block quote markers: such a line ends a
  // paragraph in CommonMark (§4.8), so no paragraph the parser sees spans two of ours.
  let first = 0;
  let marks = 0;
  const endParagraph = (end: number) => {
    if (marks > MARKDOWN_INLINE_MARK_LIMIT) {
      changed = true;
      for (let i = first; i < end; i++) {
        const line = out[i] as Line;
        // A fence keeps its backticks or tildes, so fenced code stays code (CommonMark §4.5).
        const fence = FENCE.exec(line.content)?.[0] ?? '';
        const escaped = fence + line.content.slice(fence.length).replace(MARKS, '\\$&');
        out[i] = { prefix: line.prefix, content: escaped, changed: true };
      }
    }
    first = end + 1;
    marks = 0;
  };
  let previousItem = false;
  for (const text of markdown.split('\n')) {
    const line = splitLine(text);
    if (line.changed) changed = true;
    out.push(line);
    if (/^[ \t>]*\r?$/.test(text)) {
      endParagraph(out.length - 1);
      previousItem = false;
      continue;
    }
    // A list item starts a paragraph of its own: a bullet always, an ordered item when it
    // starts at 1 or follows another item (only those interrupt a paragraph, CommonMark §5.2).
    if (line.item && (/^(?:[-+*]|0*1[.)])$/.test(line.item) || previousItem)) {
      endParagraph(out.length - 1);
      first = out.length - 1;
    }
    previousItem = line.item !== undefined;
    MARKS.lastIndex = 0;
    while (MARKS.exec(line.content) !== null) marks++;
  }
  endParagraph(out.length);
  return changed ? out.map((line) => line.prefix + line.content).join('\n') : markdown;
}
