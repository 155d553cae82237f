import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { makeStory } from '../test/story.js';

const require = createRequire(import.meta.url);

describe('the package in a browser bundle', () => {
  it('bundles with no Node.js built-in, and streams a feed there', async () => {
    const result = await build({
      entryPoints: [require.resolve('@storykit/feed').replace(/\.cjs$/, '.js')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.startsWith('node:'))).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
    const feed = (await import(url)) as typeof import('@storykit/feed');
    const stream = feed.toReadableStream(feed.streamJsonFeed([makeStory()], { title: 'Web' }));
    const json = JSON.parse(await new Response(stream).text());
    expect(json.items[0].title).toBe('A headline');
  });
});
