/**
 * Throughput of `fromText` on one core, at 100 kB and at 1 MB of text: megabytes per second, and
 * the time at 1 MB over the time at 100 kB divided by how much more text that is (1.00 when no
 * step is worse than linear). The text is the plain-text fixtures' articles, one after another,
 * over and over to the size, with the people's surnames varied per copy so that a long text
 * brings new speakers as a long text would, rather than the same three merging into one.
 *
 * The language layer is loaded by a warm-up extraction first, once for the process, and is not
 * in the timed runs. Each size is timed in processor time (this process's user and system time,
 * which other programs on a busy machine disturb far less than the wall clock), the fastest of a
 * few rounds, the sizes taking turns. The baseline, in the same process, is splitting the same
 * text into words: the floor any extractor pays, so a ratio to it compares across machines.
 *
 *   pnpm --filter @storykit/extract bench
 *   node --expose-gc --import tsx bench/throughput.ts [--rounds 3] [--sizes 100000,1000000]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStory } from '@storykit/core/node';
import { fromText } from '../src/lib/extract.js';
import { languageLoaded } from '../src/lib/language.js';
import { timeOnce } from './doubling.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** One plain-text fixture: its article, and the surnames of the people it quotes. */
interface Article {
  readonly text: string;
  readonly surnames: readonly string[];
}

/** The fixtures that hold a plain-text article, in the order of their folder names. */
function articles(): Article[] {
  return readdirSync(FIXTURES)
    .sort()
    .filter((slug) => readdirSync(join(FIXTURES, slug)).includes('article.txt'))
    .map((slug) => {
      const story = loadStory(join(FIXTURES, slug));
      const surnames = story.sources
        .filter((s) => s.kind === 'person')
        .map((s) => s.name.split(' ').at(-1) ?? '')
        .filter((name) => /^\p{Lu}\p{Ll}{2,}$/u.test(name));
      return { text: readFileSync(join(FIXTURES, slug, 'article.txt'), 'utf8'), surnames };
    });
}

/** A lower-case tag for copy `i` ("", "b", "c", … "ba", …), so that "Kerry" becomes "Kerryb". */
function tag(i: number): string {
  return i === 0
    ? ''
    : [...i.toString(26)].map((d) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(d, 26)]).join('');
}

/** The articles one after another, over and over, until the text holds at least `bytes` bytes. */
export function benchText(bytes: number): string {
  const all = articles();
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const article = all[i % all.length] as Article;
    const copy = Math.floor(i / all.length);
    let text = article.text;
    for (const name of article.surnames)
      text = text.replace(new RegExp(`\\b${name}\\b`, 'gu'), `${name}${tag(copy)}`);
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return parts.join('\n\n');
}

/** One size of the bench. */
export interface ThroughputRow {
  /** The size asked for, in bytes. */
  readonly target: number;
  /** The size of the text, in UTF-8 bytes (whole articles, so a little over the target). */
  readonly bytes: number;
  /** Processor time of `fromText`, the fastest round, in milliseconds. */
  readonly ms: number;
  /** Processor time of splitting the same text into words, in milliseconds. */
  readonly baselineMs: number;
}

/** What {@link throughput} measured. */
export interface ThroughputResult {
  /**
   * Processor time of the warm-up extraction (the first size), which loads the language layer, in
   * milliseconds.
   */
  readonly warmUpMs: number;
  /** Whether the language layer was loaded before the first timed run (it must be). */
  readonly loadedBeforeTiming: boolean;
  readonly rows: readonly ThroughputRow[];
}

/** Times `fromText` at each size (default 100 kB and 1 MB), `rounds` times each (default 3). */
export async function throughput(
  options: { sizes?: readonly number[]; rounds?: number } = {},
): Promise<ThroughputResult> {
  const { sizes = [100_000, 1_000_000], rounds = 3 } = options;
  const texts = sizes.map((size) => benchText(size));
  // The warm-up loads the language layer and lets the engine compile the hot code paths.
  const warmUpMs = await timeOnce(() => fromText(texts[0] ?? ''));
  const loadedBeforeTiming = languageLoaded();
  const ms = sizes.map(() => Number.POSITIVE_INFINITY);
  const baselineMs = sizes.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round++) {
    for (const [i, text] of texts.entries()) {
      ms[i] = Math.min(ms[i] as number, await timeOnce(() => fromText(text)));
      baselineMs[i] = Math.min(
        baselineMs[i] as number,
        await timeOnce(async () => text.split(/\s+/).length),
      );
    }
  }
  return {
    warmUpMs,
    loadedBeforeTiming,
    rows: sizes.map((target, i) => ({
      target,
      bytes: Buffer.byteLength(texts[i] as string),
      ms: ms[i] as number,
      baselineMs: baselineMs[i] as number,
    })),
  };
}

/** Megabytes (10⁶ bytes) per second of a row. */
export const megabytesPerSecond = (row: ThroughputRow): number => row.bytes / 1e6 / (row.ms / 1000);

/**
 * The time of the last size over the time of the first, divided by how much more text the last
 * one holds: 1.00 when the time grows as the text does.
 */
export function linearity(rows: readonly ThroughputRow[]): number {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return Number.NaN;
  return last.ms / first.ms / (last.bytes / first.bytes);
}

/** The report the bench prints: one line a size, then the linearity. */
export function throughputReport(result: ThroughputResult): string {
  const kb = (n: number) => (n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} kB`);
  const lines = [
    `language layer loaded once, in the warm-up run (${result.warmUpMs.toFixed(0)} ms)${result.loadedBeforeTiming ? '' : ' — NOT loaded before timing'}`,
    ...result.rows.map(
      (r) =>
        `${kb(r.target)} (${r.bytes.toLocaleString('en-US')} bytes): ${r.ms.toFixed(0)} ms = ${megabytesPerSecond(r).toFixed(2)} MB/s; ${(r.ms / r.baselineMs).toFixed(0)}× the word split`,
    ),
  ];
  const first = result.rows[0];
  const last = result.rows.at(-1);
  if (first && last && first !== last) {
    const timeRatio = last.ms / first.ms;
    lines.push(
      `time ${kb(last.target)} / time ${kb(first.target)}: ${timeRatio.toFixed(2)} for ${(last.bytes / first.bytes).toFixed(2)}× the text = ${linearity(result.rows).toFixed(2)} (1.00 = linear)`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const sizes = arg('--sizes')?.split(',').map(Number);
  const result = await throughput({
    rounds: Number(arg('--rounds') ?? 3),
    ...(sizes ? { sizes } : {}),
  });
  console.log(throughputReport(result));
}
