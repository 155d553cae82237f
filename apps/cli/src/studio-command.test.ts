import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, storykit, temp } from './test-support.js';

// The studio itself is tested in apps/studio, in a browser; here, what the command refuses
// before it starts one.
describe('storykit studio', () => {
  it('refuses a port that is not one (exit 2), starting nothing', () => {
    const result = storykit(['studio', SEED, '--port', 'http']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'storykit: --port: "http" is not a port; expected a whole number from 0 (any free port) to 65535\n',
    );
    expect(result.stdout).toBe('');
  });

  it('names a story folder that does not exist (exit 1)', () => {
    const result = storykit(['studio', join(temp(), 'missing')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /missing: no such story folder; expected a folder holding story\.yaml\n$/,
    );
  });

  it('does not draft over a folder that holds a story already (exit 1)', () => {
    const dir = temp();
    cpSync(join(SEED, 'article.txt'), join(dir, 'article.txt'));
    const out = join(dir, 'kept');
    mkdirSync(out);
    writeFileSync(join(out, 'story.yaml'), 'id: kept\n');
    const result = storykit(['studio', join(dir, 'article.txt'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${out} already holds a story`);
    expect(existsSync(join(out, 'article.txt'))).toBe(false);
  });

  it('is listed in --help', () => {
    const result = storykit(['--help']);
    expect(result.stdout).toMatch(/^ {2}studio \[options\] \[story\]/m);
  });
});
