// Analytics in the explorer: the brokers view, the planners' gaps, "Find partners" in the
// details panel and the actors on most of the shortest paths. Each is checked against what the
// API answers (not numbers written into the test), on the page, through window.explorer and on
// the canvas.
import { type Page } from '@playwright/test';
import type {
  GapsPayload,
  MetricsPayload,
  MetricsReady,
  PartnersPayload,
  PathThroughPayload,
} from '../domain/api-types.ts';
import { clickNode, expect, graphPixels, nodesDrawn, openExplorer, saveScreenshot, test } from './helpers.ts';

/** The colour of emphasised edges (paths, a partner's reasons): core/renderer.ts PATH_EDGE. */
const EMPHASIS = '#2563eb';

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.ok(), path).toBe(true);
  return (await response.json()) as T;
}

/** The metrics once the server has computed them (it answers 'computing' meanwhile). */
async function metrics(page: Page): Promise<MetricsReady> {
  let answer: MetricsPayload | undefined;
  await expect
    .poll(async () => (answer = await api<MetricsPayload>(page, '/api/metrics?dataset=laoshan')).status, {
      timeout: 60_000,
    })
    .toBe('ready');
  return answer as MetricsReady;
}

/** Opens an analytics view from the toolbar's Analysis menu. */
async function openView(page: Page, panel: string): Promise<void> {
  await page.locator('#analysis-label').click();
  await page.locator(`#analysis-menu button[data-panel="${panel}"]`).click();
  await expect(page.locator(`#${panel}-panel`)).toBeVisible();
  await expect(page.locator('#analysis-menu')).not.toHaveAttribute('open', '');
}

const sorted = (ids: readonly string[]) => [...ids].sort();
const highlighted = async (page: Page) => sorted(await page.evaluate(() => window.explorer?.highlighted() ?? []));

test('the brokers view explains the roles, lists a role’s top actors and highlights them', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  const report = (await metrics(page)).brokerage;
  // The role with the most actors listed: the curated data's liaisons, as it happens.
  const role = [...report.roles].sort((a, b) => report.top[b].length - report.top[a].length)[0];
  if (!role) throw new Error('no brokerage roles');
  const actors = report.top[role].map((a) => a.id);
  expect(actors.length).toBeGreaterThan(1);
  const before = await graphPixels(page);

  await openView(page, 'brokers');
  await expect(page.locator('#broker-roles > li')).toHaveCount(5);
  for (const li of await page.locator('#broker-roles .explain').all())
    expect((await li.textContent())?.length).toBeGreaterThan(20);
  await page.locator(`#broker-roles button[data-role="${role}"]`).click();
  await expect(page.locator('#broker-actors li')).toHaveCount(actors.length);
  expect(page.url()).toContain(`broker=${role}`);
  await expect
    .poll(() => page.evaluate(() => window.explorer?.brokerActors() ?? []).then(sorted))
    .toEqual(sorted(actors));
  expect(await highlighted(page)).toEqual(sorted(actors));
  // Drawn: everything else faded, the actors still there.
  expect(await nodesDrawn(page, actors)).toBeGreaterThan(actors.length / 2);
  const after = await graphPixels(page);
  expect(after.nonBackground).toBeGreaterThan(200);
  expect(after.nonBackground).not.toBe(before.nonBackground);
  await saveScreenshot(page, 'brokers');

  // A shared link opens the same view; an actor's click selects it.
  await openExplorer(page, `?lang=zh&panel=brokers&broker=${role}`);
  await expect(page.locator('#broker-actors li')).toHaveCount(actors.length);
  await expect.poll(() => highlighted(page)).toEqual(sorted(actors));
  const first = actors[0] as string;
  await page.locator(`#broker-actors button[data-node="${first}"]`).click();
  await expect.poll(() => page.evaluate(() => window.explorer?.selected())).toBe(first);
  await expect(page.locator('#details')).toBeVisible();
});

test('the gaps view lists the gaps by kind, each explained, and highlights the chosen one', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  await metrics(page);
  const { gaps } = await api<GapsPayload>(page, '/api/gaps?dataset=laoshan');
  expect(gaps.length).toBeGreaterThan(0);
  // The gap with the most nodes to show that are not a community gap (those span the map).
  const gap = [...gaps]
    .filter((g) => g.kind !== 'communities_joined_by_one_broker')
    .sort((a, b) => b.nodes.length - a.nodes.length)[0];
  if (!gap) throw new Error('no gaps besides communities');
  const key = `${gap.kind}:${gap.subject.id}`;

  await openView(page, 'gaps');
  await expect(page.locator('#gap-list li[data-gap]')).toHaveCount(gaps.length);
  await expect(page.locator('#gap-list .gap-group')).toHaveCount(new Set(gaps.map((g) => g.kind)).size);
  const item = page.locator(`#gap-list li[data-gap="${key}"]`);
  await expect(item.locator('.explain')).toHaveText(gap.text_en);
  await item.locator('button.choice').click();
  expect(new URL(page.url()).searchParams.get('gap')).toBe(key);
  const nodes = sorted([...new Set([...gap.nodes, gap.subject.id])]);
  await expect.poll(() => page.evaluate(() => window.explorer?.gapNodes() ?? []).then(sorted)).toEqual(nodes);
  expect(await highlighted(page)).toEqual(nodes);
  expect(await nodesDrawn(page, nodes)).toBeGreaterThan(0);
  await saveScreenshot(page, 'gaps');

  // In Chinese, the same gap's text in Chinese; a gap the data does not have is dropped.
  await page.locator('#lang-toggle').click();
  await expect(page.locator(`#gap-list li[data-gap="${key}"] .explain`)).toHaveText(gap.text_zh);
  await openExplorer(page, '?lang=en&panel=gaps&gap=park_without_academic_partner%3Apark%2Fatlantis');
  await expect(page.locator('#gap-list')).toBeVisible();
  expect(await page.evaluate(() => window.explorer?.view().gap)).toBeUndefined();
  expect(await page.evaluate(() => window.explorer?.gapNodes())).toEqual([]);
});

