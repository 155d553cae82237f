import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page: static files the studio's server serves from dist/page; nothing fetched at run time.
export default defineConfig({
  root: fileURLToPath(new URL('./src/page', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/page', import.meta.url)),
    emptyOutDir: true,
    // Deterministic file names: the same sources give the same files.
    assetsInlineLimit: 0,
  },
});
