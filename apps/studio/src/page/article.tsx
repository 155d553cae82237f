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
