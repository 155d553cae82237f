#!/usr/bin/env bash
# Runs the property tests (fast-check; the files named `property.test.ts`) of every package with
# many runs and one seed, random unless FUZZ_SEED is given, and prints the seed so that a failure
# can be replayed: FUZZ_SEED=<seed> pnpm fuzz. FUZZ_RUNS sets the runs a property (default 2000).
# The tests read both variables through packages/core/test/property-runs.ts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/ensure-test-tools.sh
export FUZZ_RUNS="${FUZZ_RUNS:-2000}"
export FUZZ_SEED="${FUZZ_SEED:-$(node -e 'console.log(require("node:crypto").randomInt(2 ** 31))')}"
echo "fuzz: seed $FUZZ_SEED, $FUZZ_RUNS runs a property" >&2
pnpm exec turbo run build --output-logs=errors-only
# No time limit per test: thousands of runs that read outputs back take minutes.
if pnpm exec turbo run test --output-logs=new-only -- --passWithNoTests --testTimeout=0 property.test; then
  echo "fuzz: every property held for seed $FUZZ_SEED ($FUZZ_RUNS runs each)" >&2
else
  echo "fuzz: a property failed with seed $FUZZ_SEED; replay: FUZZ_SEED=$FUZZ_SEED FUZZ_RUNS=$FUZZ_RUNS pnpm fuzz" >&2
  exit 1
fi
