import { build, defineConfig, type Options } from 'tsup';
import { packageBuild } from '../../tsup.shared';

// pdfkit, fontkit and linebreak (with what they import) are built into the package rather than
// installed beside it: installed, pdfkit 0.20.2 is 10.5 MB (its published folder holds a Yarn
// release, four builds and their maps) and fontkit 2.0.4 with its dependencies another 12 MB,
// for about 2 MB of code the brief runs. None of their types is in the public ones.
//
// They are built once, into dist/third-party.cjs, which both dist/index.js and dist/index.cjs
// load: CommonJS, because an ES module cannot be required on Node.js 20.12, while both `import`
// and `require` load a CommonJS file. Two copies (one per format) would weigh 10 MB with maps.
const thirdPartyBuild: Options = {
  config: false,
  entry: { 'third-party': 'src/third-party.ts' },
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  platform: 'node',
  target: 'node20',
  noExternal: [/.*/],
  sourcemap: true,
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  // pdfkit's ES module build reads import.meta.url (for its PDF/A colour profile, which the brief
  // does not use): the shim gives it the CommonJS file's URL.
  shims: true,
  // What went in, for dist/THIRD-PARTY-NOTICES.md (scripts/bundle-assets.mjs reads and deletes it).
  metafile: true,
  clean: false,
  dts: false,
  silent: true,
};

// In the package's own build, each import of them becomes a small module that takes its part
// from dist/third-party.cjs. An import of a name not listed here is undefined at run time: add it
// here and in src/third-party.ts. The file is required, not imported: an ES module importing a
// CommonJS one makes Node.js scan all of its 2 MB for the names it exports, about 0.2 s of every
// cold start.
const required = 'createRequire(import.meta.url)("./third-party.cjs")';
const fromThirdParty: Record<string, string> = {
  pdfkit: `import { createRequire } from "node:module"; export default ${required}.PDFDocument;`,
  fontkit: `import { createRequire } from "node:module"; export const { create } = ${required}.fontkit;`,
  linebreak: `import { createRequire } from "node:module"; export default ${required}.LineBreaker;`,
};

const thirdParty: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'third-party',
  setup(b) {
    b.onResolve({ filter: /^(pdfkit|fontkit|linebreak)$/ }, (args) => ({
      path: args.path,
      namespace: 'third-party',
    }));
    b.onResolve({ filter: /^\.\/third-party\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
    b.onLoad({ filter: /.*/, namespace: 'third-party' }, (args) => ({
      contents: fromThirdParty[args.path] ?? '',
      loader: 'js',
    }));
  },
};

export default defineConfig(
  packageBuild(
    { index: 'src/index.ts' },
    {
      esbuildPlugins: [thirdParty],
      async onSuccess() {
        await build(thirdPartyBuild);
      },
    },
  ),
);
