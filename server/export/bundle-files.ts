// The offline bundle's folder: the web part built by vite.bundle.config.ts (index.html, app.js,
// app.css) and `data.js`, which assigns the bundle to a global (a page opened from file:// may
// run a classic script beside it, never fetch a JSON file). Also builds the web part when its
// sources are newer than the build, as `npm start` does for the app.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_GLOBAL, type OfflineBundle } from '../../domain/offline-bundle.ts';
import { BundleError } from './bundle-api.ts';

export const DATA_FILE = 'data.js';

/** What `BUNDLE_WEB_DIR` names (relative to the repository), or dist/bundle-web. */
export function bundleWebDir(root: string): string {
  return path.resolve(root, process.env.BUNDLE_WEB_DIR || path.join('dist', 'bundle-web'));
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds the bundle's web part unless it is newer than everything it is built from. */
export function buildBundleWebIfNeeded(root: string, log: (message: string) => void): string {
  const outDir = bundleWebDir(root);
  const index = path.join(outDir, 'index.html');
  const inputs = ['web', 'domain', 'vite.bundle.config.ts', path.join('scripts', 'vite-classic-page.ts')];
  const newest = Math.max(...inputs.map((p) => newestMtime(path.join(root, p))));
  if (existsSync(index) && statSync(index).mtimeMs >= newest) return outDir;
  log(`building the offline web app (vite build --config vite.bundle.config.ts → ${path.relative(root, outDir)})…`);
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'vite.bundle.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (build.status !== 0) throw new Error('the offline web build failed (see above)');
  return outDir;
}

/** data.js: one assignment (JSON is a JavaScript expression; U+2028 is valid in strings since ES2019). */
export function dataScript(bundle: OfflineBundle): string {
  return `window[${JSON.stringify(BUNDLE_GLOBAL)}] = ${JSON.stringify(bundle)};\n`;
}

export interface WrittenFile {
  name: string;
  bytes: number;
}

/** Refuses a file, or a folder with something in it unless `force` (checked before any work). */
export function checkOutDir(outDir: string, force: boolean): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) throw new BundleError(`--out ${outDir} is a file, not a folder`);
  if (readdirSync(outDir).length > 0 && !force) {
    throw new BundleError(`--out ${outDir} is not empty (add --force to write the bundle's files over it)`);
  }
}

/**
 * Writes the folder. An existing folder must be empty unless `force`: then the bundle's files
 * are written over (anything else in it is left alone).
 */
export function writeBundleFolder(
  outDir: string,
  webDir: string,
  bundle: OfflineBundle,
  force: boolean,
): WrittenFile[] {
  checkOutDir(outDir, force);
  mkdirSync(outDir, { recursive: true });
  const written: WrittenFile[] = [];
  const webFiles = readdirSync(webDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    statSync(path.join(webDir, name)).isFile(),
  );
  for (const name of webFiles.sort()) {
    mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true });
    copyFileSync(path.join(webDir, name), path.join(outDir, name));
    written.push({ name, bytes: statSync(path.join(webDir, name)).size });
  }
  const data = dataScript(bundle);
  writeFileSync(path.join(outDir, DATA_FILE), data);
  written.push({ name: DATA_FILE, bytes: Buffer.byteLength(data) });
  return written;
}

/** "1.2 MB", "830 kB", "512 B" (decimal units, as a file manager shows them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(2)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}
