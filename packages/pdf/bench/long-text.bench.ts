/**
 * Size-doubling checks of toPdf: each case builds the brief of a story at size N and at 2N and
 * prints the ratio of the median times, which stays near 2 when the work is linear in the text
 * (the target is at most 2.2×). The cases are the big texts a story may hold once YAML aliases
 * are expanded: one unbreakable word in the dek (the line breaker breaks it between grapheme
 * clusters), a dek of ordinary words set over many pages, and body text, which the brief does
 * not set but attaches as story.json. No thresholds; the numbers are for people to compare.
 */
import { fileURLToPath } from 'node:url';
import type { Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toPdf } from '@storykit/pdf';

const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url));
const ROUNDS = Number(process.env.BENCH_DOUBLING_ROUNDS ?? 3);
const seed = loadStory(SEED);
const words = seed.body.map((b) => b.text).join(' ');

/** `text` repeated and cut to `length` characters. */
const sized = (text: string, length: number) =>
  text.repeat(Math.ceil(length / text.length)).slice(0, length);

interface Case {
  readonly name: string;
  /** N, in characters. */
  readonly n: number;
  readonly story: (length: number) => Story;
}

const CASES: readonly Case[] = [
  { name: 'one word in the dek', n: 50_000, story: (n) => ({ ...seed, dek: 'x'.repeat(n) }) },
  { name: 'dek of words', n: 100_000, story: (n) => ({ ...seed, dek: sized(words, n) }) },
  {
    name: 'body text',
    n: 5_000_000,
    story: (n) => ({
      ...seed,
      body: [
        ...seed.body,
        ...Array.from({ length: n / 10_000 }, (_, i) => ({
          id: `x${i + 1}`,
          kind: 'paragraph' as const,
          text: sized(words, 10_000),
        })),
      ],
    }),
  },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function time(story: Story): Promise<number> {
  const start = performance.now();
  await toPdf(story);
  return performance.now() - start;
}

await toPdf(seed); // reads and parses the fonts
console.log(`toPdf on doubling texts, ${ROUNDS} rounds after a warm-up, medians`);
for (const c of CASES) {
  const small = c.story(c.n);
  const large = c.story(2 * c.n);
  const times: [number[], number[]] = [[], []];
  for (let round = -1; round < ROUNDS; round++) {
    // N and 2N take turns, so that a busy machine weighs on both alike.
    const a = await time(small);
    const b = await time(large);
    if (round >= 0) {
      times[0].push(a);
      times[1].push(b);
    }
  }
  const [t1, t2] = times.map(median) as [number, number];
  const label = (n: number) => (n >= 1e6 ? `${n / 1e6} M` : `${n / 1e3} k`);
  console.log(
    `  ${c.name.padEnd(22)} ${label(c.n).padStart(6)} ${t1.toFixed(0).padStart(7)} ms   ${label(2 * c.n).padStart(6)} ${t2.toFixed(0).padStart(7)} ms   ${(t2 / t1).toFixed(2)}×`,
  );
}
