import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BENCH = fileURLToPath(new URL('../bench/to-docx.bench.mjs', import.meta.url));

// Timed in `pnpm bench`; here the script only has to run, one round, and print its ratio.
describe('bench script', () => {
  it('to-docx.bench.mjs runs one round and prints the ratio to the minimal document', () => {
    const out = execFileSync(process.execPath, [BENCH], {
      env: { ...process.env, BENCH_ROUNDS: '1' },
      encoding: 'utf8',
    });
    expect(out).toMatch(/minimal docx document, same text\s+[\d.]+ ms\s+1\.00×/);
    expect(out).toMatch(/toDocx\s+[\d.]+ ms\s+[\d.]+×/);
  });
});
