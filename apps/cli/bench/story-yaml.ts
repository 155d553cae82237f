/**
 * Does writing a curated `story.yaml` grow linearly with the story, when its text repeats? Times
 * `storyYaml` (the studio's save and `storykit extract --yaml`) on stories of 1,250 and 5,000
 * statements in the same process and prints the ratio of the two medians: 4.0× is linear, 16×
 * quadratic; the target is at most 4.5×. Two kinds of story: the seed fixture repeated under
 * fresh ids (every quoted text occurs once per copy, the way the studio's bench story has it), and
 * sentences alike but for a number, the same figure text in each.
 *
 * `BENCH_SIZES=10,40` and `BENCH_ROUNDS=1` run it small (the unit test does, untimed).
 * Prints a line; asserts nothing, exits 0 either way.
 */
import { fileURLToPath } from 'node:url';
import type { Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { storyYaml } from '../src/story-yaml.js';

const seed = loadStory(
  fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url)),
);
const [SMALL, LARGE] = (process.env.BENCH_SIZES ?? '1250,5000').split(',').map(Number) as [
  number,
  number,
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET = 4.5;

/** The seed repeated block for block, `statements` statements in all (the last copy cut short). */
function repeated(statements: number): Story {
  const copies = Math.max(1, Math.ceil(statements / seed.statements.length));
  const tag = (id: string, c: number) => (c === 0 ? id : `${id}-c${c}`);
  const copy = <T extends { id: string; span: { block: string } }>(item: T, c: number): T => ({
    ...item,
    id: tag(item.id, c),
    span: { ...item.span, block: tag(item.span.block, c) },
  });
  const range = Array.from({ length: copies }, (_, c) => c);
  return {
    ...seed,
    body: range.flatMap((c) => seed.body.map((b) => ({ ...b, id: tag(b.id, c) }))),
    statements: range.flatMap((c) => seed.statements.map((s) => copy(s, c))).slice(0, statements),
    figures: range.flatMap((c) => seed.figures.map(({ statement: _, ...f }) => copy(f, c))),
    relations: [],
  } as Story;
}

/**
 * One sentence a block, `statements` of them, alike but for a number: each a statement, and the
 * figure in each (the same text every time, told apart by the words after it) a figure.
 */
function alike(statements: number): Story {
  const [statement, figure] = [seed.statements[0], seed.figures[0]] as const;
  if (!statement || !figure) throw new Error('the seed has no statement or no figure');
  const { statement: _, ...unlinked } = figure;
  const range = Array.from({ length: statements }, (_, i) => i);
  const text = (i: number) => `Fares rose by 40 percent in week ${i}, the operator said.`;
  return {
    ...seed,
    body: range.map((i) => ({ id: `p${i + 1}`, kind: 'paragraph', text: text(i) })),
    statements: range.map((i) => ({
      ...statement,
      id: `s${i}`,
      text: text(i),
      span: { block: `p${i + 1}`, start: 0, end: text(i).length },
    })),
    figures: range.map((i) => ({
      ...unlinked,
      id: `f${i}`,
      span: { block: `p${i + 1}`, start: 14, end: 24 },
    })),
    relations: [],
  } as Story;
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[times.length >> 1] as number;

function time(story: Story): number {
  const start = performance.now();
  storyYaml(story);
  return performance.now() - start;
}

console.log(`storyYaml: ${SMALL} vs ${LARGE} statements, median of ${ROUNDS}`);
for (const [name, make] of [
  ['the seed repeated', repeated],
  ['sentences alike', alike],
] as const) {
  const small = make(SMALL);
  const large = make(LARGE);
  // Warm-up, then both sizes in alternation, so that a change in the machine's load falls on both.
  time(small);
  time(large);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    a.push(time(small));
    b.push(time(large));
  }
  const ratio = median(b) / median(a);
  const kib = (story: Story) => `${Math.round(storyYaml(story).length / 1024)} KiB`;
  console.log(
    `  ${name.padEnd(18)}${kib(small).padStart(9)}${kib(large).padStart(10)}${`${median(a).toFixed(1)} ms`.padStart(12)}${`${median(b).toFixed(1)} ms`.padStart(12)}   ${`${ratio.toFixed(2)}×`.padEnd(8)}${ratio <= TARGET ? 'pass' : 'FAIL'} (≤ ${TARGET}×; linear ≈ 4×)`,
  );
}
