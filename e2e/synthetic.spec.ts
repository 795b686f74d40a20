// A synthetic dataset is clearly marked as such in the UI.
import { expect, graphPixels, openExplorer, seedE2e, test } from './helpers.ts';

test.beforeAll(() => {
  // The e2e server's own managed Neo4j (see playwright.config.ts).
  seedE2e(['--synthetic', '300', '--seed', '9', '--dataset', 'synthetic-e2e']);
});

test('a synthetic dataset shows its badge; the curated one does not', async ({ page }) => {
  await openExplorer(page, '?dataset=synthetic-e2e&lang=en');
  await expect(page.locator('#dataset-badge')).toBeVisible();
  await expect(page.locator('#dataset-badge')).toHaveText('Synthetic data');
  expect(await page.evaluate(() => window.explorer?.nodeIds().length)).toBe(300);
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(2_000);

  await openExplorer(page, '?lang=zh');
  await expect(page.locator('#dataset-badge')).toBeHidden();
});
