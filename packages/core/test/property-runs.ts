/**
 * How many times each fast-check property runs, and from which seed: one place for every
 * package's property tests (they import this file by its path; it is not part of any published
 * package). `pnpm test` runs each property the few times its test asks for, from a fixed seed, so
 * that a run is reproducible. `pnpm fuzz` (`scripts/fuzz.sh`) sets `FUZZ_RUNS` (many runs) and
 * `FUZZ_SEED` (random unless given) and prints the seed, so that a failure is replayed with
 * `FUZZ_SEED=<seed> pnpm fuzz`.
 */

/** The seed of every property in `pnpm test`. */
export const FIXED_SEED = 20261125;

/** An environment variable as a whole number of at least `min`, or `undefined` when unset. */
function wholeNumber(name: string, min: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}

/**
 * The fast-check parameters of a property: `runs` runs from {@link FIXED_SEED}, or `FUZZ_RUNS`
 * runs from `FUZZ_SEED` when those are set.
 *
 * @example
 * await fc.assert(fc.asyncProperty(texts, check), propertyRuns(25));
 */
export function propertyRuns(runs: number): { numRuns: number; seed: number } {
  return {
    numRuns: wholeNumber('FUZZ_RUNS', 1) ?? runs,
    seed: wholeNumber('FUZZ_SEED', 0) ?? FIXED_SEED,
  };
}
