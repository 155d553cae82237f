import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

export default defineConfig([
  packageBuild({ index: 'src/index.ts' }),
  // The executable and the thread that builds a folder's stories are ESM only: the executable
  // awaits at the top level, which CommonJS cannot.
  packageBuild(
    { bin: 'src/bin.ts', 'batch-worker': 'src/batch-worker.ts' },
    { format: ['esm'], dts: false, clean: false },
  ),
]);
