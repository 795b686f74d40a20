// The explorer's tools, each checked on what is drawn as well as on the page: search, filters,
// focus, evidence → source, shareable state, language, kept positions.
import { type Page } from '@playwright/test';
import { clickNode, expect, graphPixels, openExplorer, saveScreenshot, seedE2e, test } from './helpers.ts';

const INDICATOR = '#c5b0d5';

async function pick(page: Page, query: string, expected: string): Promise<void> {
  const input = page.locator('#search-input');
  await input.fill(query);
  await expect(page.locator(`#search-results li[data-node="${expected}"]`)).toBeVisible();
  // Keyboard only: move to the expected result and choose it.
  const ids = await page
    .locator('#search-results li')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-node')));
  const index = ids.indexOf(expected);
  for (let i = 0; i < index; i++) await input.press('ArrowDown');
  await input.press('Enter');
  await expect.poll(() => page.evaluate(() => window.explorer?.selected())).toBe(expected);
  await expect(page.locator('#search-results')).toBeHidden();
}

test.describe('search', () => {
  for (const [query, id] of [
    ['海尔', 'firm/haier'],
    ['Haier', 'firm/haier'],
    ['hejt', 'firm/haier'],
    ['hr', 'firm/haier'],
    ['繁星', 'programme/fanxing-plan'],
    ['Beihang', 'institute/buaa-qingdao'],
    ['bhqdyjy', 'institute/buaa-qingdao'],
  ] as [string, string][]) {
    test(`finds ${id} by "${query}", selects it, flies to it and highlights its neighbourhood`, async ({ page }) => {
      await openExplorer(page, '?lang=zh');
      await pick(page, query, id);
      await expect(page.locator('#details')).toBeVisible();
      await expect(page.locator('#details')).toHaveAttribute('data-node', id);
      // The camera flew to it: the node is drawn near the centre of the graph area.
      const box = await page.locator('#graph-container').boundingBox();
      await expect
        .poll(async () => {
          const p = await page.evaluate((n) => window.explorer?.nodePosition(n), id);
          return p && box ? Math.hypot(p.x - box.width / 2, p.y - box.height / 2) : Infinity;
        })
        .toBeLessThan(60);
      // Its neighbourhood is highlighted on the canvas: the rest is drawn faded.
      expect((await graphPixels(page)).near('#e3e6ec', 6)).toBeGreaterThan(100);
      expect(await page.evaluate(() => window.explorer?.highlighted().length)).toBeGreaterThan(1);
    });
  }
});

test('filters change what is drawn, with live counts, and reset brings it back', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  const total = await page.evaluate(() => window.explorer?.visibleNodeCount() ?? 0);
  const before = await graphPixels(page);
  expect(before.near(INDICATOR, 10)).toBeGreaterThan(20);
  const indicators = Number(
    (await page.locator('#filter-types li[data-type="Indicator"] .count').textContent()) ?? '0',
  );
  expect(indicators).toBeGreaterThan(0);
  await page.locator('#filter-type-Indicator').uncheck();
  await expect.poll(() => page.evaluate(() => window.explorer?.visibleNodeCount())).toBe(total - indicators);
  await expect(page.locator('#filter-types li[data-type="Indicator"] .count')).toHaveText(`0/${indicators}`);
  expect((await graphPixels(page)).near(INDICATOR, 10)).toBeLessThan(before.near(INDICATOR, 10) / 4);
  // A relation type off: its edges go, the nodes stay.
  const edges = await page.evaluate(() => window.explorer?.visibleEdgeCount() ?? 0);
  await page.locator('#filter-rel-MEASURES').uncheck();
  await page.locator('#filter-rel-ATTRACTS').uncheck();
  await expect.poll(() => page.evaluate(() => window.explorer?.visibleEdgeCount())).toBeLessThan(edges);
  expect(await page.evaluate(() => window.explorer?.visibleNodeCount())).toBe(total - indicators);
  await page.locator('#filters-reset').click();
  await expect.poll(() => page.evaluate(() => window.explorer?.visibleNodeCount())).toBe(total);
  expect((await graphPixels(page)).near(INDICATOR, 10)).toBeGreaterThan(20);
});

