/**
 * The body of a story as HTML, with its statements and figures marked up where the article says
 * them, so that a reader sees the article as published and a program finds who said what.
 *
 * - A statement becomes `<span id="statement-<id>" data-speaker="<source id>">`, or `<mark>` when
 *   the article weighs it: it disputes or supports another statement, or is disputed or
 *   supported (HTML §4.5.23: `mark` is text highlighted for its relevance). The `id` is the target
 *   of the statements feed's links (`#statement-<id>`).
 * - A quotation in pieces (core's `continues`) is weighed as one: every piece is a `<mark>` when
 *   any is, and every piece carries `data-utterance="statement-<first piece's id>"`.
 * - A figure becomes `<data value="84">` (HTML §4.5.14), a range `value="40..45"`.
 * - The article's text is kept character for character, quotation marks included. That is why
 *   quotations are not `<q>`: HTML §4.5.7 forbids quotation punctuation next to a `q` element,
 *   since the browser adds its own, and removing the article's marks would change its text.
 *
 * Marks that cross each other (a statement ending inside a figure) are split, the second piece
 * without the `id`, so the HTML stays well nested.
 */
import {
  type Block,
  type Figure,
  type Source,
  type Statement,
  type Story,
  sourceLabel,
  storyIndex,
  utterancesOf,
} from '@storykit/core';
import { htmlText } from './text.js';

interface Mark {
  start: number;
  end: number;
  /** The element name: `mark`, `span` or `data`. */
  readonly tag: string;
  /** The end tag. */
  readonly close: string;
  /** The start tag, with the mark's `id`. */
  readonly open: string;
  /** The other attributes, escaped, each with a leading space: a piece after a split has no `id`. */
  readonly attrs: string;
}

/** What the marks need to know of the story's statements beyond each statement itself. */
interface StatementMarks {
  /**
   * The statements the article weighs against each other: those that dispute or support another
   * statement, and those disputed or supported, with every piece of their utterances.
   */
  readonly debated: ReadonlySet<string>;
  /** The first piece's id of each piece of a quotation in pieces (core's `continues`). */
  readonly heads: ReadonlyMap<string, string>;
}

const NO_MARKS: StatementMarks = { debated: new Set(), heads: new Map() };

/**
 * One pass over the relations; the utterances are worked out only when the story has pieces, and
 * then a quotation in pieces is weighed as a whole.
 */
function statementMarks(story: Story): StatementMarks {
  if (story.relations.length === 0) return NO_MARKS;
  const debated = new Set<string>();
  const heads = new Map<string, string>();
  let pieces = false;
  for (const r of story.relations) {
    if (r.kind === 'disputes' || r.kind === 'supports') debated.add(r.from).add(r.to);
    else if (r.kind === 'continues') pieces = true;
  }
  if (pieces) {
    for (const u of utterancesOf(story)) {
      if (u.pieces.length === 1) continue;
      const weighed = u.pieces.some((p) => debated.has(p.id));
      for (const p of u.pieces) {
        heads.set(p.id, u.id);
        if (weighed) debated.add(p.id);
      }
    }
  }
  return { debated, heads };
}

/** What the marks of one {@link bodyHtml} call share: each speaker's attributes, made once. */
interface Speakers {
  readonly story: Story;
  /** The story's sources by id: given by the caller, else looked up on the first speaker. */
  sources: ReadonlyMap<string, Source> | undefined;
  readonly attrs: Map<string, string>;
}

/** The `data-speaker` and `title` attributes of a speaker, made once a call. */
function speakerAttrs(speakers: Speakers, id: string): string {
  let attrs = speakers.attrs.get(id);
  if (attrs === undefined) {
    speakers.sources ??= storyIndex(speakers.story).sources;
    // The source itself rather than its id spares sourceLabel a lookup; an unknown id labels
    // itself, as sourceLabel does.
    const source = speakers.sources.get(id);
    const label = source ? sourceLabel(speakers.story, source) : id;
    attrs = ` data-speaker="${htmlText(id)}" title="${htmlText(label)}"`;
    speakers.attrs.set(id, attrs);
  }
  return attrs;
}

