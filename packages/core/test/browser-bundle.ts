import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What went into a browser bundle: its code, its gzip size, the modules that put code in it. */
export interface Bundle {
  readonly code: string;
  readonly gzip: number;
  readonly inputs: readonly string[];
}

/**
 * An esbuild browser bundle of the built package, minified as an app's would be: of one file,
 * or of an import written out (`import { numbersInText } from '@storykit/core'`).
 */
export async function browserBundle(from: { file: string } | { code: string }): Promise<Bundle> {
  const result = await build({
    ...('file' in from
      ? { entryPoints: [from.file] }
      : { stdin: { contents: from.code, resolveDir: import.meta.dirname } }),
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0]?.text ?? '';
  // esbuild lists every file it read among the inputs; these are the ones that left code.
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { code, gzip: gzipSync(code).length, inputs };
}
