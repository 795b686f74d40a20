// The explorer at projector sizes (1280×720, 1920×1080) and on a 4K screen (3840×2160), with the
// curated dataset (time bar showing) and a synthetic one (its badge showing, the case that used to
// wrap the header), in the light and the projector themes: the header is one row, no two visible
// controls of the header, the legend and the time bar overlap, nothing runs off the screen
// horizontally or is cut inside its button, and on 4K the chrome is scaled up rather than tiny.
// Pictures at 1280×720 and 1920×1080 are kept in docs/screenshots/ (the 4K one in test-results).
import path from 'node:path';
import { keepPicture, steadyScreenshot } from './doc-screenshot.ts';
import { expect, graphPixels, openExplorer, saveScreenshot, seedE2e, test } from './helpers.ts';
import { layoutProblems, measureLayout } from './layout-boxes.ts';

const SYNTHETIC = 'synthetic-projector';
const SIZES: [width: number, height: number][] = [
  [1280, 720],
  [1920, 1080],
  [3840, 2160],
];
const DATASETS = [
  { name: 'laoshan', query: '' },
  { name: SYNTHETIC, query: `dataset=${SYNTHETIC}&` },
];
const THEMES = ['light', 'projector'] as const;

test.beforeAll(() => {
  seedE2e(['--synthetic', '300', '--seed', '11', '--dataset', SYNTHETIC]);
});

for (const [width, height] of SIZES) {
  test(`at ${width}×${height} the header is one row and nothing overlaps or runs off the screen`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height });
    // The narrowest width is checked in both languages (English labels are the longer ones).
    const langs = width === 1280 ? ['en', 'zh'] : ['en'];
    for (const dataset of DATASETS)
      for (const theme of THEMES)
        for (const lang of langs) {
          const what = `${dataset.name}, ${theme}, ${lang}`;
          await openExplorer(page, `?${dataset.query}lang=${lang}&theme=${theme}`);
          await page.evaluate(() => document.fonts.ready);
          await expect(page.locator('#dataset-badge'), what).toBeVisible({ visible: dataset.name === SYNTHETIC });
          // The curated dataset has years: its time bar shows; the synthetic one has none.
          await expect(page.locator('#timebar'), what).toBeVisible({ visible: dataset.name === 'laoshan' });
          expect(layoutProblems(await measureLayout(page)), what).toEqual([]);
          const graph = await page.locator('#graph-container').boundingBox();
          expect(graph?.height, `${what}: the map keeps most of the screen`).toBeGreaterThan(height * 0.6);
          if (width === 3840) {
            // Scaled with the screen: the header's type is twice the size it has at 1920.
            expect(await page.evaluate(() => window.explorer?.theme().uiZoom)).toBe(2);
            expect((await page.locator('#title').boundingBox())?.height, what).toBeGreaterThan(40);
          }
        }
  });
}

test('the pictures at projector sizes: the curated map in the projector theme, drawn', async ({ page }) => {
  test.setTimeout(240_000);
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await openExplorer(page, '?lang=zh&theme=projector');
    await page.evaluate(() => document.fonts.ready);
    expect((await graphPixels(page)).nonBackground, `${width}×${height}: the canvas drew`).toBeGreaterThan(5_000);
    expect(await page.evaluate(() => window.explorer?.displayedLabels().length)).toBeGreaterThan(0);
    const picture = await steadyScreenshot(page);
    const name = `explorer-${width}x${height}`;
    if (width === 3840) await saveScreenshot(page, name);
    else await keepPicture(page, path.resolve('docs', 'screenshots', `${name}.png`), picture);
  }
});

test('the projector theme: white page, black labels, larger nodes; the button moves through the themes', async ({
  page,
}) => {
  await openExplorer(page, '?lang=en');
  const lightRadius = (await page.evaluate(() => window.explorer?.nodeRadius('firm/haier'))) ?? 0;
  const lightBlack = (await graphPixels(page)).near('#000000', 12);
  await expect(page.locator('#theme-toggle')).toHaveText('Projector');
  await page.locator('#theme-toggle').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector');
  expect(page.url()).toContain('theme=projector');
  await expect
    .poll(() => page.evaluate(() => window.explorer?.nodeRadius('firm/haier')))
    .toBeCloseTo(lightRadius * 1.35, 1);
  const projector = await graphPixels(page);
  expect(projector.near('#ffffff', 2), 'a white page').toBeGreaterThan(projector.total / 2);
  expect(projector.near('#000000', 12), 'black labels').toBeGreaterThan(Math.max(200, lightBlack * 3));
  // Then dark, then back to light.
  await page.locator('#theme-toggle').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await page.locator('#theme-toggle').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  expect(page.url()).not.toContain('theme=');
});
