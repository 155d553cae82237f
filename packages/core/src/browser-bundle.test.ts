import * as nodeEntry from '@storykit/core';
import { describe, expect, it } from 'vitest';
import { type Bundle, browserBundle } from '../test/browser-bundle.js';

/** A browser bundle of every export of one entry, as the `browser` export condition resolves it. */
const wholeEntry = (specifier: string) => browserBundle({ code: `export * from '${specifier}';` });

/** Loads a bundle as a module, as a web page would. */
async function load<T>(bundle: Bundle): Promise<T> {
  return (await import(
    `data:text/javascript;base64,${Buffer.from(bundle.code).toString('base64')}`
  )) as T;
}

const isNodeBuiltin = (path: string) => path.startsWith('node:') || /^(fs|path|os|url)$/.test(path);

describe('the main entry in a browser bundle', () => {
  it('is the Node.js entry without parseStory, with no Node.js built-in, and runs there', async () => {
    const bundle = await wholeEntry('@storykit/core');
    expect(bundle.inputs.filter(isNodeBuiltin)).toEqual([]);
    expect(bundle.code).not.toMatch(/from ["']node:/);
    const core = await load<typeof import('@storykit/core')>(bundle);
    expect(Object.keys(core).sort()).toEqual(
      Object.keys(nodeEntry)
        .filter((name) => name !== 'parseStory')
        .sort(),
    );
    // A story given as data (what JSON.parse gives) is resolved and checked without a YAML reader.
    const story = core.resolveStoryFile({
      id: 'web',
      headline: 'Web',
      language: 'en',
      body: [{ text: '“Hello,” she said.' }],
      statements: [{ id: 's1', kind: 'direct', text: 'Hello,', speaker: null }],
    });
    expect(story.statements[0]?.span).toEqual({ block: 'p1', start: 1, end: 7 });
    // The messages are core's own, with no zod locale in the bundle.
    expect(core.validateStory({ ...story, headline: 12 }).map((issue) => issue.message)).toEqual([
      'expected a string, got a number',
    ]);
  });

  it('holds no zod locale and no YAML reader: the whole entry is at most 40 kB gzip', async () => {
    const { gzip, inputs } = await wholeEntry('@storykit/core');
    expect(inputs.filter((path) => /zod\/v4\/(locales|classic)\//.test(path))).toEqual([]);
    expect(inputs.filter((path) => path.includes('/yaml/'))).toEqual([]);
    // 131 kB with `import { z } from 'zod'` (every zod locale), 50 kB with parseStory and the
    // yaml package in the main entry; about 20 kB since parseStory is in `@storykit/core/yaml`.
    expect(gzip).toBeLessThanOrEqual(40 * 1024);
  });

  it('checks stories already parsed in at most 16 kB gzip, without the YAML reader', async () => {
    const { gzip, inputs } = await browserBundle({
      code: "import { assertStory, readStory, validateStory } from '@storykit/core'; globalThis.used = [assertStory, readStory, validateStory];",
    });
    expect(inputs.filter((path) => path.includes('/yaml/'))).toEqual([]);
    expect(gzip).toBeLessThanOrEqual(16 * 1024);
  });
});

describe('@storykit/core/yaml in a browser bundle', () => {
  it('reads a YAML story there, the yaml package included (at most 52 kB gzip)', async () => {
    const bundle = await wholeEntry('@storykit/core/yaml');
    expect(bundle.inputs.filter(isNodeBuiltin)).toEqual([]);
    expect(bundle.inputs.some((path) => path.includes('/yaml/'))).toBe(true);
    expect(bundle.gzip).toBeLessThanOrEqual(52 * 1024);
    const { parseStory } = await load<typeof import('@storykit/core/yaml')>(bundle);
    const story = parseStory(
      'id: web\nheadline: Web\nlanguage: en\nbody: [{ text: "“Hello,” she said." }]\nstatements: [{ id: s1, kind: direct, text: "Hello,", speaker: null }]\n',
    );
    expect(story.statements[0]?.span).toEqual({ block: 'p1', start: 1, end: 7 });
  });
});