function statementMark(
  statement: Statement,
  key: boolean,
  speakers: Speakers,
  head: string | undefined,
): Mark {
  let attrs = ` class="statement statement-${htmlText(statement.kind)}"`;
  // Every piece of a quotation in pieces names the first, whose id the statements feed links to.
  if (head !== undefined) attrs += ` data-utterance="statement-${htmlText(head)}"`;
  if (statement.speaker !== null) attrs += speakerAttrs(speakers, statement.speaker);
  const tag = key ? 'mark' : 'span';
  return {
    start: statement.span.start,
    end: statement.span.end,
    tag,
    open: `<${tag} id="statement-${htmlText(statement.id)}"${attrs}>`,
    close: key ? '</mark>' : '</span>',
    attrs,
  };
}

/** A figure's value in machine-readable form: `84`, or `40..45` for a range. */
function figureValue(figure: Figure): string {
  return typeof figure.value === 'number'
    ? String(figure.value)
    : `${figure.value.low}..${figure.value.high}`;
}

function figureMark(figure: Figure): Mark {
  const value =
    typeof figure.value === 'number' ? figure.value : `${figure.value.low}–${figure.value.high}`;
  const qualifier = figure.qualifier ? `${figure.qualifier} ` : '';
  const title = `${figure.subject}: ${figure.measure}, ${qualifier}${value} ${figure.unit}`;
  const attrs = ` value="${htmlText(figureValue(figure))}" title="${htmlText(title)}"`;
  return {
    start: figure.span.start,
    end: figure.span.end,
    tag: 'data',
    open: `<data id="figure-${htmlText(figure.id)}"${attrs}>`,
    close: '</data>',
    attrs,
  };
}

/** Whether `at` falls between the two halves of a surrogate pair. */
function insidePair(text: string, at: number): boolean {
  const low = text.charCodeAt(at);
  const high = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

/** Outer marks first: earlier start, then longer span. */
const byNesting = (a: Mark, b: Mark) => a.start - b.start || b.end - a.end;
const ascending = (a: number, b: number) => a - b;

/**
 * `text.slice(from, to)` escaped as {@link htmlText} escapes it, for a text that holds no character
 * XML forbids (so there is nothing to clean): one pass over the character codes, copying the runs
 * between the markup characters, without a piece to slice and scan again.
 */
function escapedSlice(text: string, from: number, to: number): string {
  let html = '';
  let run = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // `>` (62) is the largest of & < > "; most characters are past it.
    if (c > 62) continue;
    let entity: string;
    if (c === 38) entity = '&amp;';
    else if (c === 60) entity = '&lt;';
    else if (c === 62) entity = '&gt;';
    else if (c === 34) entity = '&quot;';
    else continue;
    if (i > run) html += text.slice(run, i);
    html += entity;
    run = i + 1;
  }
  return run === from ? text.slice(from, to) : run < to ? html + text.slice(run, to) : html;
}

/**
 * How a block's text is written between its marks: as it is (no markup character, nothing to
 * clean: most text), escaped in one pass, or, when it holds characters XML forbids (rare), piece by
 * piece through {@link htmlText}, which cleans them out.
 */
type Escape = (text: string, from: number, to: number) => string;
const asIs: Escape = (text, from, to) => text.slice(from, to);
const cleaned: Escape = (text, from, to) => htmlText(text.slice(from, to));

function escapeFor(text: string): Escape {
  // One pass over the character codes: cheaper than a regular expression's scan of the whole
  // text. What XML forbids: C0 controls but tab, LF and CR; surrogates (a pair too, to be safe);
  // U+FFFE and U+FFFF.
  let special = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return cleaned;
    } else if (c <= 62) {
      if (c === 38 || c === 60 || c === 62 || c === 34) special = true;
    } else if (c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) return cleaned;
  }
  return special ? escapedSlice : asIs;
}

/**
 * A block's text as HTML with the marks applied. Spans count UTF-16 code units; an end that
 * falls inside a character written as a surrogate pair moves past it, and marks outside the
 * text are ignored. Marks are the block's own: their ends may be moved.
 */
