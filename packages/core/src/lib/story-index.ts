import type { Block, Entity, Figure, Relation, Source, Statement, Story } from './types.js';

/**
 * Lookup tables over one story, so that a generator walking every statement asks each question in
 * constant time instead of scanning the story once per item (which makes a 4,000-statement story
 * sixteen times the work of a 1,000-statement one, not four).
 */
export interface StoryIndex {
  /** Sources by id. */
  readonly sources: ReadonlyMap<string, Source>;
  /** Statements by id. */
  readonly statements: ReadonlyMap<string, Statement>;
  /** Body blocks by id. */
  readonly blocks: ReadonlyMap<string, Block>;
  /** 1-based paragraph number of each block id. */
  readonly paragraphs: ReadonlyMap<string, number>;
  /** Entities by id. */
  readonly entities: ReadonlyMap<string, Entity>;
  /** Statements by speaker id, in article order; the key `null` holds the article's own voice. */
  readonly bySpeaker: ReadonlyMap<string | null, readonly Statement[]>;
  /** Relations each statement takes part in (either end), in the order the story lists them. */
  readonly relations: ReadonlyMap<string, readonly Relation[]>;
  /** Figures by the statement they belong to, in article order. */
  readonly figuresByStatement: ReadonlyMap<string, readonly Figure[]>;
}

interface Cached {
  readonly index: StoryIndex;
  /** The arrays the index was built from, to notice a story that was changed after indexing. */
  readonly parts: readonly (readonly unknown[])[];
  readonly lengths: readonly number[];
  /**
   * Whether the story and those arrays were frozen: then none can change, and the index holds
   * without a look at them (the generators ask for it several times per item).
   */
  readonly frozen: boolean;
}

const cache = new WeakMap<Story, Cached>();

const partsOf = (story: Story): readonly (readonly unknown[])[] => [
  story.sources,
  story.statements,
  story.body,
  story.entities,
  story.relations,
  story.figures,
];

/**
 * Whether the story's arrays are the ones indexed, each of the same length. Written out field by
 * field: the generators ask several times per item, and building the list of arrays to compare
 * cost more than the comparison.
 */
function unchanged(story: Story, hit: Cached): boolean {
  const { parts, lengths } = hit;
  return (
    same(story.sources, parts[0], lengths[0]) &&
    same(story.statements, parts[1], lengths[1]) &&
    same(story.body, parts[2], lengths[2]) &&
    same(story.entities, parts[3], lengths[3]) &&
    same(story.relations, parts[4], lengths[4]) &&
    same(story.figures, parts[5], lengths[5])
  );
}

const same = (part: readonly unknown[], indexed: unknown, length: number | undefined) =>
  part === indexed && part.length === length;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function firstById<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  // The first item wins on a duplicate id, as `Array.prototype.find` did.
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

function build(story: Story): StoryIndex {
  const paragraphs = new Map<string, number>();
  story.body.forEach((block, i) => {
    if (!paragraphs.has(block.id)) paragraphs.set(block.id, i + 1);
  });
  const bySpeaker = new Map<string | null, Statement[]>();
  for (const s of story.statements) push(bySpeaker, s.speaker, s);
  const relations = new Map<string, Relation[]>();
  for (const r of story.relations) {
    push(relations, r.from, r);
    if (r.to !== r.from) push(relations, r.to, r);
  }
  const figuresByStatement = new Map<string, Figure[]>();
  for (const f of story.figures) if (f.statement != null) push(figuresByStatement, f.statement, f);
  return {
    sources: firstById(story.sources),
    statements: firstById(story.statements),
    blocks: firstById(story.body),
    paragraphs,
    entities: firstById(story.entities),
    bySpeaker,
    relations,
    figuresByStatement,
  };
}

/**
 * The index of a story, built on first use and kept as long as the story object lives (a
 * `WeakMap`, so it never holds a story in memory). Stories from `parseStory` and `loadStory` are
 * frozen and indexed once; for a story built by hand, the index is rebuilt when one of its arrays
 * was replaced or changed length since, but not when an item was edited in place — index such a
 * story only once it is complete.
 */
export function storyIndex(story: Story): StoryIndex {
  const hit = cache.get(story);
  if (hit !== undefined && (hit.frozen || unchanged(story, hit))) return hit.index;
  const parts = partsOf(story);
  const index = build(story);
  const frozen = Object.isFrozen(story) && parts.every((part) => Object.isFrozen(part));
  cache.set(story, { index, parts, lengths: parts.map((part) => part.length), frozen });
  return index;
}
