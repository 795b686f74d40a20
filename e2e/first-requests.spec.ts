// No waterfall: the page's schema and overview requests start with the entry chunk, before the
// app's code (the boot chunk) has arrived and before sigma starts; the app then uses those very
// answers (one request each) in the columnar format, and a reload of the unchanged dataset is
// answered from the browser's cache after a 304.
import type { Page } from '@playwright/test';
import { expect, openExplorer, test } from './helpers.ts';

interface Timing {
  name: string;
  startTime: number;
  responseEnd: number;
  transferSize: number;
}

function timings(page: Page): Promise<{ resources: Timing[]; sigmaStart: number | undefined }> {
  return page.evaluate(() => ({
    resources: performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return {
        name: r.name,
        startTime: r.startTime,
        responseEnd: r.responseEnd,
        transferSize: r.transferSize,
      };
    }),
    sigmaStart: performance.getEntriesByName('explorer:sigma:start')[0]?.startTime,
  }));
}

const only = (resources: Timing[], pattern: RegExp): Timing => {
  const found = resources.filter((r) => pattern.test(r.name));
  expect(found.map((r) => r.name)).toHaveLength(1);
  return found[0]!;
};

test('the schema and overview requests start before the app’s code has arrived and before sigma starts', async ({
  page,
}) => {
  await openExplorer(page, '?dataset=laoshan&lang=en');
  const { resources, sigmaStart } = await timings(page);
  const schema = only(resources, /\/api\/schema\?dataset=laoshan$/);
  const lod = only(resources, /\/api\/overview\?dataset=laoshan$/);
  const boot = only(resources, /\/assets\/boot-[\w-]+\.js$/);
  expect(sigmaStart).toBeDefined();
  // The entry chunk issues both before it asks for the app's code: an order, not a race.
  for (const request of [schema, lod]) {
    expect(request.startTime).toBeLessThanOrEqual(boot.startTime);
    expect(request.startTime).toBeLessThan(sigmaStart!);
  }
  // The overview follows the level-of-detail answer, whenever the app's code arrives: it is asked
  // once, after that answer, and the app takes it instead of asking again.
  const graph = only(resources, /\/api\/graph\?dataset=laoshan&limit=20000&format=columnar$/);
  expect(graph.startTime).toBeGreaterThanOrEqual(lod.responseEnd - 1);
  expect(await page.evaluate(() => window.explorer!.nodeIds().length)).toBeGreaterThan(50);
});

test('a reload of the unchanged dataset transfers no overview again', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  const first = only((await timings(page)).resources, /\/api\/graph\?/);
  await page.reload();
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 60_000 });
  const graph = only((await timings(page)).resources, /\/api\/graph\?/);
  // Revalidated: a 304 carries headers only, and the cached copy was used.
  expect(first.transferSize).toBeGreaterThan(2_000);
  expect(graph.transferSize).toBeLessThan(1_000);
  expect(await page.evaluate(() => window.explorer!.nodeIds().length)).toBeGreaterThan(50);
});
