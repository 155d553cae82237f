import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const STUDIO = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

// Timed in `pnpm bench`; here it only has to run, small, and print its table.
describe('the bench script', () => {
  it('opens a generated story, types into it and prints the timings', () => {
    const out = execFileSync(TSX, ['bench/open-and-type.ts'], {
      cwd: STUDIO,
      env: { ...process.env, BENCH_STATEMENTS: '60', BENCH_BYTES: '0', BENCH_KEYS: '3' },
      encoding: 'utf8',
    });
    expect(out).toMatch(/seed repeated\s+60\s/);
    expect(out).toMatch(/targets: open (met|NOT met)/);
  });
});
