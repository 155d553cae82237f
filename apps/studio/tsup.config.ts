import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

// The server only: the page is built by Vite into dist/page (vite.config.ts).
export default defineConfig(packageBuild({ index: 'src/index.ts' }, { format: ['esm'] }));
