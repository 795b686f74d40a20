import path from 'node:path';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.ts';

export default defineConfig({
  root: 'web',
  plugins: [precompress()],
  build: {
    // WEB_DIST_DIR (relative to the repository): another build folder for a second run (server/main.ts).
    outDir: path.resolve(import.meta.dirname, process.env.WEB_DIST_DIR || 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    host: '127.0.0.1',
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 8080}` },
  },
});
