/**
 * Does every generator grow linearly with the story? Builds stories of 1,000 and 4,000 statements
 * from the seed fixture (its body, statements, figures and relations repeated under fresh ids, the
 * same sources speaking throughout), times each generator on both in the same process, and prints
 * the ratio of the two medians: 4.0× is linear, 16× quadratic; the target is at most 4.5×, and each
 * row says whether it is met. The generators: PDF, DOCX, JSON-LD, and each feed format (RSS, Atom,
 * JSON Feed) both as the feed of one story and as the feed of its statements (an item each).
 *
 * `BENCH_SIZES=10,40` and `BENCH_ROUNDS=1` run it small (the unit test does, untimed);
 * `BENCH_ONLY=PDF,DOCX` times only the generators whose names start so.
 * Prints a table; asserts nothing (timing is never a test's business), exits 0 either way.
 */
import { fileURLToPath } from 'node:url';
import { deepFreeze, type Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toDocx } from '@storykit/docx';
import { toAtom, toJsonFeed, toRss } from '@storykit/feed';
import { serializeJsonLd, toJsonLd } from '@storykit/jsonld';
import { toPdf } from '@storykit/pdf';

const seed = loadStory(
  fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url)),
);
const [SMALL, LARGE] = (process.env.BENCH_SIZES ?? '1000,4000').split(',').map(Number) as [
  number,
  number,
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const FEED = { baseUrl: 'https://news.example/', title: 'Bench', updated: '2016-07-18' } as const;

/** The seed's article repeated until it holds `statements` statements (whole copies, rounded up). */
function storyOf(statements: number): Story {
  const copies = Math.max(1, Math.ceil(statements / seed.statements.length));
  const tag = (id: string, c: number) => (c === 0 ? id : `${id}-c${c}`);
  const range = Array.from({ length: copies }, (_, c) => c);
  const story = {
    ...seed,
    body: range.flatMap((c) => seed.body.map((b) => ({ ...b, id: tag(b.id, c) }))),
    statements: range.flatMap((c) =>
      seed.statements.map((s) => ({
        ...s,
        id: tag(s.id, c),
        span: { ...s.span, block: tag(s.span.block, c) },
      })),
    ),
    figures: range.flatMap((c) =>
      seed.figures.map((f) => ({
        ...f,
        id: tag(f.id, c),
        ...(f.statement ? { statement: tag(f.statement, c) } : {}),
        span: { ...f.span, block: tag(f.span.block, c) },
      })),
    ),
    relations: range.flatMap((c) =>
      seed.relations.map((r) => ({ ...r, from: tag(r.from, c), to: tag(r.to, c) })),
    ),
  };
  return deepFreeze(story) as Story;
}

const ALL: readonly [string, (story: Story) => unknown][] = [
  ['statements feed (RSS)', (s) => toRss([s], { ...FEED, items: 'statements' })],
  ['statements feed (Atom)', (s) => toAtom([s], { ...FEED, items: 'statements' })],
  ['statements feed (JSON Feed)', (s) => toJsonFeed([s], { ...FEED, items: 'statements' })],
  ['RSS (one story)', (s) => toRss([s], FEED)],
  ['Atom (one story)', (s) => toAtom([s], FEED)],
  ['JSON Feed (one story)', (s) => toJsonFeed([s], FEED)],
  ['JSON-LD', (s) => serializeJsonLd(toJsonLd(s))],
  ['DOCX', (s) => toDocx(s)],
  ['PDF', (s) => toPdf(s)],
];

/** The most the large story's time may be of the small one's: linear, with room for noise. */
const TARGET = 4.5;

const ONLY = process.env.BENCH_ONLY?.split(',') ?? [];
const GENERATORS = ALL.filter(
  ([name]) => ONLY.length === 0 || ONLY.some((o) => name.startsWith(o)),
);

const median = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function time(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * The medians of a generator on both stories, timed in alternation round by round, so that a
 * change in the machine's load (it is shared) falls on both sizes alike.
 */
async function medians(generate: (story: Story) => unknown): Promise<[number, number]> {
  // Warm-up: fonts, module code, the stories' indexes.
  await generate(small);
  await generate(large);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    a.push(await time(() => generate(small)));
    b.push(await time(() => generate(large)));
  }
  return [median(a), median(b)];
}

const small = storyOf(SMALL);
const large = storyOf(LARGE);
console.log(
  `Scaling: ${small.statements.length} vs ${large.statements.length} statements, median of ${ROUNDS}`,
);
console.log(
  `  ${'generator'.padEnd(28)}${'small'.padStart(11)}${'large'.padStart(11)}   ratio   ≤ ${TARGET}×`,
);
const failed: string[] = [];
for (const [name, generate] of GENERATORS) {
  const [a, b] = await medians(generate);
  const ratio = b / a;
  if (!(ratio <= TARGET)) failed.push(name);
  console.log(
    `  ${name.padEnd(28)}${`${a.toFixed(1)} ms`.padStart(11)}${`${b.toFixed(1)} ms`.padStart(11)}   ${`${ratio.toFixed(2)}×`.padEnd(8)}${ratio <= TARGET ? 'pass' : 'FAIL'}`,
  );
}
console.log(
  failed.length === 0
    ? `  every generator within ${TARGET}×`
    : `  over ${TARGET}×: ${failed.join(', ')}`,
);
