import type { Anchor, Block, Span, Story } from '@storykit/core';
import { Document, isScalar, visit } from 'yaml';
import { printable } from './terminal-text.js';

/** How many words of context an anchor takes at most on each side before it gives up on context. */
const MAX_CONTEXT_WORDS = 12;

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
 * Whether a span edge at `index` falls inside a CR LF or a surrogate pair, where core's resolver
 * does not let a match begin or end.
 */
function cutsPair(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return (
    (before === 0x0d && after === 0x0a) ||
    (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)
  );
}

/** Where `exact` starts in `text` as core's resolver counts matches: overlapping, no pair cut. */
function matchesIn(text: string, exact: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (!cutsPair(text, at) && !cutsPair(text, at + exact.length)) starts.push(at);
  }
  return starts;
}

/** How many characters two strings agree on from their start. */
function agreeing(x: string, y: string): number {
  let n = 0;
  while (n < x.length && n < y.length && x.charCodeAt(n) === y.charCodeAt(n)) n++;
  return n;
}

/** One place `exact` matches, standing for every place with the same context around it. */
interface Place {
  /** The context before, read backwards, and after: as far as any anchor of the text looks. */
  readonly before: string;
  readonly after: string;
  /** How many places in the body have this context. */
  count: number;
}

/**
 * The places in the order of one side of their context, and how far each agrees with the one
 * before it: the place agreeing furthest with any place is next to it in this order.
 */
interface Order {
  readonly places: readonly Place[];
  readonly rank: ReadonlyMap<Place, number>;
  /** `agree[i]`: how far `places[i - 1]` and `places[i]` agree. */
  readonly agree: readonly number[];
}

function orderBy(places: readonly Place[], side: (place: Place) => string): Order {
  const sorted = [...places].sort((x, y) => (side(x) < side(y) ? -1 : side(x) > side(y) ? 1 : 0));
  return {
    places: sorted,
    rank: new Map(sorted.map((place, i) => [place, i])),
    agree: sorted.map((place, i) =>
      i === 0 ? 0 : agreeing(side(sorted[i - 1] as Place), side(place)),
    ),
  };
}

/** Every match of one text in the body, gathered once for all the spans that quote it. */
interface Matches {
  /** The places, one per context: the key is the context `reach` characters either side. */
  readonly places: Map<string, Place>;
  /** Where the text matches in each block, by block id, in body order. */
  readonly inBlock: Map<string, number[]>;
  readonly total: number;
  readonly byBefore: Order;
  readonly byAfter: Order;
}

const contextKey = (text: string, start: number, end: number, reach: number): string => {
  const before = text.slice(Math.max(0, start - reach), start);
  return `${before.length}:${before}${text.slice(end, end + reach)}`;
};

/** How many characters a run of the index holds: texts shorter than this are looked for everywhere. */
const GRAM = 8;

/** The body's texts, each once, and for each run of {@link GRAM} characters the texts holding it. */
interface Texts {
  readonly body: readonly Block[];
  readonly texts: readonly string[];
  /** For each text, the indexes of the blocks that hold it, in body order. */
  readonly blocks: readonly number[][];
  readonly runs: Map<string, number[]>;
}

function indexTexts(body: readonly Block[]): Texts {
  const seen = new Map<string, number>();
  const texts: string[] = [];
  const blocks: number[][] = [];
  body.forEach((block, b) => {
    let t = seen.get(block.text);
    if (t === undefined) {
      t = texts.length;
      seen.set(block.text, t);
      texts.push(block.text);
      blocks.push([]);
    }
    blocks[t]?.push(b);
  });
  const runs = new Map<string, number[]>();
  texts.forEach((text, t) => {
    for (let i = 0; i + GRAM <= text.length; i++) {
      const run = text.slice(i, i + GRAM);
      const holding = runs.get(run);
      if (!holding) runs.set(run, [t]);
      else if (holding[holding.length - 1] !== t) holding.push(t);
    }
  });
  return { body, texts, blocks, runs };
}

