// A 10k-node synthetic ecosystem (10,000 nodes, 50,000 relations) loads, lays out and is drawn.
// Functional only, with no timing assertion: how long that takes and how long the page is
// blocked meanwhile (the 200 ms long-task limit) are measured by `npm run bench`
// (bench/browser.ts), so that a slow run cannot fail the tests.
import { expect, graphPixels, saveScreenshot, seedE2e, test } from '../helpers.ts';

test.beforeAll(() => {
  seedE2e(['--synthetic', '10000', '--seed', '11', '--dataset', 'synthetic-10k']);
});

test('10k nodes: the map loads, lays out and draws', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/?dataset=synthetic-10k&lang=en');
  // Generous: the layout's own budget ends it within about 30 s, but a busy machine is slower.
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 180_000 });
  expect(await page.evaluate(() => window.explorer?.nodeIds().length)).toBe(10_000);
  expect(await page.evaluate(() => window.explorer?.edgeCount())).toBe(50_000);
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(5_000);
  await saveScreenshot(page, 'synthetic-10k');
});
