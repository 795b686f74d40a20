// Level of detail at 100k: the synthetic dataset of 100,000 nodes and 500,000 relations opens as
// its communities (aggregate nodes; the server's threshold is 20,000 nodes), an aggregate expands
// in place into its members and is drawn, and search finds a node of a collapsed aggregate,
// loaded with its neighbourhood. Part of `npm test` (e2e/ holds it) and `npm run test:scale`; seeding
// 100k takes a few minutes.
// LOD_E2E_NODES seeds a smaller dataset instead (with LOD_THRESHOLD below it on the server).
import type { AggregateMembersPayload } from '../../domain/api-types.ts';
import { clickNode, expect, graphPixels, saveScreenshot, seedE2e, test } from '../helpers.ts';

const NODES = Number(process.env.LOD_E2E_NODES ?? 100_000);
const NAME = `synthetic-lod-${NODES}`;

test.beforeAll(() => {
  test.setTimeout(900_000);
  seedE2e(['--synthetic', String(NODES), '--seed', '13', '--dataset', NAME]);
});

test('100k nodes: communities drawn, one expanded in place, a node of another found by search', async ({
  page,
  request,
}) => {
  test.setTimeout(900_000);
  await page.goto(`/?dataset=${NAME}&lang=en`);
  // The communities are computed on the first visit (about 80 s at 100k on 2 busy cores).
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 600_000 });
  const aggregates = await page.evaluate(() => window.explorer?.aggregateIds() ?? []);
  expect(aggregates.length).toBeGreaterThan(1);
  expect(await page.evaluate(() => window.explorer?.nodeIds().length)).toBe(aggregates.length);
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(2_000);

  const [largest, other] = aggregates as [string, string];
  await clickNode(page, largest);
  await expect
    .poll(() => page.evaluate(() => window.explorer?.expandedAggregates() ?? []), { timeout: 120_000 })
    .toEqual([largest]);
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 120_000 });
  expect(await page.evaluate(() => window.explorer?.nodeIds().length)).toBeGreaterThan(aggregates.length + 10);
  expect(new URL(page.url()).searchParams.get('lod')).toBe(largest.replace('@community-', ''));
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(2_000);
  await saveScreenshot(page, 'lod-expanded');

  // A member of a collapsed aggregate: not drawn, found by its English name.
  const answer = await request.get(`/api/aggregates/${encodeURIComponent(other)}/members?dataset=${NAME}&limit=1`);
  const member = ((await answer.json()) as AggregateMembersPayload).nodes[0]!;
  expect(await page.evaluate((id) => window.explorer?.nodeIds().includes(id), member.id)).toBe(false);
  await page.locator('#search-input').fill(member.name_en);
  await page.locator(`#search-results li[data-node="${member.id}"]`).click({ timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => window.explorer?.selected()), { timeout: 120_000 }).toBe(member.id);
  await expect(page.locator('#details')).toBeVisible();

  // The link brings the same view back: the aggregate expanded, the found node selected.
  const copy = await page.context().newPage();
  await copy.goto(`/${new URL(page.url()).search}`);
  await copy.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 300_000 });
  expect(await copy.evaluate(() => window.explorer?.expandedAggregates())).toEqual([largest]);
  expect(await copy.evaluate(() => window.explorer?.selected())).toBe(member.id);
  await copy.close();
});
