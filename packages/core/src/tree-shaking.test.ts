import { describe, expect, it } from 'vitest';
import { browserBundle } from '../test/browser-bundle.js';

/** Bundles one import from the built package for the browser, minified, as an app's bundler would. */
const bundle = (names: string) =>
  browserBundle({
    code: `import { ${names} } from '@storykit/core'; globalThis.used = [${names}];`,
  });

describe('tree-shaking of the main entry', () => {
  it('bundles numbersInText alone in at most 3 kB gzip, with no zod and no YAML reader', async () => {
    const { code, gzip } = await bundle('numbersInText');
    expect(gzip).toBeLessThanOrEqual(3 * 1024);
    expect(code).not.toMatch(/ZodError|\$ZodType|LineCounter/);
  });

  it('keeps the other pure helpers apart from the schemas too', async () => {
    const { code, gzip } = await bundle('isBoilerplate, formatFigureValue, sourceLabel, spanText');
    expect(gzip).toBeLessThanOrEqual(3 * 1024);
    expect(code).not.toMatch(/ZodError|\$ZodType|LineCounter/);
  });

  it('brings zod in once the schema is used (the test can tell the difference)', async () => {
    const { code } = await bundle('storySchema');
    expect(code).toMatch(/ZodError|\$ZodType/);
  });
});
