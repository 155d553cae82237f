import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BIN,
  deadPid,
  FIXTURES,
  SEED,
  storykit,
  temp,
  tinyStory,
  writeStory,
} from './test-support.js';

const SLOW_WRITE = fileURLToPath(new URL('./slow-write-preload.cjs', import.meta.url));

const ALL = [
  'article.html',
  'article.jsonld',
  'atom.xml',
  'brief.pdf',
  'feed.json',
  'report.docx',
  'rss.xml',
  'story.json',
];

/** An output folder holding an earlier build's files, each with the text `old <name>`. */
function previousBuild(names: readonly string[]): string {
  const out = temp('storykit-prev-');
  for (const name of names) writeFileSync(join(out, name), `old ${name}`);
  return out;
}

const unchanged = (out: string, names: readonly string[]) =>
  names.map((name) => readFileSync(join(out, name), 'utf8'));

describe('storykit build writes through a temporary folder', () => {
  it('moves the files into place and leaves no temporary file or folder', () => {
    const out = previousBuild(['story.json']);
    const { code, stderr } = storykit(['build', SEED, '-o', out, '--only', 'story,rss']);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['rss.xml', 'story.json']);
    expect(JSON.parse(readFileSync(join(out, 'story.json'), 'utf8')).id).toBe('kerry-on-the-run');
    expect(stderr).toContain(`wrote ${join(out, 'rss.xml')}\n`);
  });

  it('a folder where rss.xml goes: one line naming it, exit 1, the earlier files untouched', () => {
    const out = previousBuild(['story.json', 'atom.xml']);
    mkdirSync(join(out, 'rss.xml'));
    const { code, stdout, stderr } = storykit([
      'build',
      SEED,
      '-o',
      out,
      '--only',
      'story,rss,atom',
    ]);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr.split('\n').filter((l) => l.startsWith('storykit:'))).toEqual([
      `storykit: cannot write ${join(out, 'rss.xml')}: a folder is in the way; remove or rename the folder, or choose another --out folder`,
    ]);
    expect(stderr).not.toContain('internal error');
    expect(stderr).not.toContain('wrote');
    expect(unchanged(out, ['story.json', 'atom.xml'])).toEqual(['old story.json', 'old atom.xml']);
    expect(readdirSync(out).sort()).toEqual(['atom.xml', 'rss.xml', 'story.json']);
  });

  it('a write that fails midway (the file size limit) changes nothing and leaves no debris', () => {
    const out = previousBuild(['story.json', 'brief.pdf']);
    // story.json (~32 kB) fits under 100 blocks of 512 bytes; brief.pdf (~75 kB) does not, and Node
    // ignores SIGXFSZ, so the write fails with EFBIG as on a full disk.
    const args = ['-o', out, '-q', '--only', 'story,pdf'];
    const run = spawnSync(
      '/bin/sh',
      ['-c', 'ulimit -f 100 && exec "$@"', 'sh', process.execPath, BIN, 'build', SEED, ...args],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `storykit: cannot write ${join(out, 'brief.pdf')}: the file is larger than this process may write (see \`ulimit -f\`) (EFBIG); raise the limit, or choose another --out folder; nothing in ${out} was changed\n`,
    );
    expect(unchanged(out, ['story.json', 'brief.pdf'])).toEqual([
      'old story.json',
      'old brief.pdf',
    ]);
    expect(readdirSync(out).sort()).toEqual(['brief.pdf', 'story.json']);
  });
});