test('focus: 1 or 2 steps around the selection, and hide', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  await clickNode(page, 'firm/haier');
  await expect(page.locator('#details')).toBeVisible();
  const one = await page.evaluate(() => window.explorer?.highlighted().length ?? 0);
  await page.locator('#details button.depth[data-depth="2"]').click();
  await expect.poll(() => page.evaluate(() => window.explorer?.highlighted().length ?? 0)).toBeGreaterThan(one);
  const total = await page.evaluate(() => window.explorer?.visibleNodeCount() ?? 0);
  await page.locator('#details button.hide-node').click();
  await expect.poll(() => page.evaluate(() => window.explorer?.visibleNodeCount())).toBe(total - 1);
  await expect(page.locator('#details')).toBeHidden();
});

test('the evidence opens its source, scrolled to the quote and highlighted', async ({ page }) => {
  await openExplorer(page, '?lang=zh');
  await clickNode(page, 'firm/haier');
  await page.locator('#details blockquote.evidence button.open-source').first().click();
  const mark = page.locator('#source-panel mark#source-quote');
  await expect(mark).toHaveText('评选海尔集团等崂山区十强科技创新企业进行表彰');
  await expect(mark).toBeInViewport();
  await expect(page.locator('#source-panel .source-title')).toContainText('科技创新大会');
  await saveScreenshot(page, 'source-quote');
});

test('a copied URL restores the same view in a new page, and back walks through the views', async ({
  page,
  context,
}) => {
  await openExplorer(page, '?lang=zh');
  await page.locator('#filter-type-Indicator').uncheck();
  await clickNode(page, 'firm/haier');
  await page.locator('#details button.depth[data-depth="2"]').click();
  await page.locator('#lang-toggle').click();
  await expect(page.locator('#title')).toHaveText('Laoshan Innovation Ecosystem');
  const link = page.url();
  expect(link).toContain('node=firm%2Fhaier');
  const expected = await page.evaluate(() => ({
    view: window.explorer?.view(),
    highlighted: window.explorer?.highlighted().sort(),
    visible: window.explorer?.visibleNodeCount(),
  }));

  const other = await context.newPage();
  await other.goto(link);
  await other.waitForFunction(() => window.explorer?.phase() === 'ready');
  const restored = await other.evaluate(() => ({
    view: window.explorer?.view(),
    highlighted: window.explorer?.highlighted().sort(),
    visible: window.explorer?.visibleNodeCount(),
  }));
  expect(restored.view?.selected).toBe('firm/haier');
  expect(restored.view?.hiddenTypes).toEqual(['Indicator']);
  expect(restored.view?.lang).toBe('en');
  expect(restored.view?.depth).toBe(2);
  expect(restored.highlighted).toEqual(expected.highlighted);
  expect(restored.visible).toBe(expected.visible);
  await expect(other.locator('#details [data-field="name_en"]')).toHaveText('Haier Group');
  expect((await graphPixels(other)).nonBackground).toBeGreaterThan(1_000);

  // Back: language, then depth, then selection, then the filter.
  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.explorer?.lang())).toBe('zh');
  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.explorer?.view().depth)).toBe(1);
  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.explorer?.selected())).toBeUndefined();
  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.explorer?.view().hiddenTypes.length)).toBe(0);
});

test('unknown ids and types in a link are dropped, not crashed on', async ({ page }) => {
  await openExplorer(page, '?lang=en&node=firm/atlantis&hide=Spaceship,Firm&hideNodes=x/y&panel=details');
  const view = await page.evaluate(() => window.explorer?.view());
  expect(view).toMatchObject({ selected: undefined, hiddenTypes: ['Firm'], hiddenNodes: [], panel: undefined });
  await expect(page.locator('#error')).toBeHidden();
});

test('the language switches every UI string and every label live', async ({ page }) => {
  await openExplorer(page, '?lang=zh');
  await expect(page.locator('#filter-types li[data-type="Firm"]')).toContainText('企业');
  await expect(page.locator('#search-input')).toHaveAttribute('placeholder', /搜索/);
  await page.locator('#lang-toggle').click();
  await expect(page.locator('#filter-types li[data-type="Firm"]')).toContainText('Firm');
  await expect(page.locator('#search-input')).toHaveAttribute('placeholder', /Search/);
  await expect(page.locator('#title')).toHaveText('Laoshan Innovation Ecosystem');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
});

