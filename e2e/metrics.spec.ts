// The metrics panel on the curated dataset: it waits for the server's computation, sizes and
// colours the drawn nodes by a metric (read back from what sigma draws), lists communities by
// size, ranks every node in a sortable table whose rows select their node, shows the sector
// mixing, and the whole choice survives a reload.
import { type Page } from '@playwright/test';
import { expect, graphPixels, openExplorer, saveScreenshot, test } from './helpers.ts';

async function waitForMetrics(page: Page): Promise<void> {
  await page.waitForFunction(() => window.explorer?.metricsStatus() === 'ready', null, { timeout: 60_000 });
}

/** The drawn node with the highest value of a metric, and a drawn node with the lowest. */
async function extremes(page: Page, metric: string): Promise<{ top: string; low: string }> {
  return page.evaluate((m) => {
    const explorer = window.explorer!;
    const ids = explorer.visibleNodeIds().filter((id) => explorer.metricValue(id, m) !== undefined);
    const value = (id: string) => explorer.metricValue(id, m) ?? 0;
    const sorted = [...ids].sort((a, b) => value(b) - value(a));
    return { top: sorted[0]!, low: sorted[sorted.length - 1]! };
  }, metric);
}

test('metrics: size and colour by a metric, communities, a sortable ranking, sectors, kept in the link', async ({
  page,
}) => {
  await openExplorer(page, '?lang=en');
  // Opened from the toolbar's Analysis menu.
  await page.locator('#analysis-label').click();
  await page.locator('#metrics-toggle').click();
  await expect(page.locator('#metrics-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#metrics-panel')).toBeVisible();
  await waitForMetrics(page);
  await expect(page.locator('#metrics-table tbody tr').first()).toBeVisible();
  expect(await page.evaluate(() => window.explorer?.metricIds())).toEqual(
    expect.arrayContaining(['betweenness', 'community', 'degree']),
  );

  // Size by betweenness: the broker of most shortest paths is drawn larger than a leaf.
  await page.locator('#metrics-size').selectOption('betweenness');
  await expect.poll(() => page.evaluate(() => window.explorer?.metricSizeBy())).toBe('betweenness');
  const { top, low } = await extremes(page, 'betweenness');
  expect(await page.evaluate((id) => window.explorer?.metricValue(id, 'betweenness'), low)).toBe(0);
  await expect
    .poll(async () => {
      const [big, small] = await page.evaluate(
        ([a, b]) => [window.explorer?.nodeRadius(a) ?? 0, window.explorer?.nodeRadius(b) ?? 0],
        [top, low] as const,
      );
      return big > small * 2;
    })
    .toBe(true);
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(2_000);

  // Colour by community: drawn in the community's colour, the legend lists communities by size.
  await page.locator('#metrics-color').selectOption('community');
  const legend = page.locator('#metrics-legend li');
  await expect(legend.first()).toBeVisible();
  const counts = (await page.locator('#metrics-legend li .count').allTextContents()).map(Number);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect((await legend.first().locator('.name').textContent())?.length).toBeGreaterThan(0);
  await expect
    .poll(() =>
      page.evaluate((id) => {
        const explorer = window.explorer!;
        return explorer.nodeColor(id) === explorer.metricStyle(id).color;
      }, top),
    )
    .toBe(true);
  const community = await page.evaluate((id) => window.explorer?.metricStyle(id).color, top);
  expect(community).toMatch(/^#[0-9a-f]{6}$/);
  expect((await graphPixels(page)).near(community!, 10)).toBeGreaterThan(20);
  await saveScreenshot(page, 'metrics-communities');

  // Sector mixing: the matrix in the UI's language, the two measures explained.
  await expect(page.locator('#sector-matrix thead th').nth(1)).not.toBeEmpty();
  await expect(page.locator('#sector-cross .value')).toHaveText(/%$/);
  await expect(page.locator('#sector-assortativity .value')).toHaveText(/^[−\d]/);

  // The ranking sorts: by degree high first, then low first.
  const firstRow = page.locator('#metrics-table tbody tr').first();
  await page.locator('#metrics-table th button[data-sort="degree"]').click();
  await expect(page.locator('#metrics-table th[aria-sort="descending"] button')).toHaveAttribute('data-sort', 'degree');
  const degrees = await page.evaluate(() => {
    const explorer = window.explorer!;
    const values = explorer.nodeIds().map((id) => explorer.metricValue(id, 'degree') ?? 0);
    return { max: Math.max(...values), min: Math.min(...values) };
  });
  const firstDegree = async () =>
    page.evaluate((id) => window.explorer?.metricValue(id ?? '', 'degree'), await firstRow.getAttribute('data-node'));
  expect(await firstDegree()).toBe(degrees.max);
  await page.locator('#metrics-table th button[data-sort="degree"]').click();
  await expect(page.locator('#metrics-table th[aria-sort="ascending"] button')).toHaveAttribute('data-sort', 'degree');
  await expect.poll(firstDegree).toBe(degrees.min);
  expect(page.url()).toContain('msort=degree');

  // A row selects its node; the ranking stays open.
  await page.locator('#metrics-table th button[data-sort="betweenness"]').click();
  await expect(firstRow).toHaveAttribute('data-node', top);
  await firstRow.click();
  await expect.poll(() => page.evaluate(() => window.explorer?.selected())).toBe(top);
  await expect(page.locator('#metrics-panel')).toBeVisible();
  await expect(firstRow).toHaveAttribute('aria-selected', 'true');
  await saveScreenshot(page, 'metrics-panel');

  // The link keeps it all: after a reload the same view, sized and coloured again.
  const url = new URL(page.url());
  expect(url.searchParams.get('size')).toBe('betweenness');
  expect(url.searchParams.get('color')).toBe('community');
  expect(url.searchParams.get('panel')).toBe('metrics');
  // The camera is left out: it is restored only where the layout positions are the same.
  const view = () => page.evaluate(() => ({ ...window.explorer!.view(), camera: undefined }));
  const before = await view();
  await page.reload();
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 60_000 });
  await waitForMetrics(page);
  expect(await view()).toEqual(before);
  await expect(page.locator('#metrics-legend li').first()).toBeVisible();
  await expect(page.locator('#metrics-size')).toHaveValue('betweenness');
  await expect.poll(() => page.evaluate((id) => window.explorer?.metricStyle(id).size, top)).toBeGreaterThan(10);
});

