import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

// The benchmarks are timed in `pnpm bench`; here they only have to run, at a size that takes
// seconds, and print a ratio for every generator.
describe('bench scripts', () => {
  it('scaling.ts runs at a tiny size and prints a ratio per generator', () => {
    const out = execFileSync(TSX, ['bench/scaling.ts'], {
      cwd: CLI,
      env: { ...process.env, BENCH_SIZES: '25,50', BENCH_ROUNDS: '1' },
      encoding: 'utf8',
    });
    expect(out).toContain('25 vs 50 statements');
    const generators = [
      'statements feed (RSS)',
      'statements feed (Atom)',
      'statements feed (JSON Feed)',
      'RSS (one story)',
      'Atom (one story)',
      'JSON Feed (one story)',
      'JSON-LD',
      'DOCX',
      'PDF',
    ];
    for (const name of generators)
      expect(out).toMatch(
        new RegExp(
          `${name.replace(/[()]/g, '\\$&')}\\s+[\\d.]+ ms\\s+[\\d.]+ ms\\s+[\\d.]+×\\s+(pass|FAIL)`,
        ),
      );
    expect(out).toMatch(/every generator within 4\.5×|over 4\.5×: /);
  });
});