test('a reload keeps the layout: the server’s stored positions come back instead of reshuffling', async ({
  page,
  request,
}) => {
  // The server stores the layout in the background after the dataset's first graph request.
  const stored = async () =>
    ((await (await request.get('/api/graph?dataset=laoshan&limit=1')).json()) as { positions?: string }).positions;
  await expect.poll(stored, { timeout: 60_000 }).toBe('stored');
  await openExplorer(page, '?lang=en');
  const before = await page.evaluate(() => window.explorer?.nodePosition('firm/haier'));
  await page.reload();
  await page.waitForFunction(() => window.explorer?.phase() === 'ready');
  expect(await page.evaluate(() => window.explorer?.positionsStored())).toBe(true);
  const after = await page.evaluate(() => window.explorer?.nodePosition('firm/haier'));
  expect(after && before && Math.hypot(after.x - before.x, after.y - before.y)).toBeLessThan(2);
});

test('paths: how is Haier linked to the Beihang institute? Drawn, written out, shareable', async ({
  page,
  context,
}) => {
  await openExplorer(page, '?lang=zh');
  await clickNode(page, 'firm/haier');
  await page.locator('#details button.paths-from').click();
  await expect(page.locator('#paths-panel')).toBeVisible();
  await expect(page.locator('#path-from-input')).toHaveValue('海尔集团');
  const to = page.locator('#path-to-input');
  await to.fill('北航');
  await expect(page.locator('#path-to-results li[data-node="institute/buaa-qingdao"]')).toBeVisible();
  await to.press('Enter');
  const chains = page.locator('#path-list li');
  await expect(chains.first()).toBeVisible();
  const first = (await chains.first().getAttribute('data-chain')) ?? '';
  expect(first.startsWith('海尔集团 —获评→ 崂山区十强科技创新企业')).toBe(true);
  expect(first.endsWith('北航青岛研究院')).toBe(true);
  // Drawn: the path's edges in the path colour, everything else faded.
  await expect.poll(async () => (await graphPixels(page)).near('#2563eb', 30)).toBeGreaterThan(100);
  const highlighted = await page.evaluate(() => window.explorer?.highlighted() ?? []);
  expect(highlighted).toEqual(expect.arrayContaining(['firm/haier', 'institute/buaa-qingdao']));
  await saveScreenshot(page, 'paths');

  const other = await context.newPage();
  await other.goto(page.url());
  await other.waitForFunction(() => window.explorer?.phase() === 'ready');
  await expect(other.locator('#path-list li').first()).toHaveAttribute('data-chain', first);
});

