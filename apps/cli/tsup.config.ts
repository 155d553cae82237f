import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

export default defineConfig([
  packageBuild({ index: 'src/index.ts' }),
  // The executable is ESM only: it awaits at the top level, which CommonJS cannot.
  packageBuild({ bin: 'src/bin.ts' }, { format: ['esm'], dts: false, clean: false }),
]);