test('metrics: a link naming a metric the server does not compute drops it once the metrics are in', async ({
  page,
}) => {
  await openExplorer(page, '?lang=zh&size=no_such_metric&color=community');
  await waitForMetrics(page);
  await expect.poll(() => page.evaluate(() => window.explorer?.metricSizeBy())).toBeUndefined();
  expect(await page.evaluate(() => window.explorer?.metricColorBy())).toBe('community');
  expect(new URL(page.url()).searchParams.get('size')).toBeNull();
  // The panel in Chinese, opened by its key.
  await page.keyboard.press('m');
  await expect(page.locator('#metrics-panel h2')).toHaveText('指标');
  await expect(page.locator('#metrics-table th button[data-sort="name"]')).toHaveText('名称');
});

test('metrics: while the server computes, the panel shows its progress and asks again each second; closed, it stops', async ({
  page,
}) => {
  let asked = 0;
  let computing = true;
  await page.route('**/api/metrics?*', async (route) => {
    asked++;
    if (!computing) return route.continue();
    const progress = { phase: 'betweenness', done: asked, total: 10 };
    await route.fulfill({
      status: 202,
      headers: { 'Retry-After': '1' },
      contentType: 'application/json',
      body: JSON.stringify({ dataset: 'laoshan', version: 'v', status: 'computing', progress, startedAt: '' }),
    });
  });
  await openExplorer(page, '?lang=en&panel=metrics');
  await expect(page.locator('#metrics-status')).toContainText('betweenness');
  await expect(page.locator('#metrics-status')).toContainText('of 10');
  await expect.poll(() => asked, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
  expect(await page.evaluate(() => window.explorer?.metricsStatus())).toBe('computing');

  await page.locator('#metrics-panel .close').click();
  await expect(page.locator('#metrics-panel')).toBeHidden();
  await page.waitForTimeout(1_500);
  const afterClose = asked;
  await page.waitForTimeout(2_500);
  expect(asked).toBe(afterClose);
  await expect(page.locator('#metrics-panel')).toBeHidden();

  computing = false;
  await page.keyboard.press('m');
  await waitForMetrics(page);
  await expect(page.locator('#metrics-table tbody tr').first()).toBeVisible();
});
