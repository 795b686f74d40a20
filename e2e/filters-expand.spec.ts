// Industry/field and year filters, and "expand": neighbours loaded from the server into the
// view. Each checks what is drawn (counts from the page, pixels from the canvas) against what
// the API says, not against numbers written into the test.
import { type Page } from '@playwright/test';
import { clickNode, expect, graphPixels, nodesDrawn, openExplorer, saveScreenshot, test } from './helpers.ts';

const INDICATOR = '#c5b0d5';
const MARINE = 'industry/marine-biomedicine';

interface Payload {
  nodes: { id: string; year?: number }[];
  edges: { source: string; target: string }[];
}

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.ok(), path).toBe(true);
  return (await response.json()) as T;
}

const visibleIds = (page: Page) => page.evaluate(() => window.explorer?.visibleNodeIds().sort() ?? []);

test('the field filter keeps a field and what is related to it; it is in the URL', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  const all = await visibleIds(page);
  const before = await graphPixels(page);
  const neighbourhood = await api<Payload>(page, `/api/nodes/${MARINE}/neighbors?dataset=laoshan`);
  const expected = neighbourhood.nodes.map((n) => n.id).sort();
  expect(expected.length).toBeGreaterThan(1);
  expect(expected.length).toBeLessThan(all.length);
  const box = page.locator(`[id="filter-field-${MARINE}"]`);
  await expect(page.locator(`#filter-fields li[data-type="${MARINE}"] .count`)).toHaveText(String(expected.length - 1));
  await box.check();
  await expect.poll(() => visibleIds(page)).toEqual(expected);
  expect(page.url()).toContain(`fields=${encodeURIComponent(MARINE)}`);
  await expect(page.locator('#visible-totals')).toContainText(`${expected.length} nodes`);
  const after = await graphPixels(page);
  expect(after.nonBackground).toBeGreaterThan(200);
  expect(after.nonBackground).toBeLessThan(before.nonBackground * 0.8);
  await saveScreenshot(page, 'field-filter');
  // A shared link reproduces it.
  const copy = await page.context().newPage();
  await openExplorer(copy, new URL(page.url()).search);
  expect(await visibleIds(copy)).toEqual(expected);
  await copy.close();
  await page.locator('#filters-reset').click();
  await expect.poll(() => visibleIds(page)).toEqual(all);
});

test('the year filter hides the nodes of a year and leaves nodes without a year alone', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  const graph = await api<Payload>(page, '/api/graph?dataset=laoshan');
  const of2023 = graph.nodes.filter((n) => n.year === 2023).map((n) => n.id);
  expect(of2023.length).toBeGreaterThan(0);
  const all = await visibleIds(page);
  const before = (await graphPixels(page)).near(INDICATOR, 10);
  await page.locator('#filter-year-2023').uncheck();
  await expect.poll(() => visibleIds(page)).toEqual(all.filter((id) => !of2023.includes(id)));
  expect(page.url()).toContain('hideYears=2023');
  await expect(page.locator('#filter-years li[data-type="2023"] .count')).toHaveText(`0/${of2023.length}`);
  expect((await graphPixels(page)).near(INDICATOR, 10)).toBeLessThan(before);
  await page.goBack();
  await expect.poll(() => visibleIds(page)).toEqual(all);
});

test('expand loads a node’s neighbours from the server into a partial overview, and a link keeps them', async ({
  page,
}) => {
  await openExplorer(page, '?lang=en&limit=30');
  const shown = await page.evaluate(() => window.explorer?.nodeIds() ?? []);
  expect(shown).toHaveLength(30);
  await expect(page.locator('#notice')).toContainText('30');
  // A node in view with neighbours that are not.
  let centre: string | undefined;
  let missing: string[] = [];
  for (const id of shown) {
    const n = await api<Payload>(page, `/api/nodes/${id}/neighbors?dataset=laoshan`);
    missing = n.nodes.map((x) => x.id).filter((x) => !shown.includes(x));
    if (missing.length >= 2) {
      centre = id;
      break;
    }
  }
  expect(centre, 'a node with neighbours outside the overview').toBeTruthy();
  await clickNode(page, centre as string);
  await page.locator('#details .expand-node').click();
  await expect(page.locator('#notice')).toContainText(`${missing.length} new nodes`);
  await expect.poll(() => page.evaluate(() => window.explorer?.nodeIds().length)).toBe(30 + missing.length);
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 30_000 });
  expect(page.url()).toContain(`expand=${encodeURIComponent(centre as string)}`);
  // The new nodes are the selection's neighbours: highlighted with it. With the selection (and
  // its label box) closed, each is drawn in colour where sigma says it is.
  const highlighted = await page.evaluate(() => window.explorer?.highlighted() ?? []);
  expect(missing.filter((id) => !highlighted.includes(id))).toEqual([]);
  await page.locator('#details .close').click();
  await expect.poll(() => page.evaluate(() => window.explorer?.selected())).toBeUndefined();
  // The pointer leaves the node it clicked (its hover box would cover the nodes around it).
  const box = await page.locator('#graph-container').boundingBox();
  await page.mouse.move((box?.x ?? 0) + 4, (box?.y ?? 0) + 4);
  await expect.poll(() => page.evaluate(() => window.explorer?.highlighted().length)).toBe(0);
  expect(await nodesDrawn(page, missing)).toBe(missing.length);
  await saveScreenshot(page, 'expanded');
  // The link brings the same nodes back.
  const copy = await page.context().newPage();
  await openExplorer(copy, new URL(page.url()).search);
  expect((await copy.evaluate(() => window.explorer?.nodeIds() ?? [])).sort()).toEqual(
    (await page.evaluate(() => window.explorer?.nodeIds() ?? [])).sort(),
  );
  await copy.close();
});

test('a search result outside a partial overview is loaded with its neighbourhood and selected', async ({ page }) => {
  await openExplorer(page, '?lang=en&limit=10');
  const shown = await page.evaluate(() => window.explorer?.nodeIds() ?? []);
  const candidates: [string, string][] = [
    ['海尔', 'firm/haier'],
    ['Beihang', 'institute/buaa-qingdao'],
    ['繁星', 'programme/fanxing-plan'],
  ];
  const [query, id] = candidates.find(([, x]) => !shown.includes(x)) ?? ['', ''];
  expect(id, 'a named node outside the overview').not.toBe('');
  await page.locator('#search-input').fill(query);
  await page.locator(`#search-results li[data-node="${id}"]`).click();
  await expect.poll(() => page.evaluate(() => window.explorer?.selected())).toBe(id);
  await expect(page.locator('#details')).toBeVisible();
  expect(await page.evaluate(() => window.explorer?.nodeIds().length)).toBeGreaterThan(10);
});
