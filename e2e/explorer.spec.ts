import { clickNode, expect, graphPixels, openExplorer, saveScreenshot, test } from './helpers.ts';

test.describe('the Laoshan network in the browser', () => {
  test('loads, shows progress, lays out and draws the network in colour', async ({ page }) => {
    await page.goto('/?lang=en');
    await expect(page.locator('#progress')).toBeVisible();
    await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 60_000 });
    await expect(page.locator('#progress')).toBeHidden();

    const schema = await (await page.request.get('/api/schema')).json();
    const nodeCount = await page.evaluate(() => window.explorer?.nodeIds().length);
    const expected = schema.nodeTypes.reduce((sum: number, t: { count: number }) => sum + t.count, 0);
    expect(nodeCount).toBe(expected);

    const pixels = await graphPixels(page);
    expect(pixels.nonBackground, 'the canvas has drawn').toBeGreaterThan(2_000);
    // Every node type present in the data shows up in its legend colour on the canvas.
    for (const type of schema.nodeTypes.filter((t: { count: number }) => t.count > 0)) {
      expect(pixels.near(type.color), `pixels in the colour of ${type.type}`).toBeGreaterThan(20);
    }
    const legend = page.locator('#filter-types li');
    await expect(legend).toHaveCount(schema.nodeTypes.filter((t: { count: number }) => t.count > 0).length);
    await expect(page.locator('#legend li[data-type="Firm"]')).toContainText('Firm');
    await saveScreenshot(page, 'network-en');
  });

  test('clicking a node opens its bilingual details and the evidence', async ({ page }) => {
    await openExplorer(page, '?lang=en');
    await clickNode(page, 'firm/haier');
    const details = page.locator('#details');
    await expect(details).toBeVisible();
    await expect(details.locator('[data-field="name_zh"]')).toHaveText('海尔集团');
    await expect(details.locator('[data-field="name_en"]')).toHaveText('Haier Group');
    await expect(details.locator('blockquote.evidence').first()).toContainText(
      '评选海尔集团等崂山区十强科技创新企业进行表彰',
    );
    expect(await page.evaluate(() => window.explorer?.selected())).toBe('firm/haier');
    // Properties by their names in the UI's language, not the data's keys.
    await expect(details.locator('dl')).toContainText('Aliases');
    await expect(details.locator('dl')).toContainText('English name');
    await expect(details.locator('dl')).toContainText('official');
    await page.locator('#lang-toggle').click();
    await expect(details.locator('dl')).toContainText('别名');
    await expect(details.locator('dl')).toContainText('官方英文名');
    await expect(details.locator('dl')).not.toContainText('name_en_basis');
    await page.locator('#lang-toggle').click();
    await saveScreenshot(page, 'details-haier');

    // A relation in the panel leads to the neighbour.
    await details.locator('button.relation-link[data-node="honor/top10-sti-firms"]').click();
    await expect(details.locator('[data-field="name_zh"]')).toHaveText('崂山区十强科技创新企业');
  });

  test('hovering a node highlights its neighbourhood and fades the rest', async ({ page }) => {
    await openExplorer(page, '?lang=en');
    const before = await graphPixels(page);
    const position = await page.evaluate(() => window.explorer?.nodePosition('firm/haier'));
    const box = await page.locator('#graph-container').boundingBox();
    if (!position || !box) throw new Error('haier is not drawn');
    await page.mouse.move(box.x + position.x, box.y + position.y);
    await expect.poll(async () => (await graphPixels(page)).near('#e3e6ec', 6)).toBeGreaterThan(200);
    const after = await graphPixels(page);
    expect(after.near('#ff7f0e')).toBeGreaterThan(20);
    expect(after.near('#e3e6ec', 6)).toBeGreaterThan(before.near('#e3e6ec', 6));
  });
});

test.describe('Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('is the default for a Chinese browser, with CJK glyphs available', async ({ page }) => {
    await openExplorer(page);
    await expect(page.locator('#title')).toHaveText('崂山创新生态图谱');
    await expect(page.locator('#legend li[data-type="Firm"]')).toContainText('企业');
    // With no CJK font every Han character draws as the same box; with one they differ.
    const distinct = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 32;
      const ctx = canvas.getContext('2d');
      if (!ctx) return false;
      const draw = (ch: string) => {
        ctx.clearRect(0, 0, 64, 32);
        ctx.font = '24px "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
        ctx.fillText(ch, 4, 26);
        return Array.from(ctx.getImageData(0, 0, 64, 32).data).join(',');
      };
      return draw('海') !== draw('尔') && draw('尔') !== draw('崂');
    });
    expect(distinct, 'Han characters render as distinct glyphs').toBe(true);
    await saveScreenshot(page, 'network-zh');
    await clickNode(page, 'firm/haier');
    await expect(page.locator('#details h3').first()).toHaveText('依据');
    await saveScreenshot(page, 'details-zh');
  });
});

test.describe('lifecycle', () => {
  test('destroying the explorer kills sigma and the layout worker', async ({ page }) => {
    await page.goto('/?lang=en');
    await page.waitForFunction(() => window.explorer?.phase() === 'layout' || window.explorer?.phase() === 'ready');
    expect(await page.locator('#graph-container canvas').count()).toBeGreaterThan(0);
    // Drawn from the server's stored layout, nothing runs on load: the layout button starts the worker.
    if (!(await page.evaluate(() => window.explorer?.layoutRunning()))) await page.locator('#layout-toggle').click();
    await expect.poll(() => page.workers().length).toBeGreaterThan(0);
    await page.evaluate(() => window.explorer?.destroy());
    await expect(page.locator('#graph-container canvas')).toHaveCount(0);
    expect(await page.evaluate(() => window.explorer?.layoutRunning())).toBe(false);
    await expect.poll(() => page.workers().length).toBe(0);
  });
});
