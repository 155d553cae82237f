import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The tests read outputs back with other programs (poppler, qpdf, xmllint, Python) and run
    // beside every other package's tests on a two-core machine: give each test room.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
