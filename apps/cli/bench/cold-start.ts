/**
 * How long does a user wait for one command, started cold? Times `storykit --help` against
 * `node -e 0`, and `storykit build --only docx` and a full `storykit build` of the seed against
 * `pandoc` turning the seed's article (as Markdown) into a DOCX — each a fresh process, every
 * command once a round in turn so that the machine's load falls on all of them alike — and prints
 * the ratio of the medians (wall time) with the targets: ≤ 1.5×, ≤ 2×, ≤ 3×.
 *
 * Runs the built command (`pnpm build` first). `BENCH_ROUNDS=1` runs it small (the unit test
 * does, untimed); `PANDOC=<path>` names the pandoc to use. Without pandoc it says so and skips only
 * the comparisons with it. Prints a table; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run/', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const PANDOC = process.env.PANDOC ?? 'pandoc';

const work = mkdtempSync(join(tmpdir(), 'storykit-cold-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The baseline's input: the seed's headline and article, as the Markdown pandoc reads.
const headline = /^headline: (.*)$/m.exec(readFileSync(join(SEED, 'story.yaml'), 'utf8'))?.[1];
const markdown = join(work, 'seed.md');
writeFileSync(markdown, `# ${headline}\n\n${readFileSync(join(SEED, 'article.txt'), 'utf8')}`);

const pandoc = spawnSync(PANDOC, ['--version'], { encoding: 'utf8' });
const hasPandoc = pandoc.status === 0;
if (!hasPandoc) console.log('pandoc not found: install it with apt-get install pandoc');

interface Case {
  readonly name: string;
  /** The command line of one run; the commands that write get a fresh place each time. */
  readonly argv: () => readonly [string, ...string[]];
}

let runs = 0;
const fresh = () => join(work, `out-${runs++}`);
const CASES: Record<string, Case> = {
  node: { name: 'node -e 0', argv: () => [process.execPath, '-e', '0'] },
  help: { name: 'storykit --help', argv: () => [process.execPath, BIN, '--help'] },
  pandoc: {
    name: 'pandoc seed.md -o report.docx',
    argv: () => [PANDOC, markdown, '-o', `${fresh()}.docx`],
  },
  docx: {
    name: 'storykit build --only docx',
    argv: () => [process.execPath, BIN, 'build', SEED, '--only', 'docx', '-q', '--out', fresh()],
  },
  all: {
    name: 'storykit build',
    argv: () => [process.execPath, BIN, 'build', SEED, '-q', '--out', fresh()],
  },
};
const timed = Object.entries(CASES).filter(([key]) => hasPandoc || key !== 'pandoc');

/** Wall time of one run in milliseconds; a failing run stops the bench with its output. */
function once({ name, argv }: Case): number {
  const [command, ...args] = argv();
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${name} failed (exit ${result.status}): ${result.stderr || result.error}`);
  }
  return ms;
}

const times = new Map<string, number[]>(timed.map(([key]) => [key, []]));
for (const [, c] of timed) once(c); // warm-up: the file-system cache
for (let round = 0; round < ROUNDS; round++) {
  for (const [key, c] of timed) times.get(key)?.push(once(c));
}
const median = (key: string) => {
  const list = [...(times.get(key) ?? [])].sort((a, b) => a - b);
  return list[Math.floor(list.length / 2)] as number;
};

console.log(`Cold start: median wall time of ${ROUNDS} runs each, interleaved`);
console.log(`  ${'command'.padEnd(30)}${'median'.padStart(10)}   ratio   target   baseline`);
const row = (key: string, baseline: string, target: number) => {
  const ratio = median(key) / median(baseline);
  console.log(
    `  ${CASES[key]?.name.padEnd(30)}${`${median(key).toFixed(0)} ms`.padStart(10)}   ${`${ratio.toFixed(2)}×`.padEnd(8)}≤ ${target}×${ratio <= target ? '   ' : ' ✗ '}${CASES[baseline]?.name} (${median(baseline).toFixed(0)} ms)`,
  );
};
row('help', 'node', 1.5);
if (hasPandoc) {
  row('docx', 'pandoc', 2);
  row('all', 'pandoc', 3);
} else {
  console.log(
    `  ${'storykit build --only docx'.padEnd(30)}${`${median('docx').toFixed(0)} ms`.padStart(10)}   (no pandoc to compare with)`,
  );
  console.log(
    `  ${'storykit build'.padEnd(30)}${`${median('all').toFixed(0)} ms`.padStart(10)}   (no pandoc to compare with)`,
  );
}