function markText(text: string, marks: Mark[] | undefined): string {
  // The block is tested once for what its pieces need, which spares a test per piece.
  const piece = escapeFor(text);
  if (!marks) return piece === asIs ? text : piece(text, 0, text.length);
  let count = 0;
  for (const m of marks) {
    if (m.start < 0 || m.end > text.length) continue;
    if (insidePair(text, m.start)) m.start++;
    if (insidePair(text, m.end)) m.end++;
    if (m.start >= m.end) continue;
    marks[count++] = m;
  }
  marks.length = count;
  if (count === 1) {
    // One mark, the usual case: no boundaries to sort, nothing to split.
    const m = marks[0] as Mark;
    return `${piece(text, 0, m.start)}${m.open}${piece(text, m.start, m.end)}${m.close}${piece(text, m.end, text.length)}`;
  }
  const stops: number[] = new Array(2 * count);
  for (let i = 0; i < count; i++) {
    const m = marks[i] as Mark;
    stops[2 * i] = m.start;
    stops[2 * i + 1] = m.end;
  }
  marks.sort(byNesting);
  stops.sort(ascending);
  let html = '';
  let pos = 0;
  let next = 0;
  const open: Mark[] = [];
  for (const stop of stops) {
    // A stop that repeats (several marks start or end there) adds nothing the second time.
    if (stop > pos) {
      html += piece(text, pos, stop);
      pos = stop;
    }
    // Close every mark ending here; marks opened after one of them but ending later are closed
    // first and reopened without their id, which keeps crossing marks well nested.
    let first = 0;
    while (first < open.length && (open[first] as Mark).end > stop) first++;
    if (first < open.length) {
      for (let i = open.length - 1; i >= first; i--) html += (open[i] as Mark).close;
      let kept = first;
      for (let i = first; i < open.length; i++) {
        const m = open[i] as Mark;
        if (m.end <= stop) continue;
        html += `<${m.tag}${m.attrs}>`;
        open[kept++] = m;
      }
      open.length = kept;
    }
    while (next < count && (marks[next] as Mark).start === stop) {
      const m = marks[next++] as Mark;
      html += m.open;
      open.push(m);
    }
  }
  return html + piece(text, pos, text.length);
}

/** Options of {@link bodyHtml}. */
interface BodyHtmlOptions {
  /**
   * Mark only these statements (as `<mark>`: the pieces of one utterance), and no figure: the
   * statements feed's context.
   */
  readonly only?: readonly Statement[];
  /** The blocks to render; default: all. */
  readonly blocks?: readonly string[];
  /** The story's sources by id (its index's), when the caller has them at hand. */
  readonly sources?: ReadonlyMap<string, Source>;
}

/**
 * The blocks to render, in article order: every block, or the ones named, looked up in the story's
 * index so that rendering one statement's paragraph does not walk the whole body.
 */
function bodyBlocks(story: Story, ids: readonly string[] | undefined): readonly Block[] {
  if (!ids) return story.body;
  const { blocks, paragraphs } = storyIndex(story);
  return [...new Set(ids)]
    .filter((id) => blocks.has(id))
    .sort((a, b) => (paragraphs.get(a) ?? 0) - (paragraphs.get(b) ?? 0))
    .map((id) => blocks.get(id) as Block);
}

/** Adds a mark to its block's list. */
function addMark(byBlock: Map<string, Mark[]>, block: string, mark: Mark): void {
  const list = byBlock.get(block);
  if (list) list.push(mark);
  else byBlock.set(block, [mark]);
}

/** The story's body blocks as HTML, with statements and figures marked up (see module comment). */
export function bodyHtml(story: Story, options: BodyHtmlOptions = {}): string {
  const byBlock = new Map<string, Mark[]>();
  const speakers: Speakers = { story, sources: options.sources, attrs: new Map() };
  if (options.only) {
    const [first, second] = options.only;
    const head = second ? first?.id : undefined;
    for (const s of options.only)
      addMark(byBlock, s.span.block, statementMark(s, true, speakers, head));
  } else {
    const { debated, heads } = statementMarks(story);
    for (const s of story.statements) {
      addMark(
        byBlock,
        s.span.block,
        statementMark(s, debated.has(s.id), speakers, heads.get(s.id)),
      );
    }
    for (const f of story.figures) addMark(byBlock, f.span.block, figureMark(f));
  }
  let html = '';
  for (const block of bodyBlocks(story, options.blocks)) {
    const inner = markText(block.text, byBlock.get(block.id));
    if (block.kind === 'heading') {
      const level = Math.min(Math.max(block.depth ?? 2, 1), 6);
      html += `<h${level}>${inner}</h${level}>`;
    } else if (block.kind === 'quote') {
      html += `<blockquote><p>${inner}</p></blockquote>`;
    } else {
      html += `<p>${inner}</p>`;
    }
  }
  return html;
}
