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

test('the dataset switcher loads another dataset in place, puts it in the link, and Back returns', async ({ page }) => {
  await openExplorer(page, '?lang=en&node=firm%2Fhaier');
  // A marker on the window survives only if the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
  await expect(page.locator('#dataset-select option[value="synthetic-e2e"]')).toHaveCount(1);
  await page.locator('#dataset-select').selectOption('synthetic-e2e');
  await page.waitForFunction(() => window.explorer?.phase() === 'ready' && window.explorer.nodeIds().length === 300);
  expect(page.url()).toContain('dataset=synthetic-e2e');
  // The other dataset's view starts afresh: no selection carried over; the language stays.
  expect(await page.evaluate(() => window.explorer?.view().selected)).toBeUndefined();
  expect(await page.evaluate(() => window.explorer?.lang())).toBe('en');
  await expect(page.locator('#dataset-badge')).toBeVisible();
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(2_000);

  await page.goBack();
  await page.waitForFunction(
    () => window.explorer?.phase() === 'ready' && window.explorer.nodeIds().includes('firm/haier'),
  );
  expect(await page.evaluate(() => window.explorer?.nodeIds().length)).toBe(100);
  expect(await page.evaluate(() => window.explorer?.selected())).toBe('firm/haier');
  await expect(page.locator('#dataset-badge')).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
});

test('at 1280×720 the header keeps one line with every control on screen, badge and switcher included', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const lang of ['en', 'zh']) {
    await openExplorer(page, `?dataset=synthetic-e2e&lang=${lang}`);
    await expect(page.locator('#dataset-badge')).toBeVisible();
    const box = await page.evaluate(() => {
      const header = document.querySelector('.topbar') as HTMLElement;
      return {
        overflow: header.scrollWidth - header.clientWidth,
        height: header.getBoundingClientRect().height,
        right: (document.querySelector('#lang-toggle') as HTMLElement).getBoundingClientRect().right,
      };
    });
    expect(box.overflow, lang).toBeLessThanOrEqual(0);
    expect(box.right, lang).toBeLessThanOrEqual(1280);
    expect(box.height, `${lang}: one line`).toBeLessThan(60);
  }
});
