// A vite plugin for the offline bundle's build (vite.bundle.config.ts): writes its index.html from
// the app's own (web/index.html), with the stylesheet and the scripts as a page opened from
// file:// can load them — a plain stylesheet link and classic scripts (Chromium refuses ES module
// scripts from file://), the data first (`data.js`, which the export CLI writes), then the app.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const MODULE_SCRIPT = /\s*<script type="module"[^>]*><\/script>/;
const STYLESHEET = /<link rel="stylesheet" href="[^"]*" \/>/;

/** The app's page with the bundle's stylesheet and scripts in place of the development ones. */
export function classicPage(html: string, files: { css: string; js: string; data: string }): string {
  if (!MODULE_SCRIPT.test(html) || !STYLESHEET.test(html)) {
    throw new Error('web/index.html no longer has the stylesheet link and module script the bundle replaces');
  }
  return html
    .replace(STYLESHEET, `<link rel="stylesheet" href="./${files.css}" />`)
    .replace(MODULE_SCRIPT, `\n    <script src="./${files.data}"></script>\n    <script src="./${files.js}"></script>`);
}

export function classicPagePlugin(options: { template: string; css: string; js: string; data: string }): Plugin {
  return {
    name: 'explorer-classic-page',
    apply: 'build',
    generateBundle() {
      const html = classicPage(readFileSync(options.template, 'utf8'), options);
      this.emitFile({ type: 'asset', fileName: 'index.html', source: html });
    },
  };
}
