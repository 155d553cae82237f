/**
 * Throughput of fromText on long articles (the seed's body repeated, with its names varied so
 * that sources do not all merge), at 100 kB and 1 MB: words per second, and the time per word at
 * 1 MB over the time per word at 100 kB (about 1 when no step is quadratic). The baseline, in the
 * same process, is splitting the same text into words — the floor any extractor pays.
 *
 *   pnpm --filter @storykit/extract bench
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromText } from '../src/lib/extract.js';

const seed = readFileSync(
  fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/article.txt', import.meta.url)),
  'utf8',
);
const body = seed.slice(
  seed.indexOf('As the self-declared'),
  seed.indexOf('he said.') + 'he said.'.length,
);

function article(bytes: number): string {
  const parts = ['A long article for the benchmark'];
  for (let i = 0; parts.join('\n\n').length < bytes; i++) {
    // Vary the names so that each copy brings its own people, as a long text would.
    parts.push(
      body
        .replace(/Kerry/g, `Kerry${i}`)
        .replace(/Stein/g, `Stein${i}`)
        .replace(/Tapper/g, `Tapper${i}`),
    );
  }
  return parts.join('\n\n');
}

async function time(run: () => unknown, rounds: number): Promise<number> {
  await run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await run();
  return Number(process.hrtime.bigint() - start) / 1e6 / rounds;
}

const results: Record<string, { words: number; ms: number; baseline: number }> = {};
for (const [label, bytes, rounds] of [
  ['100 kB', 100_000, 5],
  ['1 MB', 1_000_000, 2],
] as const) {
  const text = article(bytes);
  const words = text.split(/\s+/).length;
  const ms = await time(() => fromText(text), rounds);
  const baseline = await time(() => text.split(/\s+/).length, rounds * 20);
  results[label] = { words, ms, baseline };
  console.log(
    `${label}: ${words} words in ${ms.toFixed(0)} ms = ${Math.round(words / (ms / 1000)).toLocaleString('en-US')} words/s; ${(ms / baseline).toFixed(0)}× the word split`,
  );
}
const small = results['100 kB'] as { words: number; ms: number };
const large = results['1 MB'] as { words: number; ms: number };
console.log(
  `time per word, 1 MB over 100 kB: ${(large.ms / large.words / (small.ms / small.words)).toFixed(2)} (1.00 = linear)`,
);
