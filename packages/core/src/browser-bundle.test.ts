import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('the main entry in a browser bundle', () => {
  it('bundles for the browser with no Node.js built-in, and runs there', async () => {
    const result = await build({
      entryPoints: [require.resolve('@storykit/core').replace(/\.cjs$/, '.js')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(
      inputs.filter((path) => path.startsWith('node:') || /^(fs|path|os|url)$/.test(path)),
    ).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/from ["']node:/);
    // Load the bundle as a module and parse a story with it, as a web page would.
    const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
    const core = (await import(url)) as typeof import('@storykit/core');
    const story = core.parseStory(
      'id: web\nheadline: Web\nlanguage: en\nbody: [{ text: "“Hello,” she said." }]\nstatements: [{ id: s1, kind: direct, text: "Hello,", speaker: null }]\n',
    );
    expect(story.statements[0]?.span).toEqual({ block: 'p1', start: 1, end: 7 });
  });
});
