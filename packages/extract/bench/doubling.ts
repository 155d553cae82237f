/**
 * Size-doubling checks on hostile input: each case builds an input of size N and of size 2N,
 * times the extractor on both in this process (processor time, the fastest of a few rounds, the
 * two sizes taking turns), and prints the ratio of the times. A rule linear in its input gives about 2; the target
 * is at most 2.2. Inputs are built from fixed patterns and a fixed-seed generator, so every run
 * reads the same text.
 *
 *   pnpm --filter @storykit/extract bench          (with the throughput bench)
 *   node --expose-gc --import tsx bench/doubling.ts [--scale 0.1] [--rounds 3] [--only numbers,<div>]
 */
import { fileURLToPath } from 'node:url';
import { fromHtml, fromMarkdown, fromText, NotTextError } from '@storykit/extract';

/** One hostile input, built at any size. */
export interface DoublingCase {
  /** A short name, printed in the table. */
  readonly name: string;
  /** What `n` counts (numbers, bytes, levels, …). */
  readonly unit: string;
  /** The size N the bench runs (and 2N). */
  readonly size: number;
  /** The input at size `n`. */
  readonly input: (n: number) => string;
  /** Extracts from the input; resolves when done (a refusal of the input counts as done). */
  readonly run: (input: string) => Promise<unknown>;
}

/** The same bytes every run: a linear congruential generator with a fixed seed. */
function bytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let state = 12345;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

/** Extracts, and counts a `NotTextError` as the expected outcome rather than a failure. */
const refused = (extractor: (text: string) => Promise<unknown>) => async (input: string) => {
  try {
    return await extractor(input);
  } catch (error) {
    if (error instanceof NotTextError) return error;
    throw error;
  }
};

const words = (n: number, word: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => word(i)).join(' ');

/** Every hostile input of issues 11 and 13, and the neighbours of each that the same rules read. */
export const CASES: readonly DoublingCase[] = [
  {
    name: 'numbers in one paragraph',
    unit: 'numbers',
    size: 20_000,
    input: (n) => `Tallies: ${words(n, (i) => `${(i % 900) + 3} ships,`)} in all.`,
    run: fromText,
  },
  {
    name: 'random bytes (refused)',
    unit: 'bytes',
    size: 1_000_000,
    input: (n) => new TextDecoder().decode(bytes(n)),
    run: refused(fromText),
  },
  {
    name: 'random printable text',
    unit: 'characters',
    size: 100_000,
    input: (n) => Array.from(bytes(n), (b) => String.fromCharCode(32 + (b % 95))).join(''),
    run: fromText,
  },
  {
    name: 'paragraph without punctuation',
    unit: 'words',
    size: 100_000,
    input: (n) => words(n, (i) => ['river', 'stone', 'Harbor', 'council', 'told'][i % 5] as string),
    run: fromText,
  },
  {
    name: 'all capitals',
    unit: 'words',
    size: 200_000,
    input: (n) =>
      words(n, (i) => ['THE', 'MAYOR', 'SAID', 'NEW', 'YORK', 'POLICE.'][i % 6] as string),
    run: fromText,
  },
  {
    name: 'quotation marks',
    unit: 'marks',
    size: 500_000,
    input: (n) => `He said ${'"'.repeat(n)} and left.`,
    run: fromText,
  },
  {
    name: 'short quotations in one paragraph',
    unit: 'quotations',
    size: 5_000,
    input: (n) => words(n, (i) => `“word ${i} here,” she said.`),
    run: fromText,
  },
  {
    name: 'quotations left open across paragraphs',
    unit: 'paragraphs',
    size: 5_000,
    input: (n) =>
      `Headline\n\n${Array.from({ length: n }, (_, i) => `${i % 2 ? '' : '“'}Part ${i} of it runs on, said Ana Ortiz`).join('\n\n')}`,
    run: fromText,
  },
  {
    name: 'quotations inside quotations, never closed',
    unit: 'marks',
    size: 200_000,
    input: (n) => `Ana Ortiz said ${'“a "b '.repeat(Math.ceil(n / 2))}`,
    run: fromText,
  },
  {
    name: 'straight and curly marks mixed',
    unit: 'words',
    size: 100_000,
    input: (n) =>
      words(
        n,
        (i) =>
          ['"We', 'will,”', 'said', 'Ana', 'Ortiz.', '“Soon"', "''maybe”", '”later“'][
            i % 8
          ] as string,
      ),
    run: fromText,
  },
  {
    name: 'right-to-left quotations',
    unit: 'quotations',
    size: 5_000,
    input: (n) =>
      `Council votes on the plan\n\n${words(n, (i) => `“שלום עכשיו ${i} خطة جيدة,” said Dana Levi of the council.`)}`,
    run: fromText,
  },
  {
    name: 'quotations in capitals',
    unit: 'quotations',
    size: 5_000,
    input: (n) => words(n, (i) => `“WE WILL WIN “ROUND ${i}” TOO,” SAID MAYOR ANA ORTIZ.`),
    run: fromText,
  },
  {
    name: 'nested lists by indentation',
    unit: 'bytes',
    size: 500_000,
    input: (n) => {
      const lines: string[] = [];
      let length = 0;
      for (let i = 0; length < n; i++) {
        const line = `${' '.repeat(2 * i)}- item ${i}`;
        lines.push(line);
        length += line.length + 1;
      }
      return lines.join('\n');
    },
    run: fromMarkdown,
  },
  {
    name: 'nested list markers on one line',
    unit: 'levels',
    size: 10_000,
    input: (n) => `${'- '.repeat(n)}item`,
    run: fromMarkdown,
  },
  {
    name: 'nested block quotes',
    unit: 'levels',
    size: 10_000,
    input: (n) => `${'> '.repeat(n)}quoted text`,
    run: fromMarkdown,
  },
  {
    name: 'link openers `[a](`',
    unit: 'openers',
    size: 40_000,
    input: (n) => '[a]('.repeat(n),
    run: fromMarkdown,
  },
  {
    name: 'unmatched emphasis `a_ `',
    unit: 'marks',
    size: 40_000,
    input: (n) => 'a_ '.repeat(n),
    run: fromMarkdown,
  },
  {
    name: 'long flat list',
    unit: 'items',
    size: 10_000,
    input: (n) => Array.from({ length: n }, (_, i) => `- item ${i}`).join('\n'),
    run: fromMarkdown,
  },
  {
    name: 'nested <div>s',
    unit: 'levels',
    size: 10_000,
    input: (n) => `<body>${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}</body>`,
    run: fromHtml,
  },
];

