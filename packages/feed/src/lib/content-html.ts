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
  type Statement,
  type Story,
  sourceLabel,
  storyIndex,
  utterancesOf,
} from '@storykit/core';
import { HTML_WORK, htmlText } from './text.js';

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

function statementMark(
  story: Story,
  statement: Statement,
  key: boolean,
  speakers: Map<string, string>,
  head: string | undefined,
): Mark {
  let attrs = ` class="statement statement-${htmlText(statement.kind)}"`;
  // Every piece of a quotation in pieces names the first, whose id the statements feed links to.
  if (head !== undefined) attrs += ` data-utterance="statement-${htmlText(head)}"`;
  if (statement.speaker !== null) {
    // One label per speaker and story: sourceLabel looks the source and its affiliation up.
    let speaker = speakers.get(statement.speaker);
    if (speaker === undefined) {
      // The source itself rather than its id spares sourceLabel a lookup; an unknown id labels
      // itself, as sourceLabel does.
      const source = storyIndex(story).sources.get(statement.speaker);
      const label = source ? sourceLabel(story, source) : statement.speaker;
      speaker = ` data-speaker="${htmlText(statement.speaker)}" title="${htmlText(label)}"`;
      speakers.set(statement.speaker, speaker);
    }
    attrs += speaker;
  }
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
 * A block's text as HTML with the marks applied. Spans count UTF-16 code units; an end that
 * falls inside a character written as a surrogate pair moves past it, and marks outside the
 * text are ignored. Marks are the block's own: their ends may be moved.
 */
function markText(text: string, marks: Mark[] | undefined): string {
  // Most text needs no escaping; testing the block once spares a test per piece.
  const plain = !HTML_WORK.test(text);
  if (!marks) return plain ? text : htmlText(text);
  const stops: number[] = [];
  let count = 0;
  for (const m of marks) {
    if (m.start < 0 || m.end > text.length) continue;
    if (insidePair(text, m.start)) m.start++;
    if (insidePair(text, m.end)) m.end++;
    if (m.start >= m.end) continue;
    marks[count++] = m;
    stops.push(m.start, m.end);
  }
  marks.length = count;
  marks.sort(byNesting);
  stops.sort(ascending);
  let html = '';
  let pos = 0;
  let next = 0;
  const open: Mark[] = [];
  for (const stop of stops) {
    // A stop that repeats (several marks start or end there) adds nothing the second time.
    if (stop > pos) {
      const piece = text.slice(pos, stop);
      html += plain ? piece : htmlText(piece);
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
  const rest = pos === 0 ? text : text.slice(pos);
  return html + (plain ? rest : htmlText(rest));
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

/** The story's body blocks as HTML, with statements and figures marked up (see module comment). */
export function bodyHtml(story: Story, options: BodyHtmlOptions = {}): string {
  const byBlock = new Map<string, Mark[]>();
  const add = (block: string, mark: Mark) => {
    const list = byBlock.get(block);
    if (list) list.push(mark);
    else byBlock.set(block, [mark]);
  };
  const speakers = new Map<string, string>();
  if (options.only) {
    const [first, second] = options.only;
    const head = second ? first?.id : undefined;
    for (const s of options.only) add(s.span.block, statementMark(story, s, true, speakers, head));
  } else {
    const { debated, heads } = statementMarks(story);
    for (const s of story.statements) {
      add(s.span.block, statementMark(story, s, debated.has(s.id), speakers, heads.get(s.id)));
    }
    for (const f of story.figures) add(f.span.block, figureMark(f));
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
