// Positions are part of the data: a dataset's layout comes from the server, so the final picture
// is drawn at once (no ForceAtlas2 on load) and a shared link shows the same map in every browser.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, openExplorer, seedE2e, test } from './helpers.ts';

const BIG = 'synthetic-10k';

/**
 * Installed before the page's scripts (as bench/browser.ts does): the first frame after the
 * explorer leaves 'loading' (its graph is complete then) and the moment it is 'ready'.
 * Plain JavaScript: a serialised TypeScript function may name helpers the page lacks.
 */
const RECORDER = `(() => {
  const record = {};
  window.__timing = record;
  requestAnimationFrame(function frame(time) {
    const phase = window.explorer && window.explorer.phase();
    if (phase && phase !== 'loading' && phase !== 'error') record.firstFrame = time;
    else if (phase !== 'error') requestAnimationFrame(frame);
  });
  const timer = setInterval(() => {
    if (window.explorer && window.explorer.phase() === 'ready') {
      record.ready = performance.now();
      clearInterval(timer);
    }
  }, 10);
})();`;

/** Waits until the server has stored the dataset's layout (it computes it in the background). */
async function storedLayout(request: APIRequestContext, dataset: string, timeoutMs: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/graph?dataset=${dataset}&limit=1`);
        return ((await response.json()) as { positions?: string }).positions;
      },
      { timeout: timeoutMs, intervals: [500, 1_000, 2_000] },
    )
    .toBe('stored');
}

async function samplePositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const ids = (window.explorer?.nodeIds() ?? []).slice(0, 200);
    return Object.fromEntries(ids.map((id) => [id, window.explorer!.nodePosition(id)!]));
  });
}

/** The same positions (CSS pixels, within a pixel) for the same nodes. */
function expectSamePositions(a: Record<string, { x: number; y: number }>, b: Record<string, { x: number; y: number }>) {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const [id, p] of Object.entries(a)) expect(Math.hypot(p.x - b[id]!.x, p.y - b[id]!.y), id).toBeLessThan(1);
}

async function inNewContext<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

test('the curated map is drawn from the stored layout, the same in another browser, no layout run', async ({
  page,
  browser,
  request,
}) => {
  await storedLayout(request, 'laoshan', 60_000);
  await openExplorer(page, '?lang=en');
  expect(await page.evaluate(() => window.explorer?.positionsStored())).toBe(true);
  expect(await page.evaluate(() => window.explorer?.layoutRunning())).toBe(false);
  const first = await samplePositions(page);
  const second = await inNewContext(browser, async (other) => {
    await openExplorer(other, '?lang=en');
    return samplePositions(other);
  });
  expectSamePositions(first, second);
  // The layout button still runs ForceAtlas2 when asked.
  await page.locator('#layout-toggle').click();
  await expect.poll(() => page.evaluate(() => window.explorer?.layoutRunning())).toBe(true);
  await page.locator('#layout-toggle').click();
  await expect.poll(() => page.evaluate(() => window.explorer?.layoutRunning())).toBe(false);
});

test('10k synthetic: the final picture within 1.5× of the first frame, the same in a second context', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(600_000);
  seedE2e(['--synthetic', '10000', '--seed', '12', '--dataset', BIG]);
  await storedLayout(request, BIG, 420_000);
  await page.addInitScript({ content: RECORDER });
  await page.goto(`/?dataset=${BIG}&lang=en`);
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 120_000 });
  const timing = await page.evaluate(
    () => (window as unknown as { __timing: { firstFrame?: number; ready?: number } }).__timing,
  );
  console.log(
    `10k: first frame ${Math.round(timing.firstFrame ?? 0)} ms, final picture ${Math.round(timing.ready ?? 0)} ms`,
  );
  expect(timing.firstFrame).toBeGreaterThan(0);
  expect(timing.ready!).toBeLessThanOrEqual(1.5 * timing.firstFrame!);
  expect(await page.evaluate(() => window.explorer?.positionsStored())).toBe(true);
  expect(await page.evaluate(() => window.explorer?.layoutRunning())).toBe(false);
  const first = await samplePositions(page);
  const second = await inNewContext(browser, async (other) => {
    await other.goto(`/?dataset=${BIG}&lang=en`);
    await other.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 120_000 });
    return samplePositions(other);
  });
  expectSamePositions(first, second);
});
