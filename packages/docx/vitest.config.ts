import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The tests read documents back with LibreOffice and Python, a few seconds each on a busy
    // two-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
