/**
 * Does every generator grow linearly with the story? Builds stories of 1,000 and 4,000 statements
 * from the seed fixture (its body, statements, figures and relations repeated under fresh ids, the
 * same sources speaking throughout), times each generator on both in the same process, and prints
 * the ratio of the two medians: 4.0× is linear, 16× quadratic; the target is at most 4.5×.
 *
 * `BENCH_SIZES=10,40` and `BENCH_ROUNDS=1` run it small (the unit test does, untimed);
 * `BENCH_ONLY=PDF,DOCX` times only the generators whose names start so.
 * Prints a table; asserts nothing.
 */
import { fileURLToPath } from 'node:url';
import { deepFreeze, type Story } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { toDocx } from '@storykit/docx';
import { toRss } from '@storykit/feed';
import { serializeJsonLd, toJsonLd } from '@storykit/jsonld';
import { toPdf } from '@storykit/pdf';

const seed = loadStory(
  fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url)),
);
const [SMALL, LARGE] = (process.env.BENCH_SIZES ?? '1000,4000').split(',').map(Number) as [
  number,
  number,
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
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
  ['RSS (one story)', (s) => toRss([s], FEED)],
  ['JSON-LD', (s) => serializeJsonLd(toJsonLd(s))],
  ['DOCX', (s) => toDocx(s)],
  ['PDF', (s) => toPdf(s)],
];

const ONLY = process.env.BENCH_ONLY?.split(',') ?? [];
const GENERATORS = ALL.filter(
  ([name]) => ONLY.length === 0 || ONLY.some((o) => name.startsWith(o)),
);

async function median(run: () => unknown): Promise<number> {
  const times: number[] = [];
  await run(); // warm-up: fonts, module code, the story's index
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const small = storyOf(SMALL);
const large = storyOf(LARGE);
console.log(
  `Scaling: ${small.statements.length} vs ${large.statements.length} statements, median of ${ROUNDS}`,
);
console.log(`  ${'generator'.padEnd(24)}${'small'.padStart(11)}${'large'.padStart(11)}   ratio`);
for (const [name, generate] of GENERATORS) {
  const a = await median(() => generate(small));
  const b = await median(() => generate(large));
  console.log(
    `  ${name.padEnd(24)}${`${a.toFixed(1)} ms`.padStart(11)}${`${b.toFixed(1)} ms`.padStart(11)}   ${(b / a).toFixed(2)}×`,
  );
}
