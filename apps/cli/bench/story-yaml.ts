/**
 * Does writing a curated `story.yaml` grow linearly with the story, when its text repeats? Builds
 * stories of 1,250 and 5,000 statements from the seed fixture (its body, statements and figures
 * repeated under fresh ids, so that every quoted text occurs once per copy, the way the studio's
 * bench story does), times `storyYaml` (the studio's save and `storykit extract --yaml`) on both
 * in the same process, and prints the ratio of the two medians: 4.0× is linear, 16× quadratic;
 * the target is at most 4.5×.
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

const median = (times: number[]) => [...times].sort((a, b) => a - b)[times.length >> 1] as number;

function time(story: Story): number {
  const start = performance.now();
  storyYaml(story);
  return performance.now() - start;
}

const small = repeated(SMALL);
const large = repeated(LARGE);
// Warm-up, then the two sizes in alternation, so that a change in the machine's load falls on both.
time(small);
time(large);
const a: number[] = [];
const b: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  a.push(time(small));
  b.push(time(large));
}
const ratio = median(b) / median(a);
const kib = (story: Story) => Math.round(storyYaml(story).length / 1024);
console.log(
  `storyYaml: ${SMALL} vs ${LARGE} statements (${kib(small)} vs ${kib(large)} KiB of YAML), median of ${ROUNDS}`,
);
console.log(
  `  ${median(a).toFixed(1)} ms   ${median(b).toFixed(1)} ms   ${ratio.toFixed(2)}×   ${ratio <= TARGET ? 'pass' : 'FAIL'} (≤ ${TARGET}×; linear ≈ 4×)`,
);
