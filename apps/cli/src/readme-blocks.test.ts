/**
 * Every TypeScript block in every package README is type-checked (tsc --strict, nodenext) and run,
 * from a scratch folder that holds the repository's fixtures, as a reader would paste it. A block
 * preceded by `<!-- not runnable: reason -->` is type-checked but not run. This package depends on
 * every other one, so the blocks resolve the packages from here.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BLOCKS = fileURLToPath(new URL('../generated/readme-blocks/', import.meta.url));
const require = createRequire(import.meta.url);

interface Block {
  readonly name: string;
  readonly readme: string;
  readonly line: number;
  readonly code: string;
  readonly notRunnable?: string;
}

/** The ```ts blocks of a README, each with the reason it is not run, if it is marked so. */
export function tsBlocks(readme: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? '')) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    const before =
      lines
        .slice(0, i)
        .reverse()
        .find((l) => l.trim() !== '') ?? '';
    const mark = /<!--\s*not runnable:\s*(.+?)\s*-->/.exec(before);
    const slug = readme.replace(/\/README\.md$/, '').replace(/[^a-z0-9]+/gi, '-');
    blocks.push({
      name: `${slug}-${i + 2}`,
      readme,
      line: i + 2,
      code: lines.slice(i + 1, end).join('\n'),
      ...(mark?.[1] ? { notRunnable: mark[1] } : {}),
    });
    i = end;
  }
  return blocks;
}

const readmes = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(ROOT, group)).map((dir) => `${group}/${dir}/README.md`),
);
const blocks = readmes.flatMap((readme) => {
  try {
    return tsBlocks(readme, readFileSync(join(ROOT, readme), 'utf8'));
  } catch {
    return [];
  }
});

// A scratch working folder with the fixtures, so `loadStory('fixtures/…')` reads what it says
// and whatever a block writes lands there.
const cwd = mkdtempSync(join(tmpdir(), 'storykit-readme-'));
symlinkSync(join(ROOT, 'fixtures'), join(cwd, 'fixtures'));
rmSync(BLOCKS, { recursive: true, force: true });
mkdirSync(BLOCKS, { recursive: true });
for (const block of blocks) {
  // `export {}` makes each block a module, so top-level await and block-local names work.
  writeFileSync(join(BLOCKS, `${block.name}.mts`), `${block.code}\nexport {};\n`);
}
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

describe('README code blocks', () => {
  it('finds the blocks, and every block not run says why', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(9);
    for (const block of blocks) expect(block.notRunnable ?? 'runs').not.toBe('');
  });

  it('type-checks every block with tsc --strict under nodenext resolution', () => {
    writeFileSync(
      join(BLOCKS, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: ['node'],
          skipLibCheck: true,
        },
        include: ['*.mts'],
      }),
    );
    const tsc = require.resolve('typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', BLOCKS], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout?: string }).stdout ?? String(error);
    }
    // Name each failure by its README and line, not by the scratch file.
    const located = output.replace(
      /\S*?([\w-]+)-(\d+)\.mts\((\d+),\d+\)/g,
      (_m, slug, line, at) => {
        const block = blocks.find((b) => b.name === `${slug}-${line}`);
        return block ? `${block.readme}:${block.line + Number(at) - 1}` : _m;
      },
    );
    expect(located).toBe('');
  });

  it.each(blocks.filter((b) => !b.notRunnable).map((b) => [`${b.readme}:${b.line}`, b] as const))(
    'runs %s',
    (_where, block) => {
      execFileSync(
        process.execPath,
        ['--import', require.resolve('tsx'), join(BLOCKS, `${block.name}.mts`)],
        { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    },
  );
});
