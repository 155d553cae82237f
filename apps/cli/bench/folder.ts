/**
 * Does a folder of stories use every core, in memory that stays flat? Makes folders of 100 and 500
 * stories from the repository's fixtures (each fixture copied under fresh ids), builds each with
 * the built command in a fresh process, and prints for each size the wall time, the CPU time ÷
 * the wall time (the target is ≥ 1.8 on 2 cores) and the peak resident memory (≤ 300 MiB, and the
 * same at 500 stories as at 100). The stories are built on threads of that one process, so its
 * own resource usage (`process.resourceUsage()`, written as it exits) covers all of them.
 *
 * Runs the built command (`pnpm build` first). `BENCH_STORIES=4,8` runs it small (the unit test
 * does, untimed); `BENCH_OUTPUTS=docx,rss` passes `--only`, `BENCH_JOBS=1` passes `--jobs` (on a
 * loaded machine CPU ÷ wall says little: the wall time with `--jobs 1` against `--jobs 2` does).
 * Prints a table; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const SIZES = (process.env.BENCH_STORIES ?? '100,500').split(',').map(Number);
const ONLY = process.env.BENCH_OUTPUTS;
const JOBS = process.env.BENCH_JOBS;

const work = mkdtempSync(join(tmpdir(), 'storykit-folder-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// Written by the command's process as it exits: its CPU time and peak memory, all threads included.
const usageHook = join(work, 'usage.mjs');
writeFileSync(
  usageHook,
  `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.BENCH_USAGE, JSON.stringify(process.resourceUsage())));
`,
);

const fixtures = readdirSync(FIXTURES).sort();

/** A folder of `count` stories, the fixtures in turn, each under the id `<fixture>-<n>`. */
function folderOf(count: number): string {
  const dir = join(work, `stories-${count}`);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    const fixture = fixtures[i % fixtures.length] as string;
    const to = join(dir, `${fixture}-${String(i).padStart(4, '0')}`);
    cpSync(join(FIXTURES, fixture), to, { recursive: true });
    const file = join(to, 'story.yaml');
    // A fresh id and no url of its own: each copy is an item of its own in the folder's feeds.
    const yaml = readFileSync(file, 'utf8')
      .replace(/^id: .*$/m, `id: ${fixture}-${i}`)
      .replace(/^url: .*\n/m, '');
    writeFileSync(file, yaml.replace(/^# yaml-language-server: .*\n/m, ''));
  }
  return dir;
}

interface Measured {
  readonly stories: number;
  readonly wall: number;
  readonly cpu: number;
  readonly rss: number;
}

function measure(stories: number): Measured {
  const dir = folderOf(stories);
  const usage = join(work, `usage-${stories}.json`);
  const args = [
    '--import',
    usageHook,
    BIN,
    'build',
    dir,
    '--out',
    join(work, `out-${stories}`),
    '--quiet',
    ...(ONLY ? ['--only', ONLY] : []),
    ...(JOBS ? ['--jobs', JOBS] : []),
  ];
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, BENCH_USAGE: usage },
  });
  const wall = performance.now() - start;
  if (result.status !== 0) throw new Error(`build of ${stories} stories failed: ${result.stderr}`);
  const used = JSON.parse(readFileSync(usage, 'utf8')) as NodeJS.ResourceUsage;
  rmSync(dir, { recursive: true, force: true });
  return {
    stories,
    wall,
    // resourceUsage gives microseconds of CPU and kilobytes of memory.
    cpu: (used.userCPUTime + used.systemCPUTime) / 1000,
    rss: used.maxRSS / 1024,
  };
}

const results = SIZES.map(measure);
console.log(
  `Folder of stories: one build each, ${availableParallelism()} cores, --jobs ${JOBS ?? 'default'}, outputs: ${ONLY ?? 'all'}`,
);
console.log(
  `  ${'stories'.padEnd(10)}${'wall'.padStart(10)}${'per story'.padStart(12)}${'CPU ÷ wall'.padStart(12)}${'peak RSS'.padStart(12)}`,
);
for (const r of results) {
  console.log(
    `  ${String(r.stories).padEnd(10)}${`${(r.wall / 1000).toFixed(1)} s`.padStart(10)}${`${(r.wall / r.stories).toFixed(0)} ms`.padStart(12)}${(r.cpu / r.wall).toFixed(2).padStart(12)}${`${r.rss.toFixed(0)} MiB`.padStart(12)}`,
  );
}
const [first, last] = [results[0], results.at(-1)] as [Measured, Measured];
console.log(
  `  peak RSS ${last.stories} ÷ ${first.stories} stories: ${(last.rss / first.rss).toFixed(2)}× (target: about 1×, at most 300 MiB); CPU ÷ wall target: ≥ 1.8 on 2 cores`,
);
