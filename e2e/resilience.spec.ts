// A passing failure stays where it happened: a 503 on a panel's fetch is shown in that panel
// and retried after the server's Retry-After, while the rest of the app keeps working; a 503
// while loading is waited out. (The server's side of an outage: server/integration/outage.test.ts.)
import type { Page, Route } from '@playwright/test';
import { clickNode, expect, graphPixels, openExplorer, test } from './helpers.ts';

const unavailable = (retryAfterSeconds: number) => ({
  status: 503,
  headers: { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) },
  body: JSON.stringify({
    error: { code: 'database_unavailable', message: 'the graph database is unreachable; retry shortly' },
  }),
});

/** Answers the first `count` matching requests with a 503, then lets them through. */
async function failFirst(
  page: Page,
  url: RegExp,
  count: number,
  retryAfter: number,
): Promise<{ failed: () => number }> {
  let failed = 0;
  await page.route(url, async (route: Route) => {
    if (failed < count) {
      failed++;
      await route.fulfill(unavailable(retryAfter));
    } else await route.continue();
  });
  return { failed: () => failed };
}

test('a 503 on the details fetch stays in the details panel and heals after Retry-After', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  const routed = await failFirst(page, /\/api\/nodes\/firm\/haier\?/, 1, 2);
  await clickNode(page, 'firm/haier');
  const details = page.locator('#details');
  await expect(details.locator('.panel-error')).toContainText('trying again in 2 s');
  // The rest of the app is untouched: no global error, the graph still highlighted and usable.
  await expect(page.locator('#error')).toBeHidden();
  expect(await page.evaluate(() => window.explorer?.phase())).toBe('ready');
  expect(await page.evaluate(() => window.explorer?.highlighted().length)).toBeGreaterThan(1);
  // Retried by itself once the server's wait is over.
  await expect(details.locator('[data-field="name_en"]')).toHaveText('Haier Group', { timeout: 10_000 });
  await expect(details.locator('.panel-error')).toHaveCount(0);
  expect(routed.failed()).toBe(1);
});

test('a panel error that is not passing offers a retry button', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  let broken = true;
  await page.route(/\/api\/sources\//, async (route) => {
    if (broken)
      await route.fulfill({
        status: 404,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error: { code: 'not_found', message: 'source "x" not found' } }),
      });
    else await route.continue();
  });
  await clickNode(page, 'firm/haier');
  await page.locator('#details blockquote.evidence button.open-source').first().click();
  const panel = page.locator('#source-panel');
  await expect(panel.locator('.panel-error')).toContainText('Could not load: source "x" not found');
  broken = false;
  await panel.locator('.panel-error button.retry').click();
  await expect(panel.locator('mark#source-quote')).toBeVisible();
});

test('a 503 while loading is waited out: the map loads once the server answers', async ({ page }) => {
  const routed = await failFirst(page, /\/api\/graph\?/, 2, 1);
  await page.goto('/?lang=en');
  await expect(page.locator('#progress')).toContainText('The server is away; retrying in 1 s');
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 60_000 });
  await expect(page.locator('#error')).toBeHidden();
  expect(routed.failed()).toBe(2);
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(1_000);
});
