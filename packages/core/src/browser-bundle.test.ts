import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { browserBundle } from '../test/browser-bundle.js';

const require = createRequire(import.meta.url);
const entry = require.resolve('@storykit/core').replace(/\.cjs$/, '.js');

describe('the main entry in a browser bundle', () => {
  it('bundles for the browser with no Node.js built-in, and runs there', async () => {
    const { code, inputs } = await browserBundle({ file: entry });
    expect(
      inputs.filter((path) => path.startsWith('node:') || /^(fs|path|os|url)$/.test(path)),
    ).toEqual([]);
    expect(code).not.toMatch(/from ["']node:/);
    // Load the bundle as a module and parse a story with it, as a web page would.
    const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
    const core = (await import(url)) as typeof import('@storykit/core');
    const story = core.parseStory(
      'id: web\nheadline: Web\nlanguage: en\nbody: [{ text: "“Hello,” she said." }]\nstatements: [{ id: s1, kind: direct, text: "Hello,", speaker: null }]\n',
    );
    expect(story.statements[0]?.span).toEqual({ block: 'p1', start: 1, end: 7 });
    // The messages are core's own, with no zod locale in the bundle.
    expect(core.validateStory({ ...story, headline: 12 }).map((issue) => issue.message)).toEqual([
      'expected a string, got a number',
    ]);
  });

  it('holds no zod locale, and the whole entry is at most 52 kB gzip', async () => {
    const { gzip, inputs } = await browserBundle({ file: entry });
    expect(inputs.filter((path) => /zod\/v4\/(locales|classic)\//.test(path))).toEqual([]);
    // 131 kB before, when `import { z } from 'zod'` brought zod's classic API and every locale.
    // Of what is left, the yaml package that parseStory reads YAML with is about 30 kB.
    expect(gzip).toBeLessThanOrEqual(52 * 1024);
  });

  it('checks stories already parsed in at most 16 kB gzip, without the YAML reader', async () => {
    const { gzip, inputs } = await browserBundle({
      code: "import { assertStory, readStory, validateStory } from '@storykit/core'; globalThis.used = [assertStory, readStory, validateStory];",
    });
    expect(inputs.filter((path) => path.includes('/yaml/'))).toEqual([]);
    expect(gzip).toBeLessThanOrEqual(16 * 1024);
  });
});
