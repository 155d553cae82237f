import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'storykit';
import { afterAll, describe, expect, it } from 'vitest';

// Every folder a test makes lies in one scratch folder, removed when the file's tests are done.
const scratch = mkdtempSync(join(tmpdir(), 'storykit-limit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const temp = (): string =>
  mkdirSync(join(scratch, String(folders++)), { recursive: true }) as string;

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SEED = fileURLToPath(new URL('../../../fixtures/kerry-on-the-run', import.meta.url));

/** Runs the built command in a child process, as a user would. */
function storykit(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: tmpdir(), encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the seed story folder, its article padded so that it is larger than its story.yaml. */
function paddedSeed(): { dir: string; storySize: number; articleSize: number } {
  const dir = temp();
  const story = readFileSync(join(SEED, 'story.yaml'));
  writeFileSync(join(dir, 'story.yaml'), story);
  const article = readFileSync(join(SEED, 'article.txt'), 'utf8');
  writeFileSync(join(dir, 'article.txt'), `${article}\n\n${'padding '.repeat(story.length / 4)}`);
  return {
    dir,
    storySize: story.length,
    articleSize: statSync(join(dir, 'article.txt')).size,
  };
}

describe('--max-bytes', () => {
  it('validate refuses a story file over the limit, naming it (exit 1)', () => {
    const { code, stdout, stderr } = storykit(['validate', SEED, '--max-bytes', '100']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const size = statSync(join(SEED, 'story.yaml')).size;
    expect(stderr).toBe(
      `${join(SEED, 'story.yaml')}: the story file is ${size} bytes, over the limit of 100 (maxBytes, --max-bytes); expected a smaller file or a higher limit\n`,
    );
  });

  it('build refuses a body file over the limit and writes nothing (exit 1)', () => {
    const { dir, storySize, articleSize } = paddedSeed();
    const limit = String(storySize + 10);
    const out = join(temp(), 'out');
    const { code, stderr } = storykit(['build', dir, '--out', out, '--max-bytes', limit]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(
        `^${join(dir, 'story.yaml')}:\\d+: body\\.file: "article\\.txt" is ${articleSize} bytes, over the limit of ${limit} `,
      ),
    );
    expect(existsSync(out)).toBe(false);
    expect(storykit(['validate', dir, '--max-bytes', String(articleSize)]).code).toBe(0);
  });

  it('is a usage error for a value that is not a whole number of bytes (exit 2)', async () => {
    for (const value of ['abc', '0', '-5', '1.5', '1e6', '99999999999999999999']) {
      for (const command of ['validate', 'build']) {
        let stderr = '';
        const io = { stdout: () => {}, stderr: (text: string) => (stderr += text) };
        const args = [command, SEED, '--max-bytes', value, '--out', join(temp(), 'out')];
        expect(await run(command === 'validate' ? args.slice(0, 4) : args, io)).toBe(2);
        expect(stderr).toBe(
          `storykit: --max-bytes: ${JSON.stringify(value)} is not a number of bytes; expected a whole number above 0, such as 52428800\n`,
        );
      }
    }
  });

  it('keeps body.file inside the story folder: /etc/passwd is refused, not published', () => {
    const dir = temp();
    const story = readFileSync(join(SEED, 'story.yaml'), 'utf8').replace(
      /file: article\.txt/,
      'file: /etc/passwd',
    );
    expect(story).toContain('file: /etc/passwd');
    writeFileSync(join(dir, 'story.yaml'), story);
    const out = join(temp(), 'out');
    const { code, stderr } = storykit(['build', dir, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /story\.yaml:\d+: body\.file: "\/etc\/passwd" is an absolute path; expected a path relative to the story folder, such as article\.txt\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