test('the table lists the visible nodes, sorts, filters, works by keyboard, and a row selects its node', async ({
  page,
}) => {
  await openExplorer(page, '?lang=en&hide=Indicator');
  await page.locator('#table-toggle').click();
  const rows = page.locator('#node-table tbody tr');
  const visible = await page.evaluate(() => window.explorer?.visibleNodeCount() ?? 0);
  await expect(rows).toHaveCount(visible);
  // Sorted by relations, most first: the district hub leads.
  await expect(rows.first()).toHaveAttribute('data-node', 'district/laoshan');
  await page.locator('#node-table th button[data-sort="name"]').click();
  await expect(page.locator('#node-table th[aria-sort="ascending"]')).toHaveCount(1);
  await page.locator('#table-filter').fill('haier');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect.poll(() => page.evaluate(() => window.explorer?.selected())).toBe('firm/haier');
  expect((await graphPixels(page)).near('#e3e6ec', 6)).toBeGreaterThan(100);
  // Keyboard: from the first row, ↓ then Enter selects the second.
  await page.locator('#table-filter').fill('');
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const second = await rows.nth(1).getAttribute('data-node');
  await expect.poll(() => page.evaluate(() => window.explorer?.selected())).toBe(second);
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('the dark theme: dark page and canvas, light labels, in the URL, and back to light', async ({ page }) => {
  await openExplorer(page, '?lang=zh&theme=dark');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  const dark = await graphPixels(page);
  // The background of the graph area is the dark theme's, and the network is still drawn.
  expect(dark.near('#0f1420', 8)).toBeGreaterThan(dark.total / 2);
  expect(dark.near('#d62728', 30)).toBeGreaterThan(20);
  // Labels are drawn light on dark.
  expect(dark.near('#e8ecf3', 20)).toBeGreaterThan(50);
  await saveScreenshot(page, 'projector-dark');
  await page.locator('#theme-toggle').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  expect(page.url()).not.toContain('theme=dark');
  const light = await graphPixels(page);
  expect(light.near('#0f1420', 8)).toBeLessThan(light.total / 100);
});

/** Pairs of nodes whose discs overlap by more than a pixel, as drawn. */
async function overlappingPairs(page: Page): Promise<string[]> {
  const discs = await page.evaluate(() =>
    (window.explorer?.nodeIds() ?? []).map((id) => ({
      id,
      ...window.explorer?.nodePosition(id),
      r: window.explorer?.nodeRadius(id) ?? 0,
    })),
  );
  const overlaps: string[] = [];
  for (let i = 0; i < discs.length; i++)
    for (let j = i + 1; j < discs.length; j++) {
      const a = discs[i]!;
      const b = discs[j]!;
      const gap = Math.hypot((a.x ?? 0) - (b.x ?? 0), (a.y ?? 0) - (b.y ?? 0)) - a.r - b.r;
      if (gap < -1) overlaps.push(`${a.id} × ${b.id} (${gap.toFixed(1)} px)`);
    }
  return overlaps;
}

test('layout: after the no-overlap pass no two nodes cover each other', async ({ page }) => {
  test.setTimeout(120_000);
  // ForceAtlas2 alone leaves none on the Laoshan map, but dozens on a denser 800-node one.
  seedE2e(['--synthetic', '800', '--seed', '5', '--dataset', 'synthetic-800']);
  for (const query of ['?lang=en', '?lang=en&dataset=synthetic-800']) {
    await openExplorer(page, query);
    expect(await page.evaluate(() => window.explorer?.positionsRestored())).toBe(false);
    expect(await overlappingPairs(page), query).toEqual([]);
  }
});

test('labels stay readable at every zoom: many at first sight, more when zoomed in, never one over another', async ({
  page,
}) => {
  for (const lang of ['zh', 'en']) {
    await openExplorer(page, `?lang=${lang}`);
    const atFit = await drawnLabelBoxes(page);
    expect(atFit.length, `${lang}: labels at first sight`).toBeGreaterThanOrEqual(15);
    expect(overlaps(atFit), lang).toEqual([]);
    await page.locator('#zoom-in').click();
    await page.locator('#zoom-in').click();
    await expect.poll(async () => (await drawnLabelBoxes(page)).length).toBeGreaterThan(atFit.length);
    expect(overlaps(await drawnLabelBoxes(page)), `${lang} zoomed in`).toEqual([]);
  }
});

/** Where each drawn label lies, measured here with the page's own font metrics. */
async function drawnLabelBoxes(page: Page): Promise<{ id: string; box: number[] }[]> {
  return page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context || !window.explorer) return [];
    const automation = window.explorer;
    context.font = '500 13px "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif';
    return automation.displayedLabels().map((id) => {
      const p = automation.nodePosition(id) ?? { x: 0, y: 0 };
      const r = automation.nodeRadius(id) ?? 0;
      const label = automation.label(id);
      const x0 = p.x + r + 3;
      return { id, box: [x0, p.y - 6, x0 + context.measureText(label).width, p.y + 6] };
    });
  });
}

function overlaps(labels: { id: string; box: number[] }[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a0, a1, a2, a3] = labels[i]!.box as [number, number, number, number];
      const [b0, b1, b2, b3] = labels[j]!.box as [number, number, number, number];
      if (a0 < b2 - 1 && a2 > b0 + 1 && a1 < b3 - 1 && a3 > b1 + 1) found.push(`${labels[i]!.id} × ${labels[j]!.id}`);
    }
  return found;
}
