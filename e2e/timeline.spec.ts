// The time bar: the network as of a year. The slider hides the nodes dated later and shows them
// again, undated nodes stay and are counted, playback advances a year at a time and stops at the
// last one (or when the dataset goes), `year=` in the link restores the view, and in play mode
// the bar shows only while the view has a year.
import { E2E_ADMIN_TOKEN } from '../playwright.config.ts';
import { expect, graphPixels, nodesDrawn, openExplorer, test } from './helpers.ts';
import type { Page } from '@playwright/test';

/** A small dataset with a node or more in each of five years, and three undated ones. */
const TIMELINE_DATASET = 'timeline-e2e';
const DATED: [id: string, year: number][] = [
  ['firm/y2016-a', 2016],
  ['firm/y2016-b', 2016],
  ['firm/y2017-a', 2017],
  ['firm/y2018-a', 2018],
  ['firm/y2018-b', 2018],
  ['firm/y2018-c', 2018],
  ['firm/y2019-a', 2019],
  ['firm/y2020-a', 2020],
];
const UNDATED = ['park/science', 'park/ocean', 'institute/marine'];

function timelineDataset(): string {
  const nodes = [
    ...DATED.map(([id, year]) => ({
      id,
      type: 'Firm',
      name_zh: `企业${id.slice(6)}`,
      name_en: `Firm ${id.slice(6)}`,
      year,
    })),
    { id: 'park/science', type: 'Park', name_zh: '科技园', name_en: 'Science Park' },
    { id: 'park/ocean', type: 'Park', name_zh: '海洋园', name_en: 'Ocean Park' },
    { id: 'institute/marine', type: 'Institute', name_zh: '海洋研究所', name_en: 'Marine Institute' },
  ];
  const edges = DATED.flatMap(([id], i) => [
    { id: `e${i}-park`, source: id, target: i % 2 ? 'park/science' : 'park/ocean', type: 'LOCATED_IN' },
    { id: `e${i}-inst`, source: id, target: 'institute/marine', type: 'COLLABORATES_WITH' },
  ]);
  return JSON.stringify({ dataset: TIMELINE_DATASET, nodes, edges });
}

type Timeline = { year?: number; years: number[]; playing: boolean; shown: number; undated: number };
const timeline = (page: Page) => page.evaluate(() => window.explorer?.timeline()) as Promise<Timeline>;

/** The curated dataset's nodes by year, from the API (what the app must show as of each year). */
async function curatedYears(page: Page): Promise<{ dated: Map<string, number>; undated: string[] }> {
  const graph = (await (await page.request.get('/api/graph?dataset=laoshan')).json()) as {
    nodes: { id: string; year?: number }[];
  };
  const dated = new Map<string, number>();
  const undated: string[] = [];
  for (const n of graph.nodes)
    if (typeof n.year === 'number') dated.set(n.id, n.year);
    else undated.push(n.id);
  return { dated, undated };
}

test.beforeAll(async ({ request }) => {
  const answer = await request.post('/api/import', {
    headers: { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    multipart: {
      files: { name: 'timeline.json', mimeType: 'application/json', buffer: Buffer.from(timelineDataset()) },
      dataset: TIMELINE_DATASET,
      mode: 'new',
    },
  });
  expect(answer.status(), await answer.text()).toBeLessThan(300);
});

test('the slider hides the nodes dated after the year and shows them again; undated nodes stay', async ({ page }) => {
  const { dated, undated } = await curatedYears(page);
  const years = [...new Set(dated.values())].sort((a, b) => a - b);
  expect(years.length, 'the curated dataset has at least two years').toBeGreaterThanOrEqual(2);
  const first = years[0]!;
  const later = [...dated].filter(([, y]) => y > first).map(([id]) => id);
  const total = dated.size + undated.length;

  await openExplorer(page, '?lang=en');
  await expect(page.locator('#timebar')).toBeVisible();
  expect(await timeline(page)).toMatchObject({ year: undefined, years, shown: total, undated: undated.length });
  await expect(page.locator('#timebar-label')).toHaveText(
    `All years · ${total} shown · ${undated.length} undated always shown`,
  );
  const laterDrawnAtFirst = await nodesDrawn(page, later);
  expect(laterDrawnAtFirst, 'the later nodes are drawn when every year shows').toBeGreaterThan(0);

  // To the first year (Home on the slider): the later nodes go, the undated ones stay.
  await page.locator('#timebar-year').focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => (await timeline(page)).year).toBe(first);
  expect(await timeline(page)).toMatchObject({ shown: total - later.length, undated: undated.length });
  const visible = new Set(await page.evaluate(() => window.explorer?.visibleNodeIds() ?? []));
  expect(
    later.filter((id) => visible.has(id)),
    'nodes dated later are hidden',
  ).toEqual([]);
  expect(
    undated.filter((id) => !visible.has(id)),
    'undated nodes stay',
  ).toEqual([]);
  await expect(page.locator('#timebar-label')).toHaveText(
    `≤ ${first} · ${total - later.length} shown · ${undated.length} undated always shown`,
  );
  expect(page.url()).toContain(`year=${first}`);
  await expect.poll(() => nodesDrawn(page, later)).toBeLessThan(laterDrawnAtFirst);
  expect((await graphPixels(page)).nonBackground, 'the rest is still drawn').toBeGreaterThan(2_000);

  // Back to the end: every node again, and "All years" clears the year from the link.
  await page.keyboard.press('End');
  await expect.poll(async () => (await timeline(page)).shown).toBe(total);
  await page.locator('#timebar-all').click();
  await expect.poll(async () => (await timeline(page)).year).toBeUndefined();
  expect(page.url()).not.toContain('year=');
  await expect(page.locator('#timebar-all')).toBeHidden();
  // Back undoes it.
  await page.goBack();
  await expect.poll(async () => (await timeline(page)).year).toBe(years[years.length - 1]);
});

