// The offline bundle's web part (`npm run export:bundle` builds it when needed): the same app as
// vite.config.ts builds, from the entry that reads the bundle's data (web/src/bundle-main.ts), as
// files a page opened from file:// can load — one classic script (IIFE, dynamic imports
// inlined: no ES modules, no chunks fetched), one stylesheet, an index.html naming them and
// `data.js`. BUNDLE_WEB_DIR (relative to the repository) moves it, as WEB_DIST_DIR moves the app.
import path from 'node:path';
import { defineConfig } from 'vite';
import { classicPagePlugin } from './scripts/vite-classic-page.ts';

export const BUNDLE_FILES = { js: 'app.js', css: 'app.css', data: 'data.js' } as const;

export default defineConfig({
  root: 'web',
  // Relative URLs: the folder may be opened from anywhere (file://, a USB stick, any static host).
  base: './',
  plugins: [classicPagePlugin({ template: path.resolve(import.meta.dirname, 'web', 'index.html'), ...BUNDLE_FILES })],
  build: {
    outDir: path.resolve(import.meta.dirname, process.env.BUNDLE_WEB_DIR || 'dist/bundle-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    cssCodeSplit: false,
    modulePreload: false,
    rolldownOptions: {
      input: path.resolve(import.meta.dirname, 'web', 'src', 'bundle-main.ts'),
      output: {
        format: 'iife',
        codeSplitting: false,
        entryFileNames: BUNDLE_FILES.js,
        assetFileNames: (asset) => (asset.names.some((n) => n.endsWith('.css')) ? BUNDLE_FILES.css : '[name][extname]'),
      },
    },
  },
});