test('Find partners ranks candidates with their reasons and draws the chosen one’s reasons', async ({ page }) => {
  const node = 'institute/buaa-qingdao';
  await openExplorer(page, '?lang=en');
  await metrics(page);
  const payload = await api<PartnersPayload>(page, `/api/partners/${node}?dataset=laoshan&limit=10`);
  expect(payload.candidates.length).toBeGreaterThan(1);
  // The best candidate whose reasons rest on relations (something to draw).
  const candidate = payload.candidates.find((c) => c.reasons.some((r) => r.edges.length > 0));
  if (!candidate) throw new Error(`no candidate of ${node} has a reason with relations`);

  await clickNode(page, node);
  await page.locator('#details button[data-action="find-partners"]').click();
  await expect(page.locator('#partners-panel')).toBeVisible();
  const listed = page.locator('#partner-list > li');
  await expect(listed).toHaveCount(payload.candidates.length);
  expect(await listed.evaluateAll((items) => items.map((li) => li.getAttribute('data-candidate')))).toEqual(
    payload.candidates.map((c) => c.id),
  );
  const first = payload.candidates[0];
  await expect(listed.first().locator('.reasons li')).toHaveText(first?.reasons.map((r) => r.text_en) ?? []);
  expect(new URL(page.url()).searchParams.get('partners')).toBe(node);

  await page.locator(`#partner-list button[data-candidate="${candidate.id}"]`).click();
  expect(new URL(page.url()).searchParams.get('partner')).toBe(candidate.id);
  const reasonNodes = new Set([node, candidate.id, ...candidate.reasons.flatMap((r) => r.nodes)]);
  const reasonEdges = new Set(candidate.reasons.flatMap((r) => r.edges));
  await expect.poll(() => page.evaluate(() => window.explorer?.partnerDrawing()?.nodes.length ?? 0)).toBeGreaterThan(1);
  const drawing = await page.evaluate(() => window.explorer?.partnerDrawing());
  // The curated dataset is held whole: every reason node and relation is drawn.
  expect(sorted(drawing?.nodes ?? [])).toEqual(sorted([...reasonNodes]));
  expect(sorted(drawing?.edges ?? [])).toEqual(sorted([...reasonEdges]));
  expect(drawing?.missingNodes).toEqual([]);
  expect(await highlighted(page)).toEqual(sorted([...reasonNodes]));
  // On the canvas: the reason relations in the emphasis colour, the nodes drawn.
  await expect.poll(async () => (await graphPixels(page)).near(EMPHASIS, 30)).toBeGreaterThan(50);
  expect(await nodesDrawn(page, [node, candidate.id])).toBe(2);
  await saveScreenshot(page, 'partners');

  // Narrowed to a type: the list is what the API ranks for that type, and the link says so.
  const type = candidate.type;
  await page.locator('#partner-type').selectOption(type);
  const typed = await api<PartnersPayload>(page, `/api/partners/${node}?dataset=laoshan&limit=10&type=${type}`);
  await expect(listed).toHaveCount(typed.candidates.length);
  expect(new URL(page.url()).searchParams.get('ptype')).toBe(type);
  for (const c of typed.candidates) expect(c.type).toBe(type);

  // The link reproduces the query and the drawing.
  const link = `?lang=en&panel=partners&partners=${encodeURIComponent(node)}&ptype=${type}&partner=${encodeURIComponent(candidate.id)}`;
  if (typed.candidates.some((c) => c.id === candidate.id)) {
    await openExplorer(page, link);
    await expect(page.locator(`#partner-list button[data-candidate="${candidate.id}"]`)).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect.poll(() => highlighted(page)).toEqual(sorted([...reasonNodes]));
  }
});

test('the paths panel lists the actors on most of the paths, highlighted on hover and click', async ({ page }) => {
  const from = 'firm/haier';
  const to = 'institute/buaa-qingdao';
  const through = await api<PathThroughPayload>(
    page,
    `/api/paths/through?dataset=laoshan&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  expect(through.through.length).toBeGreaterThan(0);
  await openExplorer(page, `?lang=en&panel=paths&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  await expect(page.locator('#path-list li').first()).toBeVisible();
  const items = page.locator('#paths-through li[data-node]');
  await expect(items).toHaveCount(through.through.length);
  expect(await page.evaluate(() => window.explorer?.pathsThrough())).toEqual(through.through.map((a) => a.id));
  const top = through.through[0];
  if (!top) throw new Error('nothing through');
  await expect(items.first()).toContainText(`${Math.round(top.share * 100)}%`);

  await items.first().locator('button').hover();
  await expect.poll(() => page.evaluate(() => window.explorer?.pathsThroughHighlighted())).toBe(top.id);
  expect(await highlighted(page)).toEqual(expect.arrayContaining([top.id, from, to]));
  await items.first().locator('button').click();
  await page.mouse.move(5, 5);
  await expect(items.first().locator('button')).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => window.explorer?.pathsThroughHighlighted())).toBe(top.id);
  expect((await graphPixels(page)).near(EMPHASIS, 30)).toBeGreaterThan(50);
  await saveScreenshot(page, 'paths-through');
});
