import { describe, expect, it } from 'vitest';
import { CASES, doubling, doublingTable } from '../bench/doubling.js';

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
