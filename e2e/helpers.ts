// What the end-to-end tests share: waiting for the explorer, finding nodes on screen, and
// checking that the canvas really drew (pixels, not DOM).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { E2E_BOLT_PORT, E2E_DATA_DIR } from '../playwright.config.ts';

export const SCREENSHOTS = path.resolve('test-results', 'screenshots');

/** Playwright's test, failing any test during which the page threw an uncaught error. */
export const test = base.extend<{ failOnPageError: void }>({
  failOnPageError: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export async function openExplorer(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 60_000 });
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export interface PixelStats {
  total: number;
  nonBackground: number;
  near: (hex: string, tolerance?: number) => number;
}

/** Decodes a screenshot of the graph area and counts what differs from its background. */
export async function graphPixels(page: Page): Promise<PixelStats> {
  const png = PNG.sync.read(await page.locator('#graph-container').screenshot());
  const { data, width, height } = png;
  const bg = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
  let nonBackground = 0;
  for (let i = 0; i < data.length; i += 4) {
    const d =
      Math.abs((data[i] ?? 0) - (bg[0] ?? 0)) +
      Math.abs((data[i + 1] ?? 0) - (bg[1] ?? 0)) +
      Math.abs((data[i + 2] ?? 0) - (bg[2] ?? 0));
    if (d > 30) nonBackground++;
  }
  const near = (hex: string, tolerance = 24) => {
    const r = parseInt(hex.slice(1, 3), 16);
    const g = parseInt(hex.slice(3, 5), 16);
    const b = parseInt(hex.slice(5, 7), 16);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (
        Math.abs((data[i] ?? 0) - r) <= tolerance &&
        Math.abs((data[i + 1] ?? 0) - g) <= tolerance &&
        Math.abs((data[i + 2] ?? 0) - b) <= tolerance
      )
        n++;
    }
    return n;
  };
  return { total: width * height, nonBackground, near };
}

/** How many of the given nodes have a non-background pixel where sigma says they are drawn. */
export async function nodesDrawn(page: Page, ids: string[]): Promise<number> {
  const png = PNG.sync.read(await page.locator('#graph-container').screenshot());
  const { data, width, height } = png;
  const bg = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
  let drawn = 0;
  for (const id of ids) {
    const p = await page.evaluate((nodeId) => window.explorer?.nodePosition(nodeId), id);
    if (!p) continue;
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    if (x < 0 || y < 0 || x >= width || y >= height) continue;
    const i = (y * width + x) * 4;
    const d =
      Math.abs((data[i] ?? 0) - (bg[0] ?? 0)) +
      Math.abs((data[i + 1] ?? 0) - (bg[1] ?? 0)) +
      Math.abs((data[i + 2] ?? 0) - (bg[2] ?? 0));
    if (d > 30) drawn++;
  }
  return drawn;
}

/** Clicks a node where sigma draws it. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const position = await page.evaluate((nodeId) => window.explorer?.nodePosition(nodeId), id);
  expect(position, `node ${id} is drawn`).toBeTruthy();
  const box = await page.locator('#graph-container').boundingBox();
  if (!box || !position) throw new Error('no graph container');
  await page.mouse.click(box.x + position.x, box.y + position.y);
}

/** The environment that points a CLI at the e2e server's own managed Neo4j (see playwright.config.ts). */
export function e2eCliEnv(): NodeJS.ProcessEnv {
  const password = readFileSync(`${E2E_DATA_DIR}/neo4j/password`, 'utf8').trim();
  return {
    ...process.env,
    NEO4J_URI: `bolt://127.0.0.1:${E2E_BOLT_PORT}`,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: password,
    LOG_LEVEL: 'warn',
  };
}

/** Runs the seed CLI against the e2e server's own managed Neo4j. */
export function seedE2e(args: string[]): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/seed.ts', ...args], {
    encoding: 'utf8',
    env: e2eCliEnv(),
  });
  if (run.status !== 0) throw new Error(`seed ${args.join(' ')} failed:\n${run.stderr}`);
}