describe('temporary files of killed builds', () => {
  it('are removed at the start of a build when their process is gone; a running one’s are kept', () => {
    const out = temp('storykit-stale-');
    const dead = deadPid();
    const stale = [`.rss.xml.${dead}.0a1b2c3d.tmp`, `.storykit-tmp-${dead}-0`];
    const kept = [`.rss.xml.${process.pid}.0a1b2c3d.tmp`, '.notes.tmp', `.story.${dead}.x.tmp`];
    writeFileSync(join(out, stale[0] as string), 'half a feed');
    mkdirSync(join(out, stale[1] as string, 'kerry'), { recursive: true });
    writeFileSync(join(out, stale[1] as string, 'kerry', 'brief.pdf'), 'half a brief');
    for (const name of kept) writeFileSync(join(out, name), 'the user’s');
    // writeFileAtomic's leftovers inside a story's folder of a folder build go too.
    mkdirSync(join(out, 'tiny'));
    writeFileSync(join(out, 'tiny', `.story.json.${dead}.99aa00ff.tmp`), '{');
    const root = temp('storykit-stories-');
    writeStory(join(root, 'a'), tinyStory());

    const { code } = storykit(['build', root, '-o', out, '-q', '--only', 'story,rss']);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...kept, 'rss.xml', 'tiny'].sort());
    expect(readdirSync(join(out, 'tiny')).sort()).toEqual(['rss.xml', 'story.json']);
  });

  it('a build killed with SIGKILL while it writes leaves nothing the next build keeps', async () => {
    const out = temp('storykit-kill-');
    const child = spawn(process.execPath, [BIN, 'build', SEED, '-o', out, '-q']);
    // Kill it the moment its temporary folder appears, or whenever it is still running.
    const killer = setInterval(() => {
      if (readdirSync(out).some((n) => n.startsWith('.storykit-tmp-'))) child.kill('SIGKILL');
    }, 1);
    const signal = await new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_code, sig) => done(sig)),
    );
    clearInterval(killer);
    if (signal === 'SIGKILL') {
      // Killed between making its temporary folder and removing it: the folder is still there.
      expect(readdirSync(out).some((n) => n.startsWith('.storykit-tmp-'))).toBe(true);
    }
    const { code } = storykit(['build', SEED, '-o', out, '-q']);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(ALL);
  });
});

describe('a build stopped by a signal it can handle', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s while it writes: the files are finished first, no temporary folder is left',
    async (signal) => {
      const out = temp('storykit-term-');
      const child = spawn(process.execPath, [
        '--require',
        SLOW_WRITE,
        BIN,
        'build',
        SEED,
        '-o',
        out,
        '-q',
      ]);
      // The preload announces the first staged file and then holds the write for 300 ms.
      let sent = false;
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (!sent && stderr.includes('storykit-test: staging\n')) sent = child.kill(signal);
      });
      const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
      expect(sent).toBe(true);
      // 128 + the signal's number, as a shell reports it; 0 when the build's last step after the
      // writes ended the process before the signal's handler ran.
      expect([0, signal === 'SIGTERM' ? 143 : 130]).toContain(code);
      expect(stderr).toBe('storykit-test: staging\n');
      expect(readdirSync(out).sort()).toEqual(ALL);
    },
  );
});

