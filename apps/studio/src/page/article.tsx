import type { Block, Figure, Statement } from '@storykit/core';
import { memo } from 'preact/compat';
import type { ItemRef } from './edits.js';

/** The items of one block: its statements and figures, as the block view draws them. */
export interface BlockItems {
  readonly statements: readonly Statement[];
  readonly figures: readonly Figure[];
}

const EMPTY: BlockItems = { statements: [], figures: [] };

/**
 * The items of each block. A block whose items are the same objects as before keeps the same
 * `BlockItems` object, so that an edit redraws only the block it touches.
 */
export function groupByBlock(
  statements: readonly Statement[],
  figures: readonly Figure[],
  previous: ReadonlyMap<string, BlockItems>,
): Map<string, BlockItems> {
  const groups = new Map<string, { statements: Statement[]; figures: Figure[] }>();
  const group = (id: string) => {
    const known = groups.get(id);
    if (known) return known;
    const fresh = { statements: [] as Statement[], figures: [] as Figure[] };
    groups.set(id, fresh);
    return fresh;
  };
  for (const s of statements) group(s.span.block).statements.push(s);
  for (const f of figures) group(f.span.block).figures.push(f);
  const same = <T,>(a: readonly T[], b: readonly T[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  const result = new Map<string, BlockItems>();
  for (const [id, g] of groups) {
    const before = previous.get(id);
    result.set(
      id,
      before && same(before.statements, g.statements) && same(before.figures, g.figures)
        ? before
        : g,
    );
  }
  return result;
}

/** The items grouped by block, with the lists they were grouped from. */
export interface Grouping {
  readonly statements: readonly Statement[];
  readonly figures: readonly Figure[];
  readonly groups: ReadonlyMap<string, BlockItems>;
}

/** How many items an edit may change for the grouping to be patched rather than made again. */
const PATCH_LIMIT = 16;

/**
 * The items of each block, from the grouping before an edit. An edit that replaced a few items
 * and moved none to another block (typing in a field) patches the blocks of those items only; any
 * other change groups every item again. Either way a block whose items did not change keeps its
 * `BlockItems` object.
 */
export function regroup(
  before: Grouping | undefined,
  statements: readonly Statement[],
  figures: readonly Figure[],
): Grouping {
  const patched = before && patch(before, statements, figures);
  return (
    patched ?? {
      statements,
      figures,
      groups: groupByBlock(statements, figures, before?.groups ?? new Map()),
    }
  );
}

function patch(
  before: Grouping,
  statements: readonly Statement[],
  figures: readonly Figure[],
): Grouping | undefined {
  const replaced = new Map<Statement | Figure, Statement | Figure>();
  const changed = <T extends Statement | Figure>(old: readonly T[], now: readonly T[]) => {
    if (old === now) return true;
    if (old.length !== now.length) return false;
    for (let i = 0; i < now.length; i++) {
      const a = old[i] as T;
      const b = now[i] as T;
      if (a === b) continue;
      if (a.id !== b.id || a.span.block !== b.span.block || replaced.size >= PATCH_LIMIT)
        return false;
      replaced.set(a, b);
    }
    return true;
  };
  if (!changed(before.statements, statements) || !changed(before.figures, figures))
    return undefined;
  if (replaced.size === 0) return { statements, figures, groups: before.groups };
  const groups = new Map(before.groups);
  const swap = <T,>(items: readonly T[]) => items.map((x) => (replaced.get(x as never) ?? x) as T);
  for (const item of replaced.values()) {
    const block = item.span.block;
    const items = before.groups.get(block);
    if (!items) return undefined;
    if (groups.get(block) !== items) continue;
    groups.set(block, { statements: swap(items.statements), figures: swap(items.figures) });
  }
  return { statements, figures, groups };
}

/** A speaker's colour: one of eight, the same for the same speaker in every run. */
export function speakerColour(speaker: string | null): number {
  if (speaker === null) return 0;
  let hash = 0;
  for (let i = 0; i < speaker.length; i++) hash = (hash * 31 + speaker.charCodeAt(i)) >>> 0;
  return 1 + (hash % 7);
}

interface Item {
  readonly ref: ItemRef;
  readonly start: number;
  readonly end: number;
  readonly className: string;
  readonly title: string;
}

interface BlockProps {
  readonly block: Block;
  readonly index: number;
  readonly items: BlockItems;
  /** The selected item's id when it lies in this block, else null. */
  readonly selected: string | null;
  readonly speakerName: (id: string | null) => string;
}

/**
 * One body block as text, every statement and figure in it marked. The text goes into the page
 * as text nodes only: a story full of markup shows the markup, it never runs.
 */
export const BlockView = memo(function BlockView({
  block,
  index,
  items,
  selected,
  speakerName,
}: BlockProps) {
  const marks: Item[] = [
    ...items.statements.map((s) => ({
      ref: { list: 'statements' as const, id: s.id },
      start: s.span.start,
      end: s.span.end,
      className: `st st-${s.kind} spk-${speakerColour(s.speaker)}${s.confidence === undefined ? '' : ' unreviewed'}`,
      title: `${s.id} · ${s.kind} · ${speakerName(s.speaker)}${s.attribution.verb ? ` · ${s.attribution.verb}` : ''}`,
    })),
    ...items.figures.map((f) => ({
      ref: { list: 'figures' as const, id: f.id },
      start: f.span.start,
      end: f.span.end,
      className: `fig${f.confidence === undefined ? '' : ' unreviewed'}`,
      title: `${f.id} · figure · ${f.unit} ${f.measure}`.trim(),
    })),
  ];
  const cuts = new Set<number>([0, block.text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const text = block.text.slice(from, to);
    // Statements outside, figures inside them; each item's pieces carry its id.
    const covering = marks.filter((m) => m.start <= from && m.end >= to && m.start < m.end);
    let node: preact.ComponentChild = text;
    for (let j = covering.length - 1; j >= 0; j--) {
      const m = covering[j] as Item;
      const attrs =
        m.ref.list === 'statements' ? { 'data-statement': m.ref.id } : { 'data-figure': m.ref.id };
      node = (
        <mark
          {...attrs}
          class={`${m.className}${selected === m.ref.id ? ' selected' : ''}`}
          title={m.title}
        >
          {node}
        </mark>
      );
    }
    parts.push(node);
  }
  const Tag = block.kind === 'heading' ? 'h3' : block.kind === 'quote' ? 'blockquote' : 'p';
  return (
    <Tag data-block={block.id} class="block">
      <span class="pno" aria-hidden="true">
        {index + 1}
      </span>
      <span class="text">{parts}</span>
    </Tag>
  );
});

export { EMPTY as NO_ITEMS };

/** How many blocks are drawn together: an edit compares a chunk's props, not every block's. */
const CHUNK = 64;

/** The body in runs of consecutive blocks. */
export function chunkBody(body: readonly Block[]): Block[][] {
  const chunks: Block[][] = [];
  for (let i = 0; i < body.length; i += CHUNK) chunks.push(body.slice(i, i + CHUNK));
  return chunks;
}

/**
 * The items of each chunk's blocks. A chunk whose blocks' items are the same objects as before
 * keeps the same array, so that an edit redraws only the chunk (and in it the block) it touches.
 */
export function chunkItems(
  chunks: readonly (readonly Block[])[],
  groups: ReadonlyMap<string, BlockItems>,
  previous: readonly (readonly BlockItems[])[],
): (readonly BlockItems[])[] {
  return chunks.map((blocks, c) => {
    const items = blocks.map((b) => groups.get(b.id) ?? EMPTY);
    const before = previous[c];
    return before && before.length === items.length && before.every((x, i) => x === items[i])
      ? before
      : items;
  });
}

interface ChunkProps {
  readonly blocks: readonly Block[];
  /** The index of the chunk's first block in the body. */
  readonly first: number;
  readonly items: readonly BlockItems[];
  /** The selected item's block, when it lies in this chunk, else null. */
  readonly selectedBlock: string | null;
  /** The selected item's id, when it lies in this chunk, else null. */
  readonly selected: string | null;
  readonly speakerName: (id: string | null) => string;
}

/** A run of body blocks, in one element that the page lays out and paints only when in view. */
export const ChunkView = memo(function ChunkView({
  blocks,
  first,
  items,
  selectedBlock,
  selected,
  speakerName,
}: ChunkProps) {
  return (
    <div class="chunk">
      {blocks.map((block, i) => (
        <BlockView
          key={block.id}
          block={block}
          index={first + i}
          items={items[i] ?? EMPTY}
          selected={block.id === selectedBlock ? selected : null}
          speakerName={speakerName}
        />
      ))}
    </div>
  );
});