/** The texts `exact` may occur in: those holding the rarest of its runs, or all when it is short. */
function textsFor(index: Texts, exact: string): readonly number[] {
  if (exact.length < GRAM) return index.texts.map((_, t) => t);
  let rarest: readonly number[] | undefined;
  for (let i = 0; i + GRAM <= exact.length && rarest?.length !== 0; i++) {
    const holding = index.runs.get(exact.slice(i, i + GRAM)) ?? [];
    if (!rarest || holding.length < rarest.length) rarest = holding;
  }
  return rarest ?? [];
}

function gather(index: Texts, exact: string, reach: number): Matches {
  const places = new Map<string, Place>();
  const inBlock = new Map<string, number[]>();
  // Each text searched once, however many blocks repeat it; the blocks then taken in body order.
  const found: [number, number[]][] = [];
  for (const t of textsFor(index, exact)) {
    const starts = matchesIn(index.texts[t] as string, exact);
    if (starts.length > 0) for (const b of index.blocks[t] ?? []) found.push([b, starts]);
  }
  found.sort(([a], [b]) => a - b);
  let total = 0;
  for (const [b, starts] of found) {
    const block = index.body[b] as Block;
    const { text } = block;
    const own = inBlock.get(block.id) ?? [];
    inBlock.set(block.id, own);
    for (const start of starts) {
      own.push(start);
      total++;
      const end = start + exact.length;
      const key = contextKey(text, start, end, reach);
      const place = places.get(key);
      if (place) place.count++;
      else
        places.set(key, {
          before: [...text.slice(Math.max(0, start - reach), start).split('')].reverse().join(''),
          after: text.slice(end, end + reach),
          count: 1,
        });
    }
  }
  const all = [...places.values()];
  const byBefore = orderBy(all, (place) => place.before);
  const byAfter = orderBy(all, (place) => place.after);
  return { places, inBlock, total, byBefore, byAfter };
}

/** A span to anchor, with the context an anchor of it may take. */
interface Quote {
  readonly span: Span;
  readonly text: string;
  readonly exact: string;
  /** The prefixes an anchor may take, shortest first: one more word each. */
  readonly prefixes: readonly string[];
  /** The suffixes, likewise. */
  readonly suffixes: readonly string[];
}

function quoteOf(blocks: ReadonlyMap<string, Block>, span: Span): Quote {
  const text = blocks.get(span.block)?.text;
  const exact = text?.slice(span.start, span.end);
  if (text === undefined || !exact)
    throw new Error(`span ${span.block}@${span.start}-${span.end} cannot be anchored`);
  return {
    span,
    text,
    exact,
    prefixes: wordStartsBefore(text, span.start).map((p) => text.slice(p, span.start)),
    suffixes: wordEndsAfter(text, span.end).map((q) => text.slice(span.end, q)),
  };
}

const longest = (list: readonly string[]): number => list[list.length - 1]?.length ?? 0;

/** How far any other place's context agrees with the place's own, on the order's side. */
function furthest(order: Order, own: Place): number {
  const at = order.rank.get(own) as number;
  return Math.max(order.agree[at] ?? 0, order.agree[at + 1] ?? 0);
}

/**
 * The places whose context before agrees with the place's own for at least `least` characters,
 * with how far: a run of the order around the place.
 */
function agreeingBefore(order: Order, own: Place, least: number): [Place, number][] {
  const at = order.rank.get(own) as number;
  const found: [Place, number][] = [];
  for (let i = at - 1, far = Infinity; i >= 0; i--) {
    far = Math.min(far, order.agree[i + 1] as number);
    if (far < least) break;
    found.push([order.places[i] as Place, far]);
  }
  for (let i = at + 1, far = Infinity; i < order.places.length; i++) {
    far = Math.min(far, order.agree[i] as number);
    if (far < least) break;
    found.push([order.places[i] as Place, far]);
  }
  return found;
}

/**
 * The shortest text-quote anchor that resolves to the quote's span among the text's matches: the
 * exact text when it occurs once in the body, else with as few words before (`prefix`) and after
 * (`suffix`) as tell it apart, else its block and which occurrence there.
 */