describe('storykit build never writes over its own inputs', () => {
  it('refuses --out equal to a story folder holding article.html, naming both paths', () => {
    const dir = join(temp('storykit-own-'), 'flood');
    cpSync(join(FIXTURES, 'flood-warning'), dir, { recursive: true });
    const before = readFileSync(join(dir, 'article.html'), 'utf8');
    const { code, stderr } = storykit(['build', dir, '--out', dir, '--only', 'jsonld']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `storykit: --out: writing ${join(dir, 'article.html')} would replace ${join(dir, 'article.html')}, a file of the story's folder; choose an --out folder outside the story's folder\n`,
    );
    expect(readFileSync(join(dir, 'article.html'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['article.html', 'story.yaml']);
  });

  it('refuses to replace a body file in a subfolder of the story', () => {
    const dir = join(temp('storykit-own-'), 'kerry');
    cpSync(SEED, dir, { recursive: true });
    mkdirSync(join(dir, 'text'));
    renameSync(join(dir, 'article.txt'), join(dir, 'text', 'article.html'));
    const yaml = readFileSync(join(dir, 'story.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'story.yaml'),
      yaml.replace('file: article.txt', 'file: text/article.html'),
    );
    const out = join(dir, 'text');
    expect(storykit(['build', dir, '--out', out, '--only', 'jsonld'])).toMatchObject({
      code: 2,
      stderr: `storykit: --out: writing ${join(out, 'article.html')} would replace ${join(dir, 'text', 'article.html')}, the story's body file; choose an --out folder outside the story's folder\n`,
    });
  });

  it('refuses to replace the body file or the story.json it builds from', () => {
    const dir = join(temp('storykit-own-'), 'kerry');
    cpSync(SEED, dir, { recursive: true });
    renameSync(join(dir, 'article.txt'), join(dir, 'article.html'));
    const yaml = readFileSync(join(dir, 'story.yaml'), 'utf8');
    writeFileSync(join(dir, 'story.yaml'), yaml.replace('file: article.txt', 'file: article.html'));
    const out = join(dir, 'sub', '..');
    const body = storykit(['build', dir, '--out', out, '--only', 'jsonld']);
    expect(body).toMatchObject({
      code: 2,
      stderr: `storykit: --out: writing ${join(out, 'article.html')} would replace ${join(dir, 'article.html')}, the story's body file; choose an --out folder outside the story's folder\n`,
    });

    const built = temp('storykit-own-');
    expect(storykit(['build', SEED, '-o', built, '-q', '--only', 'story']).code).toBe(0);
    const json = join(built, 'story.json');
    const again = storykit(['build', json, '-o', built, '--only', 'story']);
    expect(again).toMatchObject({
      code: 2,
      stderr: `storykit: --out: writing ${json} would replace ${json}, the story's story file; choose an --out folder outside the story's folder\n`,
    });
  });

  it('builds into a folder inside the story folder, where no name clashes', () => {
    const dir = join(temp('storykit-own-'), 'flood');
    cpSync(join(FIXTURES, 'flood-warning'), dir, { recursive: true });
    const { code } = storykit(['build', dir, '--out', join(dir, 'out'), '-q', '--only', 'jsonld']);
    expect(code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['article.html', 'article.jsonld']);
  });
});

describe('a folder of stories', () => {
  it('two stories with the same id: an error naming both folders, nothing written', () => {
    const root = temp('storykit-dup-');
    writeStory(join(root, 'first'), tinyStory({ id: 'same' }));
    writeStory(join(root, 'second'), tinyStory({ id: 'same' }));
    const out = temp('storykit-out-');
    const { code, stderr } = storykit(['build', root, '-o', out, '--only', 'story']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${join(root, 'second')}: the id "same" is also the id of the story in ${join(root, 'first')}; each story is built into <out>/<id>/, so give every story of the folder its own id\n`,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('a story folder inside --out that links out of it is not written through', () => {
    const root = temp('storykit-link-');
    writeStory(join(root, 'a'), tinyStory());
    const out = temp('storykit-out-');
    const elsewhere = temp('storykit-elsewhere-');
    symlinkSync(elsewhere, join(out, 'tiny'));
    const { code, stderr } = storykit(['build', root, '-o', out, '--only', 'story,rss']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `storykit: cannot write into ${join(out, 'tiny')}: it is a symbolic link to ${elsewhere}, outside the --out folder; storykit does not write through it: remove the link, or build into ${elsewhere} itself\n`,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(out)).toEqual(['tiny']);
  });

  it('a symbolic link where an output file goes is replaced, never followed', () => {
    const out = temp('storykit-out-');
    const elsewhere = join(temp('storykit-elsewhere-'), 'keep.json');
    writeFileSync(elsewhere, 'keep');
    symlinkSync(elsewhere, join(out, 'story.json'));
    expect(readlinkSync(join(out, 'story.json'))).toBe(elsewhere);
    expect(storykit(['build', SEED, '-o', out, '-q', '--only', 'story']).code).toBe(0);
    expect(lstatSync(join(out, 'story.json')).isFile()).toBe(true);
    expect(readFileSync(elsewhere, 'utf8')).toBe('keep');
  });
});

describe('--out', () => {
  it('a file: a usage error naming it, before anything is built', () => {
    const file = join(temp('storykit-out-'), 'out');
    writeFileSync(file, 'mine');
    const { code, stderr } = storykit(['build', SEED, '-o', file]);
    expect([code, stderr]).toEqual([
      2,
      `storykit: --out: ${file} is a file, not a folder; give a folder (it is created when missing)\n`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });
});
