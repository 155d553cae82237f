import type { Figure, Source, Span, Statement, Story } from '@storykit/core';

/** A story the page edits: the same shape as core's, without the deep `readonly`. */
export type Model = Story;

/** An item the page can select: a statement, a figure or a source, by its list and index. */
export type ItemKind = 'statements' | 'figures' | 'sources';

/** Where an item is: its list and its id. */
export interface ItemRef {
  readonly list: ItemKind;
  readonly id: string;
}

/** The next free id of the form `<prefix><n>` among the ids given. */
export function freeId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = used.size + 1;
  for (let i = 1; i <= n; i++) {
    if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`;
  }
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** A copy of the story with one item of a list replaced by `next(item)`. */
export function updateItem<K extends ItemKind>(
  story: Model,
  list: K,
  id: string,
  next: (item: Model[K][number]) => Model[K][number],
): Model {
  const items = story[list] as readonly Model[K][number][];
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return story;
  const copy = items.slice();
  copy[index] = next(items[index] as Model[K][number]);
  return { ...story, [list]: copy };
}

/** A copy of an object without the given key (an optional field left unset, not `undefined`). */
export function without<T extends object, K extends keyof T>(value: T, key: K): T {
  const { [key]: _, ...rest } = value;
  return rest as T;
}

/** A copy of an object with `key` set to `value`, or left out when `value` is empty. */
export function withField<T extends object>(value: T, key: keyof T, field: unknown): T {
  if (field === undefined || field === '') return without(value, key);
  return { ...value, [key]: field };
}

/** The story with the item accepted as reviewed: its draft `confidence` dropped. */
export function accept(story: Model, ref: ItemRef): Model {
  return updateItem(story, ref.list, ref.id, (item) => without(item, 'confidence'));
}

/**
 * The story without the item, and without what pointed at it: a statement's relations and the
 * figures said inside it lose the link; a source's statements become the article's own voice.
 */
export function remove(story: Model, ref: ItemRef): Model {
  if (ref.list === 'statements') {
    return {
      ...story,
      statements: story.statements.filter((s) => s.id !== ref.id),
      relations: story.relations.filter((r) => r.from !== ref.id && r.to !== ref.id),
      figures: story.figures.map((f) => (f.statement === ref.id ? without(f, 'statement') : f)),
    };
  }
  if (ref.list === 'figures') {
    return { ...story, figures: story.figures.filter((f) => f.id !== ref.id) };
  }
  return replaceSource(
    { ...story, sources: story.sources.filter((s) => s.id !== ref.id) },
    ref.id,
    null,
  );
}

/** Every reference to source `from` pointed at `to` (or dropped, for `null`). */
function replaceSource(story: Model, from: string, to: string | null): Model {
  const swap = (id: string | undefined) => (id === from ? (to ?? undefined) : id);
  return {
    ...story,
    ...(story.publisher === from ? (to ? { publisher: to } : {}) : {}),
    authors: [...new Set(story.authors.map((a) => swap(a)).filter((a): a is string => !!a))],
    sources: story.sources.map((s) =>
      s.affiliation === from ? withField(s, 'affiliation', swap(s.affiliation)) : s,
    ),
    statements: story.statements.map((s) => {
      let next: Statement = s.speaker === from ? { ...s, speaker: to } : s;
      if (next.attribution.recipient === from) {
        next = { ...next, attribution: withField(next.attribution, 'recipient', swap(from)) };
      }
      return next;
    }),
    figures: story.figures.map((f) => (f.source === from ? withField(f, 'source', swap(from)) : f)),
  };
}

/** The story with source `from` merged into source `into`: every reference moves, `from` goes. */
export function mergeSources(story: Model, from: string, into: string): Model {
  if (from === into) return story;
  const merged = replaceSource(story, from, into);
  const publisher = story.publisher === from ? { publisher: into } : {};
  return { ...merged, ...publisher, sources: merged.sources.filter((s) => s.id !== from) };
}

/** The story with a new source; returns it and the new id. */
export function addSource(
  story: Model,
  name: string,
  kind: Source['kind'] = 'person',
): [Model, string] {
  const id = freeId(
    'source-',
    story.sources.map((s) => s.id),
  );
  const source: Source = { id, kind, name, sameAs: [] };
  return [{ ...story, sources: [...story.sources, source] }, id];
}

/** The body text a span covers. */
export function spanText(story: Model, span: Span): string {
  const block = story.body.find((b) => b.id === span.block);
  return block ? block.text.slice(span.start, span.end) : '';
}

/** The story with a new statement of exactly the text at `span`; returns it and the new id. */
export function addStatement(story: Model, span: Span): [Model, string] {
  const id = freeId(
    's',
    story.statements.map((s) => s.id),
  );
  const statement: Statement = {
    id,
    kind: 'direct',
    text: spanText(story, span),
    speaker: null,
    attribution: {},
    span,
  };
  return [{ ...story, statements: [...story.statements, statement] }, id];
}

/** The first number written in a text, as a figure's value; 0 when there is none. */
function firstNumber(text: string): number {
  const match = /\d[\d,]*(?:\.\d+)?/.exec(text);
  return match ? Number(match[0].replace(/,/g, '')) : 0;
}

/**
 * The story with a new figure at `span`, its value the number written there; what it counts is
 * left for the editor (validation lists the empty fields until they are filled).
 */
export function addFigure(story: Model, span: Span): [Model, string] {
  const id = freeId(
    'f',
    story.figures.map((f) => f.id),
  );
  const figure: Figure = {
    id,
    value: firstNumber(spanText(story, span)),
    unit: '',
    measure: '',
    subject: '',
    span,
  };
  return [{ ...story, figures: [...story.figures, figure] }, id];
}

/** Items still to review (those with a draft confidence), lowest confidence first, in list order on ties. */
export function reviewQueue(story: Model): ItemRef[] {
  const items: { ref: ItemRef; confidence: number; order: number }[] = [];
  let order = 0;
  for (const list of ['statements', 'figures', 'sources'] as const) {
    for (const item of story[list]) {
      if (item.confidence !== undefined) {
        items.push({ ref: { list, id: item.id }, confidence: item.confidence, order: order++ });
      }
    }
  }
  items.sort((a, b) => a.confidence - b.confidence || a.order - b.order);
  return items.map((i) => i.ref);
}

/** The item an issue's field path points at (`statements[4].speaker` → the fifth statement). */
export function itemOfPath(story: Model, path: string): ItemRef | undefined {
  const match = /^(statements|figures|sources)\[(\d+)\]/.exec(path);
  if (!match) return undefined;
  const list = match[1] as ItemKind;
  const item = story[list][Number(match[2])];
  return item ? { list, id: item.id } : undefined;
}

/**
 * Whether two states of a story have the same review queue: the same items in each list, with
 * the same draft confidences. An edit to a field leaves them so, and the queue need not be sorted again.
 */
export function sameQueue(a: Model, b: Model): boolean {
  for (const list of ['statements', 'figures', 'sources'] as const) {
    const x = a[list] as readonly { id: string; confidence?: number | undefined }[];
    const y = b[list] as readonly { id: string; confidence?: number | undefined }[];
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      const p = x[i] as (typeof x)[number];
      const q = y[i] as (typeof y)[number];
      if (p !== q && (p.id !== q.id || p.confidence !== q.confidence)) return false;
    }
  }
  return true;
}
