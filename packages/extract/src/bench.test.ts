import { describe, expect, it } from 'vitest';
import { CASES, doubling, doublingTable } from '../bench/doubling.js';
import {
  benchText,
  megabytesPerSecond,
  throughput,
  throughputReport,
} from '../bench/throughput.js';

describe('the doubling bench', () => {
  it('runs every case at a tiny size and prints a row for each (times not checked)', async () => {
    const rows = await doubling({ scale: 0.0005, rounds: 1 });
    expect(rows.map((r) => r.name)).toEqual(CASES.map((c) => c.name));
    for (const row of rows) {
      expect(row.n).toBeGreaterThanOrEqual(1);
      expect(Number.isFinite(row.ms) && Number.isFinite(row.ms2)).toBe(true);
    }
    const table = doublingTable(rows).split('\n');
    expect(table).toHaveLength(CASES.length + 1);
    expect(table[0]).toMatch(/^case\s+N\s+time N\s+time 2N\s+2N \/ N$/);
  });
});

describe('the throughput bench', () => {
  it('builds its text from the fixtures, surnames varied per copy, to at least the size', () => {
    const text = benchText(40_000);
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(40_000);
    expect(text).toMatch(/\bKerry\b/);
    expect(text).toMatch(/\bKerryb\b/);
    expect(text).toMatch(/\bKerryc\b/);
    expect(benchText(40_000)).toBe(text);
  });

  it('runs at a tiny size with the language layer loaded first (times not checked)', async () => {
    const result = await throughput({ sizes: [2_000, 8_000], rounds: 1 });
    expect(result.loadedBeforeTiming).toBe(true);
    expect(result.rows.map((r) => r.target)).toEqual([2_000, 8_000]);
    for (const row of result.rows) {
      expect(row.bytes).toBeGreaterThanOrEqual(row.target);
      expect(Number.isFinite(megabytesPerSecond(row))).toBe(true);
    }
    const lines = throughputReport(result).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^language layer loaded once, in the warm-up run \(\d+ ms\)$/);
    expect(lines[1]).toMatch(/^2 kB \([\d,]+ bytes\): \d+ ms = [\d.]+ MB\/s; \d+× the word split$/);
    expect(lines[3]).toMatch(
      /^time 8 kB \/ time 2 kB: [\d.]+ for [\d.]+× the text = [\d.]+ \(1\.00 = linear\)$/,
    );
  });
});