/** One row of the table: the time at N and at 2N, in milliseconds, and their ratio. */
export interface DoublingRow {
  readonly name: string;
  readonly unit: string;
  readonly n: number;
  readonly ms: number;
  readonly ms2: number;
  readonly ratio: number;
}

/**
 * The processor time one run takes, in milliseconds: user and system time of this process, which
 * other programs on a busy machine disturb far less than the wall clock.
 */
export async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  // Collect the garbage of the runs before, when Node is started with --expose-gc, so that no
  // run pays for another's.
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Runs every case (or those named in `only`) at N × `scale` and twice that, `rounds` times each,
 * and returns the fastest time of each size and the ratio.
 */
export async function doubling(
  options: {
    scale?: number;
    rounds?: number;
    only?: readonly string[];
    /** Called with each row as soon as it is measured. */
    onRow?: (row: DoublingRow) => void;
  } = {},
): Promise<DoublingRow[]> {
  const { scale = 1, rounds = 3, only, onRow } = options;
  const rows: DoublingRow[] = [];
  for (const c of CASES) {
    if (only && !only.some((name) => c.name.includes(name))) continue;
    const n = Math.max(1, Math.round(c.size * scale));
    const small = c.input(n);
    const large = c.input(2 * n);
    await c.run(c.input(Math.max(1, Math.round(n / 10)))); // warm the code paths up
    let ms = Number.POSITIVE_INFINITY;
    let ms2 = Number.POSITIVE_INFINITY;
    for (let round = 0; round < rounds; round++) {
      ms = Math.min(ms, await timeOnce(() => c.run(small)));
      ms2 = Math.min(ms2, await timeOnce(() => c.run(large)));
    }
    const row = { name: c.name, unit: c.unit, n, ms, ms2, ratio: ms2 / ms };
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}

/** The rows as a fixed-width table. */
export function doublingTable(rows: readonly DoublingRow[]): string {
  const head = ['case', 'N', 'time N', 'time 2N', '2N / N'];
  const body = rows.map((r) => [
    r.name,
    `${r.n.toLocaleString('en-US')} ${r.unit}`,
    `${r.ms.toFixed(0)} ms`,
    `${r.ms2.toFixed(0)} ms`,
    r.ratio.toFixed(2),
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] as string).length)),
  );
  return [head, ...body]
    .map((row) =>
      row
        .map((cell, i) =>
          i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number),
        )
        .join('  '),
    )
    .join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const rows = await doubling({
    scale: Number(arg('--scale') ?? 1),
    rounds: Number(arg('--rounds') ?? 3),
    ...(arg('--only') ? { only: (arg('--only') as string).split(',') } : {}),
    // Progress on stderr, the table on stdout.
    onRow: (row) => process.stderr.write(`${row.name}: ${row.ratio.toFixed(2)}\n`),
  });
  console.log(doublingTable(rows));
  const over = rows.filter((r) => r.ratio > 2.2);
  console.log(
    over.length === 0
      ? 'every case: 2× input → at most 2.2× time'
      : `over 2.2: ${over.map((r) => r.name).join(', ')}`,
  );
}
