// Shared by the tests of the command's write path, messages and failures; not part of the package.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'storykit';
import { afterAll } from 'vitest';
import { stringify } from 'yaml';

/** The built command, as a user runs it. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** The seed story of the repository. */
export const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run', import.meta.url));

/** The repository's curated fixtures. */
export const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));

/** Every fixture's article (`article.txt`, `.md` or `.html`), as absolute paths. */
export const FIXTURE_ARTICLES = readdirSync(FIXTURES)
  .flatMap((name) =>
    ['article.txt', 'article.md', 'article.html'].map((file) => join(FIXTURES, name, file)),
  )
  .filter((file) => existsSync(file));

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed when the test file is done. */
export function temp(prefix = 'storykit-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Runs the built command in a child process and returns its exit code and output. */
export function storykit(args: readonly string[], cwd = tmpdir()) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A one-paragraph story with its body inline, for tests that change one field of it. */
export function tinyStory(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'tiny',
    headline: 'Bridge to reopen',
    language: 'en',
    published: '2016-07-18',
    body: [{ text: '“We will rebuild the bridge,” said Mayor Lena Ortiz on Monday.' }],
    authors: ['ortiz'],
    sources: [{ id: 'ortiz', kind: 'person', name: 'Lena Ortiz' }],
    ...fields,
  };
}

/** Writes `story` as `story.yaml` into `dir` (made when missing) and returns `dir`. */
export function writeStory(dir: string, story: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'story.yaml'), stringify(story));
  return dir;
}

/** The id of a process that has ended: a stand-in for a build that was killed. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

/** Runs the command in this process; resolves to its exit code and what it printed. */
export async function runCaptured(
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}
