/**
 * The body of a story as HTML, with its statements and figures marked up where the article says
 * them, so that a reader sees the article as published and a program finds who said what.
 *
 * - A statement becomes `<span id="statement-<id>" data-speaker="<source id>">`, or `<mark>` for
 *   the key statements: the central claim and those that support or dispute it (HTML §4.5.23:
 *   `mark` is text highlighted for its relevance). The `id` is the target of the statements feed's
 *   links (`#statement-<id>`).
 * - A figure becomes `<data value="84">` (HTML §4.5.14), a range `value="40..45"`.
 * - The article's text is kept character for character, quotation marks included. That is why
 *   quotations are not `<q>`: HTML §4.5.7 forbids quotation punctuation next to a `q` element,
 *   since the browser adds its own, and removing the article's marks would change its text.
 *
 * Marks that cross each other (a statement ending inside a figure) are split, the second piece
 * without the `id`, so the HTML stays well nested.
 */
import { centralClaim, type Figure, type Statement, type Story, sourceLabel } from '@storykit/core';
import { htmlText } from './text.js';

interface Mark {
  readonly start: number;
  readonly end: number;
  readonly open: string;
  /** The start tag when the mark resumes after a split: the same, without the `id`. */
  readonly reopen: string;
  readonly close: string;
}

/** The key statements of a story: its central claim and everyone for or against it. */
export function keyStatements(story: Story): ReadonlySet<string> {
  const debate = story.relations.length ? centralClaim(story) : undefined;
  if (!debate) return new Set();
  return new Set([debate.claim, ...debate.supports, ...debate.disputes].map((s) => s.id));
}

function statementMark(
  story: Story,
  statement: Statement,
  key: boolean,
  labels: Map<string, string>,
): Mark {
  const tag = key ? 'mark' : 'span';
  let attrs = ` class="statement statement-${statement.kind}"`;
  if (statement.speaker !== null) {
    let label = labels.get(statement.speaker);
    if (label === undefined) {
      label = sourceLabel(story, statement.speaker);
      labels.set(statement.speaker, label);
    }
    attrs += ` data-speaker="${htmlText(statement.speaker)}" title="${htmlText(label)}"`;
  }
  return {
    start: statement.span.start,
    end: statement.span.end,
    open: `<${tag} id="statement-${htmlText(statement.id)}"${attrs}>`,
    reopen: `<${tag}${attrs}>`,
    close: `</${tag}>`,
  };
}

/** A figure's value in machine-readable form: `84`, or `40..45` for a range. */
export function figureValue(figure: Figure): string {
  return typeof figure.value === 'number'
    ? String(figure.value)
    : `${figure.value.low}..${figure.value.high}`;
}

function figureMark(figure: Figure): Mark {
  const title = `${figure.subject}: ${figure.measure}, ${figure.qualifier ? `${figure.qualifier} ` : ''}${
    typeof figure.value === 'number' ? figure.value : `${figure.value.low}–${figure.value.high}`
  } ${figure.unit}`;
  const attrs = ` value="${figureValue(figure)}" title="${htmlText(title)}"`;
  return {
    start: figure.span.start,
    end: figure.span.end,
    open: `<data id="figure-${htmlText(figure.id)}"${attrs}>`,
    reopen: `<data${attrs}>`,
    close: '</data>',
  };
}

/** Outer marks first: earlier start, then longer span. */
const byNesting = (a: Mark, b: Mark) => a.start - b.start || b.end - a.end;

/** Whether `at` falls between the two halves of a surrogate pair. */
function insidePair(text: string, at: number): boolean {
  const low = text.charCodeAt(at);
  const high = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

/** The mark with its ends moved off the middle of a surrogate pair, which markup would break. */
function onCodePoints(text: string, m: Mark): Mark {
  if (!insidePair(text, m.start) && !insidePair(text, m.end)) return m;
  return {
    ...m,
    start: insidePair(text, m.start) ? m.start + 1 : m.start,
    end: insidePair(text, m.end) ? m.end + 1 : m.end,
  };
}

/**
 * A block's text as HTML with the marks applied. Spans count UTF-16 code units; an end that
 * falls inside a character written as a surrogate pair moves past it, and marks outside the
 * text are ignored.
 */
export function markText(text: string, marks: Mark[]): string {
  const usable = marks
    .filter((m) => m.start >= 0 && m.end <= text.length)
    .map((m) => onCodePoints(text, m))
    .filter((m) => m.start < m.end);
  if (usable.length === 0) return htmlText(text);
  usable.sort(byNesting);
  const stops = [...new Set(usable.flatMap((m) => [m.start, m.end]))].sort((a, b) => a - b);
  let html = '';
  let pos = 0;
  let next = 0;
  const open: Mark[] = [];
  for (const stop of stops) {
    html += htmlText(text.slice(pos, stop));
    pos = stop;
    // Close every mark ending here; marks opened after one of them but ending later are closed
    // first and reopened, which is what keeps crossing marks well nested.
    const first = open.findIndex((m) => m.end <= stop);
    if (first >= 0) {
      const resume: Mark[] = [];
      for (let i = open.length - 1; i >= first; i--) {
        const m = open[i] as Mark;
        html += m.close;
        if (m.end > stop) resume.unshift(m);
      }
      open.length = first;
      for (const m of resume) {
        html += m.reopen;
        open.push(m);
      }
    }
    while (next < usable.length && (usable[next] as Mark).start === stop) {
      const m = usable[next++] as Mark;
      html += m.open;
      open.push(m);
    }
  }
  return html + htmlText(text.slice(pos));
}

/** Options of {@link bodyHtml}. */
export interface BodyHtmlOptions {
  /** Mark only this statement (as `<mark>`), and no figure: the statements feed's context. */
  readonly only?: Statement;
  /** The blocks to render; default: all. */
  readonly blocks?: readonly string[];
}

/** The story's body blocks as HTML, with statements and figures marked up (see module comment). */
export function bodyHtml(story: Story, options: BodyHtmlOptions = {}): string {
  const byBlock = new Map<string, Mark[]>();
  const add = (block: string, mark: Mark) => {
    const list = byBlock.get(block);
    if (list) list.push(mark);
    else byBlock.set(block, [mark]);
  };
  const labels = new Map<string, string>();
  if (options.only) {
    add(options.only.span.block, statementMark(story, options.only, true, labels));
  } else {
    const key = keyStatements(story);
    for (const s of story.statements)
      add(s.span.block, statementMark(story, s, key.has(s.id), labels));
    for (const f of story.figures) add(f.span.block, figureMark(f));
  }
  const wanted = options.blocks ? new Set(options.blocks) : undefined;
  let html = '';
  for (const block of story.body) {
    if (wanted && !wanted.has(block.id)) continue;
    const inner = markText(block.text, byBlock.get(block.id) ?? []);
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
