import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const bench = (script: string, env: Record<string, string>) =>
  execFileSync(TSX, [script], { cwd: CLI, env: { ...process.env, ...env }, encoding: 'utf8' });
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;

// The command's benchmarks are timed in `pnpm bench`; here they only have to run, at a size that
// takes seconds, and print what they measure.
describe('bench scripts of the command', () => {
  it('cold-start.ts says pandoc is missing and still times the rest', () => {
    const out = bench('bench/cold-start.ts', { BENCH_ROUNDS: '1', PANDOC: '/nonexistent/pandoc' });
    expect(out).toContain('pandoc not found: install it with apt-get install pandoc');
    expect(out).toMatch(/storykit --help\s+\d+ ms\s+[\d.]+×\s+≤ 1\.5×/);
    expect(out).toMatch(/storykit build --only docx\s+\d+ ms\s+\(no pandoc to compare with\)/);
    expect(out).toMatch(/storykit build\s+\d+ ms\s+\(no pandoc to compare with\)/);
  });

  it.runIf(hasPandoc)('cold-start.ts compares both builds with pandoc when it is there', () => {
    const out = bench('bench/cold-start.ts', { BENCH_ROUNDS: '1' });
    expect(out).not.toContain('pandoc not found');
    expect(out).toMatch(/storykit build --only docx\s+\d+ ms\s+[\d.]+×\s+≤ 2×/);
    expect(out).toMatch(/storykit build\s+\d+ ms\s+[\d.]+×\s+≤ 3×/);
  });

  it('folder.ts builds folders of stories and prints CPU ÷ wall and peak memory for each', () => {
    const out = bench('bench/folder.ts', { BENCH_STORIES: '3,9', BENCH_OUTPUTS: 'story,rss' });
    for (const stories of [3, 9])
      expect(out).toMatch(
        new RegExp(`\\n  ${stories}\\s+[\\d.]+ s\\s+\\d+ ms\\s+[\\d.]+\\s+\\d+ MiB`),
      );
    expect(out).toMatch(/peak RSS 9 ÷ 3 stories: [\d.]+×/);
  });

  it('story-yaml.ts writes the YAML of two kinds of story, and of each four times its size', () => {
    const out = bench('bench/story-yaml.ts', { BENCH_SIZES: '10,40', BENCH_ROUNDS: '1' });
    expect(out).toContain('storyYaml: 10 vs 40 statements');
    for (const name of ['the seed repeated', 'sentences alike'])
      expect(out).toMatch(
        new RegExp(
          `\\n  ${name}\\s+\\d+ KiB\\s+\\d+ KiB\\s+[\\d.]+ ms\\s+[\\d.]+ ms\\s+[\\d.]+×\\s+(pass|FAIL) `,
        ),
      );
  });
});
