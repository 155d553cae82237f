// The disk failures a test machine cannot make on demand (a full disk, a read-only file system,
// permissions, which root ignores), made here by failing node:fs calls of the in-process command.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { run } from 'storykit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SEED, temp } from './test-support.js';

/** The next failure to inject: the call, the file name it fails on, the system's code. */
const fail: { call?: 'writeFileSync' | 'renameSync'; name?: string; code?: string } = {};

const systemError = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: failed, ${syscall} '${path}'`), { code, syscall, path });

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const failing =
    <A extends unknown[], R>(call: 'writeFileSync' | 'renameSync', fn: (...args: A) => R) =>
    (...args: A): R => {
      // renameSync(from, to) fails on its target, writeFileSync on its file.
      const path = String(call === 'renameSync' ? args[1] : args[0]);
      if (fail.call === call && fail.code && path.endsWith(`/${fail.name}`)) {
        throw systemError(fail.code, call === 'renameSync' ? 'rename' : 'open', path);
      }
      return fn(...args);
    };
  const mocked = {
    ...real,
    writeFileSync: failing('writeFileSync', real.writeFileSync),
    renameSync: failing('renameSync', real.renameSync),
  };
  return { ...mocked, default: mocked };
});

beforeEach(() => {
  delete fail.call;
  delete fail.name;
  delete fail.code;
});

async function build(out: string) {
  let stderr = '';
  const code = await run(['build', SEED, '-o', out, '-q', '--only', 'story,rss,atom'], {
    stdout: () => {},
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stderr };
}

/** An output folder holding an earlier build's three files, each with the text `old <name>`. */
function previousBuild(): string {
  const out = temp('storykit-fail-');
  for (const name of ['story.json', 'rss.xml', 'atom.xml'])
    fs.writeFileSync(join(out, name), `old ${name}`);
  return out;
}

const contents = (out: string) =>
  fs
    .readdirSync(out)
    .sort()
    .map((name) => [name, fs.readFileSync(join(out, name), 'utf8')]);

const OLD = [
  ['atom.xml', 'old atom.xml'],
  ['rss.xml', 'old rss.xml'],
  ['story.json', 'old story.json'],
];

describe('a write that fails leaves the earlier build as it was and says what to do', () => {
  it.each([
    ['ENOSPC', 'the disk is full (ENOSPC); free some space, or choose another --out folder'],
    ['EACCES', 'permission denied (EACCES); make it writable, or choose another --out folder'],
    ['EROFS', 'the file system is read-only (EROFS); choose another --out folder'],
  ])('%s while writing rss.xml', async (code, says) => {
    const out = previousBuild();
    Object.assign(fail, { call: 'writeFileSync', name: 'rss.xml', code });
    const result = await build(out);
    expect(result).toEqual({
      code: 1,
      stderr: `storykit: cannot write ${join(out, 'rss.xml')}: ${says}; nothing in ${out} was changed\n`,
    });
    expect(contents(out)).toEqual(OLD);
  });

  it('a move into place that fails puts back the files already moved', async () => {
    const out = previousBuild();
    // story.json and rss.xml are moved first; atom.xml, the last, fails.
    Object.assign(fail, { call: 'renameSync', name: 'atom.xml', code: 'EIO' });
    const result = await build(out);
    expect(result).toEqual({
      code: 1,
      stderr: `storykit: cannot write ${join(out, 'atom.xml')}: the disk reported an input/output error (EIO); check the disk; nothing in ${out} was changed\n`,
    });
    expect(contents(out)).toEqual(OLD);
  });

  it('a move that fails into an empty folder leaves it empty', async () => {
    const out = temp('storykit-fail-');
    Object.assign(fail, { call: 'renameSync', name: 'atom.xml', code: 'ENOSPC' });
    expect((await build(out)).code).toBe(1);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('with nothing failing, the same build writes the three files', async () => {
    const out = previousBuild();
    expect(await build(out)).toEqual({ code: 0, stderr: '' });
    expect(contents(out).map(([name, text]) => [name, text?.startsWith('old')])).toEqual([
      ['atom.xml', false],
      ['rss.xml', false],
      ['story.json', false],
    ]);
  });
});
