import { readFileSync } from 'node:fs';
import { EXIT, OUTPUTS, run } from 'storykit';
import { describe, expect, it } from 'vitest';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const VERSION = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

async function output(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: () => {} });
  return { code, stdout };
}

describe('the command as documented', () => {
  it('prints its version with --version and -V', async () => {
    for (const flag of ['--version', '-V']) {
      expect(await output([flag])).toEqual({ code: EXIT.ok, stdout: `${VERSION}\n` });
    }
  });

  it('lists every output --only takes in the README, with its file', () => {
    const rows = new Map(
      [...README.matchAll(/^\| `([a-z]+)` +\| ([^|]+)\|/gm)].map((m) => [m[1], m[2]?.trim()]),
    );
    for (const output of OUTPUTS) {
      expect(rows.has(output.name), `README row for --only ${output.name}`).toBe(true);
    }
  });
});
