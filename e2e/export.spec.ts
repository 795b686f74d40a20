// Export of the view: PNG at 1×, 2×, 4× (with title and legend), SVG, and the visible subgraph
// as JSON, GEXF and CSV. Each file is checked for what a user would look at.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, openExplorer, SCREENSHOTS, test } from './helpers.ts';

async function exportFile(page: Page, kind: string): Promise<{ name: string; data: Buffer }> {
  await page.locator('#export-label').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`#export-menu [data-export="${kind}"]`).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), data: readFileSync(path) };
}

test('pictures: PNG at 1×, 2× and 4× with the network drawn, and SVG', async ({ page }) => {
  await openExplorer(page, '?lang=zh');
  const box = await page.locator('#graph-container').boundingBox();
  if (!box) throw new Error('no graph area');
  const sizes: number[] = [];
  for (const scale of [1, 2, 4]) {
    const { name, data } = await exportFile(page, `png${scale}`);
    expect(name).toMatch(new RegExp(`@${scale}x\\.png$`));
    const png = PNG.sync.read(data);
    expect(png.width).toBe(Math.round(box.width) * scale);
    expect(png.height).toBeGreaterThan(Math.round(box.height) * scale);
    // Drawn: many pixels that are neither white background nor grey.
    let coloured = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
    expect(coloured, `coloured pixels at ${scale}×`).toBeGreaterThan(500 * scale * scale);
    sizes.push(data.length);
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(`${SCREENSHOTS}/export@${scale}x.png`, data);
  }
  expect(sizes[2]!).toBeGreaterThan(sizes[0]!);

  const svg = (await exportFile(page, 'svg')).data.toString('utf8');
  const visible = await page.evaluate(() => window.explorer?.visibleNodeCount());
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.match(/<circle [^>]*data-id=/g)?.length).toBe(visible);
  expect(svg).toContain('崂山创新生态图谱');
  expect(svg).toContain('>企业<');
  // Several relations between the same two nodes are bent apart (curves), the rest are lines.
  const graph = (await (await page.request.get('/api/graph?dataset=laoshan')).json()) as {
    edges: { source: string; target: string }[];
  };
  const perPair = new Map<string, number>();
  for (const e of graph.edges) {
    const key = [e.source, e.target].sort().join(' ');
    perPair.set(key, (perPair.get(key) ?? 0) + 1);
  }
  const parallel = [...perPair.values()].filter((n) => n > 1).reduce((sum, n) => sum + n, 0);
  expect(parallel).toBeGreaterThan(0);
  expect(svg.match(/<path d="M[^"]* Q/g)?.length).toBe(parallel);
  expect(svg.match(/<line /g)?.length).toBe(graph.edges.length - parallel);
});

test('data: the visible subgraph as JSON, GEXF and CSV', async ({ page }) => {
  await openExplorer(page, '?lang=en&hide=Indicator');
  const visible = await page.evaluate(() => ({
    nodes: window.explorer?.visibleNodeCount() ?? 0,
    edges: window.explorer?.visibleEdgeCount() ?? 0,
  }));
  const json = JSON.parse((await exportFile(page, 'json')).data.toString('utf8'));
  expect(json.nodes).toHaveLength(visible.nodes);
  expect(json.edges).toHaveLength(visible.edges);
  expect(json.nodes.some((n: { type: string }) => n.type === 'Indicator')).toBe(false);
  const gexf = (await exportFile(page, 'gexf')).data.toString('utf8');
  expect(gexf).toContain('<gexf');
  expect(gexf.match(/<node /g)?.length).toBe(visible.nodes);
  expect(gexf.match(/<edge /g)?.length).toBe(visible.edges);
  expect(gexf).toContain('海尔集团');

  await page.locator('#export-label').click();
  const downloads: { name: string; text: string }[] = [];
  page.on('download', async (d) =>
    downloads.push({ name: d.suggestedFilename(), text: readFileSync(await d.path()).toString('utf8') }),
  );
  await page.locator('#export-menu [data-export="csv"]').click();
  await expect.poll(() => downloads.length).toBe(2);
  const nodes = downloads.find((d) => d.name.endsWith('-nodes.csv'));
  const edges = downloads.find((d) => d.name.endsWith('-edges.csv'));
  expect(nodes?.text.trim().split('\r\n')).toHaveLength((visible.nodes ?? 0) + 1);
  expect(edges?.text.trim().split('\r\n')).toHaveLength((visible.edges ?? 0) + 1);
});

test('data: the whole dataset with its evidence, from the export menu', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  await page.locator('#export-label').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#export-menu [data-dataset-export="format=graphml"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe('laoshan.graphml');
  const graphml = readFileSync(await download.path()).toString('utf8');
  expect(graphml).toContain('<graphml');
  expect(graphml.match(/<node /g)?.length).toBe(100);
  // The evidence travels with the facts: the sentence that names Haier among the top ten.
  expect(graphml).toContain('评选海尔集团等崂山区十强科技创新企业进行表彰');
});
