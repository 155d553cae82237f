import { type Anchor, type Block, resolveAnchor, type Span, type Story } from '@storykit/core';
import { Document, isScalar, visit } from 'yaml';
import { printable } from './terminal-text.js';

/** How many words of context an anchor takes at most on each side before it gives up on context. */
const MAX_CONTEXT_WORDS = 12;

const sameSpan = (a: Span, b: Span) =>
  a.block === b.block && a.start === b.start && a.end === b.end;

/** Whether the anchor resolves, in this body, to exactly this span. */
function pointsAt(body: readonly Block[], anchor: Anchor, span: Span): boolean {
  const result = resolveAnchor(body, anchor);
  return result.ok && sameSpan(result.span, span);
}

/** Where the words before `at` start, one word further back each time: `at` itself excluded. */
function wordStartsBefore(text: string, at: number): number[] {
  const starts: number[] = [];
  for (let i = at - 1; i >= 0 && starts.length < MAX_CONTEXT_WORDS; i--) {
    if (i === 0 || /\s/.test(text[i - 1] as string)) {
      if (!/\s/.test(text[i] as string)) starts.push(i);
    }
  }
  return starts;
}

/** Where the words after `at` end, one word further on each time. */
function wordEndsAfter(text: string, at: number): number[] {
  const ends: number[] = [];
  for (let i = at + 1; i <= text.length && ends.length < MAX_CONTEXT_WORDS; i++) {
    if (i === text.length || /\s/.test(text[i] as string)) {
      if (!/\s/.test(text[i - 1] as string)) ends.push(i);
    }
  }
  return ends;
}

/**
 * The shortest text-quote anchor that resolves to the span: the exact text when it occurs once in
 * the body, else with as few words before (`prefix`) and after (`suffix`) as tell it apart, else —
 * for text repeated with the same words around it — its block and which occurrence there. Never
 * offsets: the curated file stays readable and survives edits elsewhere in the body.
 */
export function anchorFor(body: readonly Block[], span: Span): Anchor {
  const text = body.find((b) => b.id === span.block)?.text ?? '';
  const exact = text.slice(span.start, span.end);
  if (pointsAt(body, exact, span)) return exact;
  const prefixes = wordStartsBefore(text, span.start).map((p) => text.slice(p, span.start));
  const suffixes = wordEndsAfter(text, span.end).map((q) => text.slice(span.end, q));
  // The fewer words of context the better: the shorter of the first prefix and the first suffix
  // that tell the text apart.
  const prefix = prefixes.find((p) => pointsAt(body, { exact, prefix: p }, span));
  const suffix = suffixes.find((q) => pointsAt(body, { exact, suffix: q }, span));
  if (prefix !== undefined && (suffix === undefined || prefix.length <= suffix.length))
    return { exact, prefix };
  if (suffix !== undefined) return { exact, suffix };
  for (let n = 0; n < Math.max(prefixes.length, suffixes.length); n++) {
    const before = prefixes[Math.min(n, prefixes.length - 1)];
    const after = suffixes[Math.min(n, suffixes.length - 1)];
    const anchor = {
      exact,
      ...(before === undefined ? {} : { prefix: before }),
      ...(after === undefined ? {} : { suffix: after }),
    };
    if (pointsAt(body, anchor, span)) return anchor;
  }
  for (let occurrence = 1; ; occurrence++) {
    const result = resolveAnchor(body, { exact, block: span.block, occurrence });
    if (!result.ok) break;
    if (sameSpan(result.span, span)) return { exact, block: span.block, occurrence };
  }
  throw new Error(`span ${span.block}@${span.start}-${span.end} cannot be anchored`);
}

/** DEL, C1 controls and the Unicode bidirectional controls (UAX #9), which YAML leaves raw. */
const UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** Leaves out what the curated file's defaults give back: empty lists, empty objects, `undefined`. */
function trimmed<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, v]) =>
        v !== undefined &&
        !(Array.isArray(v) && v.length === 0) &&
        !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0),
    ),
  ) as Partial<T>;
}

/** Options for {@link storyYaml}. */
export interface StoryYamlOptions {
  /** The article the story was drafted from, named in the file's opening comment; default none. */
  readonly source?: string;
}

/**
 * The story as a curated `story.yaml` an editor reviews and `storykit validate` accepts: the body
 * inline, one block per entry; statements and figures anchored by the text they quote (a quotation
 * whose text is its anchor carries none), with a prefix or suffix only where the text repeats; the
 * notes and confidences kept. `loadStory` of the result gives the same story back.
 */
export function storyYaml(story: Story, options: StoryYamlOptions = {}): string {
  const { body } = story;
  const data = trimmed({
    id: story.id,
    draft: story.draft,
    headline: story.headline,
    dek: story.dek,
    language: story.language,
    url: story.url,
    publisher: story.publisher,
    authors: story.authors,
    published: story.published,
    modified: story.modified,
    section: story.section,
    keywords: story.keywords,
    body: body.map((block, i) =>
      trimmed({
        id: block.id === `p${i + 1}` ? undefined : block.id,
        kind: block.kind === 'paragraph' ? undefined : block.kind,
        depth: block.depth,
        text: block.text,
      }),
    ),
    media: story.media.map((m) => trimmed({ ...m })),
    sources: story.sources.map((s) => trimmed({ ...s })),
    entities: story.entities.map((e) => trimmed({ ...e })),
    statements: story.statements.map(({ span, ...s }) => {
      const anchor = anchorFor(body, span);
      // A statement is found by its own text unless it names an anchor (core's storyFileSchema).
      const implicit = anchor === s.text;
      return trimmed({ ...s, ...(implicit ? {} : { anchor }) });
    }),
    figures: story.figures.map(({ span, ...f }) =>
      trimmed({ ...f, anchor: anchorFor(body, span) }),
    ),
    relations: story.relations,
    notes: story.notes,
  });
  const doc = new Document(data);
  // Characters a terminal acts on (DEL, C1, the bidirectional controls, which YAML counts as
  // printable) are written as escapes: only a double-quoted scalar can hold one (YAML 1.2 §5.7).
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && UNSAFE.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const lines = [
    story.draft
      ? ` An unreviewed draft of "${printable(story.headline)}"${options.source ? `, drafted from ${printable(options.source)}` : ''} by storykit extract.`
      : ` "${printable(story.headline)}"${options.source ? `, from ${printable(options.source)}` : ''}.`,
    ' Statements and figures are anchored by the text they quote (a prefix or suffix where it',
    ' repeats). Check each one, its speaker and its confidence against the article;',
    ' `storykit validate` this file after every change.',
  ];
  doc.commentBefore = lines.join('\n');
  const mark = doc.get('draft', true);
  if (isScalar(mark)) mark.comment = ' remove this line once the model is reviewed';
  return doc
    .toString({ lineWidth: 100 })
    .replace(
      UNSAFE_ALL,
      (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
    );
}
