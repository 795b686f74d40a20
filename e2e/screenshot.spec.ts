// The README's picture (docs/screenshot.png) is made here, in every `npm test` (or alone with
// `npm run screenshot`), so it shows the app as it is: the Laoshan map in Chinese with the conference
// (event/laoshan-sti-conference-2024, eight neighbours) selected and its details open, at 1400×860. Only URL parameters and
// window.explorer are used (plus the visible name and the graph area, as e2e/helpers.ts does),
// so that the page's markup can change without this test.
//
// The layout differs by a few pixels from run to run, so the file is rewritten only when the
// picture really changed: any pixel outside the graph area (header, legend, details), or more
// than 5% of the graph area. Otherwise every test run would leave a modified file in git.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, graphPixels, test } from './helpers.ts';

const OUT = path.resolve('docs', 'screenshot.png');
const GRAPH_AREA_TOLERANCE = 0.05;

test.use({ viewport: { width: 1400, height: 860 } });

/** Screenshots until two in a row are the same (details loaded, camera and labels at rest). */
async function steadyScreenshot(page: Page): Promise<Buffer> {
  let previous = await page.screenshot();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const next = await page.screenshot();
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('the page did not come to rest within 10 s');
}

type Box = { x: number; y: number; width: number; height: number };

/** Whether the new picture differs from the stored one by more than the layout's jitter. */
function changed(stored: Buffer, next: Buffer, graph: Box): boolean {
  const a = PNG.sync.read(stored);
  const b = PNG.sync.read(next);
  if (a.width !== b.width || a.height !== b.height) return true;
  let inGraph = 0;
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      const i = (y * b.width + x) * 4;
      if (a.data[i] === b.data[i] && a.data[i + 1] === b.data[i + 1] && a.data[i + 2] === b.data[i + 2]) continue;
      const inside = x >= graph.x && x < graph.x + graph.width && y >= graph.y && y < graph.y + graph.height;
      if (!inside) return true;
      inGraph++;
    }
  }
  return inGraph > graph.width * graph.height * GRAPH_AREA_TOLERANCE;
}

test('README screenshot: the Laoshan map in Chinese, the conference selected with its details', async ({ page }) => {
  await page.goto('/?lang=zh&node=event/laoshan-sti-conference-2024&panel=details');
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 60_000 });
  expect(await page.evaluate(() => window.explorer?.lang())).toBe('zh');
  expect(await page.evaluate(() => window.explorer?.selected())).toBe('event/laoshan-sti-conference-2024');
  await expect(page.getByText('崂山区科技创新大会', { exact: true }).first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const picture = await steadyScreenshot(page);
  // The canvas really drew (nodes and labels, not an empty WebGL surface).
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(5_000);
  expect(await page.evaluate(() => window.explorer?.displayedLabels().length)).toBeGreaterThan(0);
  const graph = await page.locator('#graph-container').boundingBox();
  if (!graph) throw new Error('no graph area');
  if (!existsSync(OUT) || changed(readFileSync(OUT), picture, graph)) writeFileSync(OUT, picture);
});
