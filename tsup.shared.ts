import type { Options } from 'tsup';

/**
 * The build every package shares: ESM and CJS with declarations, so that both
 * `import` and `require` consumers get types that match what they load.
 */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    // Maps point into src/ for stack traces but carry no copy of the sources: with it, the maps
    // were half of every tarball.
    sourcemap: true,
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    clean: true,
    shims: true,
    target: 'node20',
    // Shared chunks keep one copy of each class (StoryValidationError) across entry points.
    splitting: true,
    treeshake: true,
    ...overrides,
  };
}