function anchorAmong(quote: Quote, matches: Matches, reach: number): Anchor {
  const { span, text, exact, prefixes, suffixes } = quote;
  const own = matches.places.get(contextKey(text, span.start, span.end, reach));
  // Not a match at all: the span cuts a CR LF or a surrogate pair in two.
  if (!own || !matches.inBlock.get(span.block)?.includes(span.start))
    throw new Error(`span ${span.block}@${span.start}-${span.end} cannot be anchored`);
  if (matches.total === 1) return exact;
  // Another place with the span's own context (`count` > 1): no prefix or suffix tells it apart.
  const found = (): Anchor | undefined => {
    if (own.count > 1) return undefined;
    // The fewer words of context the better: the shorter of the first prefix and the first
    // suffix that tell the text apart, each longer than any other place's agreeing context.
    const before = furthest(matches.byBefore, own);
    const after = furthest(matches.byAfter, own);
    const prefix = prefixes.find((p) => p.length > before);
    const suffix = suffixes.find((q) => q.length > after);
    if (prefix !== undefined && (suffix === undefined || prefix.length <= suffix.length))
      return { exact, prefix };
    if (suffix !== undefined) return { exact, suffix };
    // Both, one more word each time: only places that agree with the first prefix can stand in
    // the way. With no prefix or no suffix, both are no more than one of them, which failed.
    const [first] = prefixes;
    if (first === undefined || suffixes.length === 0) return undefined;
    const near = agreeingBefore(matches.byBefore, own, first.length).map(([place, far]) => ({
      before: far,
      after: agreeing(own.after, place.after),
    }));
    for (let n = 0; n < Math.max(prefixes.length, suffixes.length); n++) {
      const p = prefixes[Math.min(n, prefixes.length - 1)] as string;
      const q = suffixes[Math.min(n, suffixes.length - 1)] as string;
      if (near.every((o) => o.before < p.length || o.after < q.length))
        return { exact, prefix: p, suffix: q };
    }
    return undefined;
  };
  const anchor = found();
  if (anchor !== undefined) return anchor;
  const occurrence = (matches.inBlock.get(span.block) ?? []).indexOf(span.start) + 1;
  return { exact, block: span.block, occurrence };
}

/**
 * For each span, the shortest text-quote anchor that resolves to it: the exact text when it occurs
 * once in the body, else with as few words before (`prefix`) and after (`suffix`) as tell it apart,
 * else — for text repeated with the same words around it — its block and which occurrence there.
 * Never offsets: the curated file stays readable and survives edits elsewhere in the body. Each
 * text is looked for once, only in the blocks that may hold it, and each span compared only with
 * the places agreeing with it longest, so that a long story, its text repeated many times or not,
 * takes time in step with its length.
 */
export function anchorsFor(body: readonly Block[], spans: readonly Span[]): Anchor[] {
  const blocks = new Map<string, Block>();
  for (const block of body) if (!blocks.has(block.id)) blocks.set(block.id, block);
  const quotes = spans.map((span) => quoteOf(blocks, span));
  const byText = new Map<string, Quote[]>();
  for (const quote of quotes) {
    const same = byText.get(quote.exact);
    if (same) same.push(quote);
    else byText.set(quote.exact, [quote]);
  }
  const index = indexTexts(body);
  const anchors = new Map<Quote, Anchor>();
  for (const [exact, same] of byText) {
    // As far as any anchor of this text looks either side: places alike that far are alike.
    const reach = Math.max(...same.map((q) => Math.max(longest(q.prefixes), longest(q.suffixes))));
    const matches = gather(index, exact, reach);
    for (const quote of same) anchors.set(quote, anchorAmong(quote, matches, reach));
  }
  return quotes.map((quote) => anchors.get(quote) as Anchor);
}

/** The anchor {@link anchorsFor} gives one span. */
export function anchorFor(body: readonly Block[], span: Span): Anchor {
  return anchorsFor(body, [span])[0] as Anchor;
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
  const anchors = anchorsFor(body, [
    ...story.statements.map((s) => s.span),
    ...story.figures.map((f) => f.span),
  ]);
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
    statements: story.statements.map(({ span: _, ...s }, i) => {
      const anchor = anchors[i] as Anchor;
      // A statement is found by its own text unless it names an anchor (core's storyFileSchema).
      const implicit = anchor === s.text;
      return trimmed({ ...s, ...(implicit ? {} : { anchor }) });
    }),
    figures: story.figures.map(({ span: _, ...f }, i) =>
      trimmed({ ...f, anchor: anchors[story.statements.length + i] }),
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