test('year= in the link restores the view; a year outside the data is clamped into its range', async ({ page }) => {
  const { dated, undated } = await curatedYears(page);
  const years = [...new Set(dated.values())].sort((a, b) => a - b);
  const first = years[0]!;
  const atFirst = [...dated.values()].filter((y) => y <= first).length + undated.length;

  await openExplorer(page, `?lang=zh&year=${first}`);
  expect(await timeline(page)).toMatchObject({ year: first, shown: atFirst, undated: undated.length });
  expect(await page.evaluate(() => window.explorer?.visibleNodeCount())).toBe(atFirst);
  await expect(page.locator('#timebar-year')).toHaveValue('0');
  await expect(page.locator('#timebar-label')).toHaveText(
    `≤ ${first} 年 · 显示 ${atFirst} 个 · ${undated.length} 个无年份节点始终显示`,
  );
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(2_000);

  await openExplorer(page, '?lang=en&year=1900');
  expect((await timeline(page)).year).toBe(first);
  expect(page.url()).toContain(`year=${first}`);
  await openExplorer(page, '?lang=en&year=2999');
  expect((await timeline(page)).year).toBe(years[years.length - 1]);
  expect((await timeline(page)).shown).toBe(dated.size + undated.length);
  await openExplorer(page, '?lang=en&year=20x5');
  expect((await timeline(page)).year).toBeUndefined();
});

test('playback advances a year at a time from the first to the last, then stops', async ({ page }) => {
  await openExplorer(page, `?dataset=${TIMELINE_DATASET}&lang=en`);
  const years = [2016, 2017, 2018, 2019, 2020];
  expect(await timeline(page)).toMatchObject({ year: undefined, years, shown: 11, undated: 3 });
  await page.locator('#timebar-play').click();
  for (const year of years) {
    // Each year as it is shown: its own nodes and the earlier ones, and the three undated.
    const seen = (await (
      await page.waitForFunction((y) => {
        const now = window.explorer?.timeline();
        return now?.year === y ? now : undefined;
      }, year)
    ).jsonValue()) as Timeline;
    const expected = DATED.filter(([, y]) => y <= year).length + UNDATED.length;
    expect(seen.shown, `as of ${year}`).toBe(expected);
    expect(seen.undated).toBe(3);
  }
  await expect.poll(async () => (await timeline(page)).playing).toBe(false);
  expect((await timeline(page)).year).toBe(2020);
  await expect(page.locator('#timebar-play')).toHaveAttribute('aria-pressed', 'false');
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(1_000);

  // The key y plays from the start again and pauses.
  await page.locator('#graph-container').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('y');
  await expect.poll(async () => (await timeline(page)).playing).toBe(true);
  expect((await timeline(page)).year).toBeLessThan(2020);
  await page.keyboard.press('y');
  await expect.poll(async () => (await timeline(page)).playing).toBe(false);

  // Playing while the dataset is switched: the timer stops with the dataset.
  await page.locator('#timebar-play').click();
  await expect.poll(async () => (await timeline(page)).playing).toBe(true);
  await page.locator('#dataset-select').selectOption('laoshan');
  await page.waitForFunction(
    () => window.explorer?.phase() === 'ready' && window.explorer.view().dataset === 'laoshan',
  );
  expect(await timeline(page)).toMatchObject({ playing: false, year: undefined });
});

test('in play mode the bar shows while the view has a year', async ({ page }) => {
  await openExplorer(page, `?dataset=${TIMELINE_DATASET}&lang=en&year=2018`);
  await page.evaluate(() => (document.body.dataset.mode = 'play'));
  await expect(page.locator('#timebar')).toBeVisible();
  await page.locator('#timebar-all').click();
  await expect(page.locator('#timebar')).toBeHidden();
  await page.evaluate(() => delete document.body.dataset.mode);
  await expect(page.locator('#timebar')).toBeVisible();
});
