import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, storykit, temp, tinyStory, writeStory } from './test-support.js';

const PRELOAD = fileURLToPath(new URL('./crash-preload.cjs', import.meta.url));

/** A folder of `n` tiny stories, `s1` … `sn`, in folders `a1` … `an`. */
function folder(n: number): string {
  const root = temp('storykit-batch-');
  for (let i = 1; i <= n; i++) writeStory(join(root, `a${i}`), tinyStory({ id: `s${i}` }));
  return root;
}

/** `storykit build <root> -o <out> -q -j 2 --only <only>` with crash-preload.cjs and its `env`. */
function buildPreloaded(root: string, out: string, only: string, env: Record<string, string>) {
  return spawnSync(
    process.execPath,
    [BIN, 'build', root, '-o', out, '-q', '-j', '2', '--only', only],
    {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require ${PRELOAD}`, ...env },
    },
  );
}

/** Every file under `dir`, relative to it, hidden ones included. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('build of a folder of stories', () => {
  it.each(['0', '-1', 'abc', '1.5'])('--jobs %s: a usage error naming the flag', (jobs) => {
    const { code, stderr } = storykit(['build', folder(1), '-o', temp(), `--jobs=${jobs}`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(
        `^storykit: --jobs: "${jobs.replace('.', '\\.')}" is not a number of stories to build at once; expected a whole number above 0, such as \\d+\\n$`,
      ),
    );
  });

  it('builds every story into its folder with --jobs 2, and the feeds of all', () => {
    const out = temp();
    const { code, stderr } = storykit([
      'build',
      folder(3),
      '-o',
      out,
      '-j',
      '2',
      '--only',
      'story,rss',
    ]);
    expect([code, stderr.match(/^built s\d/gm)?.sort()]).toEqual([
      0,
      ['built s1', 'built s2', 'built s3'],
    ]);
    expect(tree(out)).toEqual([
      'rss.xml',
      's1',
      's1/rss.xml',
      's1/story.json',
      's2',
      's2/rss.xml',
      's2/story.json',
      's3',
      's3/rss.xml',
      's3/story.json',
    ]);
  });

  it('a story that fails is reported with its folder; the others are built; exit 1', () => {
    const root = folder(3);
    writeStory(join(root, 'a2'), tinyStory({ id: 's2', authors: ['nobody'] }));
    const out = temp();
    const { code, stderr } = storykit(['build', root, '-o', out, '-q', '--only', 'story,rss']);
    expect(code).toBe(1);
    expect(stderr).toContain(`${join(root, 'a2', 'story.yaml')}`);
    expect(stderr).toContain(`storykit: not built: ${join(root, 'a2')}\n`);
    expect(stderr).toContain('storykit: 1 of 3 stories not built; the others were written\n');
    // The folder's feed lists every story: not written when one is missing.
    expect(tree(out)).toEqual([
      's1',
      's1/rss.xml',
      's1/story.json',
      's3',
      's3/rss.xml',
      's3/story.json',
    ]);
  });

  it('a story whose thread dies mid-write: reported with its folder, the pool goes on, no half file', () => {
    const root = folder(4);
    const out = temp();
    const result = buildPreloaded(root, out, 'story,jsonld', { STORYKIT_TEST_CRASH: 's2' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${join(root, 'a2')}: the thread building this story stopped (worker exited with code: 70); none of its files were written\n`,
    );
    expect(result.stderr).toContain(`storykit: not built: ${join(root, 'a2')}\n`);
    expect(tree(out)).toEqual(
      ['s1', 's3', 's4'].flatMap((id) => [
        id,
        `${id}/article.html`,
        `${id}/article.jsonld`,
        `${id}/story.json`,
      ]),
    );
    expect(existsSync(join(out, 's2'))).toBe(false);
  });

  it('a story too big for a thread of the pool is built again on a thread of its own', () => {
    const root = folder(3);
    const out = temp();
    const result = buildPreloaded(root, out, 'story,rss', { STORYKIT_TEST_OOM: 's2' });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(tree(out)).toEqual([
      'rss.xml',
      ...['s1', 's2', 's3'].flatMap((id) => [id, `${id}/rss.xml`, `${id}/story.json`]),
    ]);
  });

  it('draws a progress line on a terminal only, and not with --quiet', () => {
    const root = folder(2);
    const tty = (extra: string) =>
      spawnSync(
        'script',
        [
          '-qec',
          `${process.execPath} ${BIN} build ${root} -o ${temp()} --only story ${extra}`,
          '/dev/null',
        ],
        {
          encoding: 'utf8',
        },
      ).stdout;
    expect(tty('')).toMatch(
      new RegExp(`\r${String.fromCharCode(27)}\\[Kbuilt 2/2 stories, [\\d.]+ stories/s, 0s left`),
    );
    expect(tty('-q')).not.toContain('stories/s');
    expect(storykit(['build', root, '-o', temp(), '--only', 'story']).stderr).not.toContain(
      'stories/s',
    );
  });
});
