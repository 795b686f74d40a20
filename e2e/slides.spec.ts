// Slide export: the view as a 16:9 slide. The 3840×2160 PNG is checked for its size and decoded
// in the page to see that it drew; the SVG is parsed: 16:9, the Chinese title, footnote and date
// as text, a circle per visible node, highlights and metric colours as drawn, names from the
// data escaped, nothing scripted or embedded.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Page } from '@playwright/test';
import { expect, openExplorer, SCREENSHOTS, seedE2e, test } from './helpers.ts';

const SOURCE_TITLE = '崂山区召开科技创新大会 建设具有引领作用的科创强区';

/** Opens the slide dialog for `kind`, optionally types a title, exports, and reads the download. */
async function exportSlide(page: Page, kind: string, title?: string): Promise<{ name: string; data: Buffer }> {
  await page.locator('#export-label').click();
  await page.locator(`#export-menu [data-slide="${kind}"]`).click();
  const input = page.locator('#slide-dialog #slide-title');
  await expect(input).toBeVisible();
  // Prefilled (the dataset's title here: no story step is shown).
  await expect(input).not.toHaveValue('');
  if (title !== undefined) await input.fill(title);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#slide-export').click()]);
  await expect(page.locator('#slide-dialog')).toBeHidden();
  return { name: download.suggestedFilename(), data: readFileSync(await download.path()) };
}

interface ParsedSvg {
  error: string | null;
  viewBox: string | null;
  texts: { role: string; text: string; weight: string | null }[];
  circles: { id: string; fill: string | null; ringed: boolean }[];
  forbidden: number;
  paths: string[];
  gradient: boolean;
  fontFamily: string | null;
  background: string | null;
}

/** Parses the SVG as the browser would (an XML error is reported, not hidden). */
function parseSvg(page: Page, svg: string): Promise<ParsedSvg> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      viewBox: root.getAttribute('viewBox'),
      texts: [...doc.querySelectorAll('text')].map((t) => ({
        role: t.getAttribute('class') ?? '',
        text: t.textContent ?? '',
        weight: t.getAttribute('font-weight'),
      })),
      circles: [...doc.querySelectorAll('circle[data-id]')].map((c) => ({
        id: c.getAttribute('data-id') ?? '',
        fill: c.getAttribute('fill'),
        ringed: c.hasAttribute('stroke'),
      })),
      forbidden: doc.querySelectorAll('script, foreignObject, image, img, iframe, [onload], [onerror]').length,
      paths: [...doc.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? ''),
      gradient: doc.querySelector('linearGradient#slide-ramp') !== null,
      fontFamily: root.getAttribute('font-family'),
      background: doc.querySelector('svg > rect')?.getAttribute('fill') ?? null,
    };
  }, svg);
}

const todayInPage = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

test('slide PNG at 3840×2160: its header says so, and the network, title and legend are drawn', async ({ page }) => {
  await openExplorer(page, '?lang=zh');
  const { name, data } = await exportSlide(page, 'slide3840');
  expect(name).toMatch(/^laoshan-slide-\d{4}-\d{2}-\d{2}-3840x2160\.png$/);
  // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers.
  expect(data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(data.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect([data.readUInt32BE(16), data.readUInt32BE(20)]).toEqual([3840, 2160]);
  expect(data.length).toBeGreaterThan(150_000);
  expect(data.length).toBeLessThan(25_000_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(`${SCREENSHOTS}/slide-3840x2160.png`, data);

  // Decoded by the browser: many pixels differ from the background, many are saturated (node
  // colours), and the slide is drawn across its whole width (legend on the right).
  const pixels = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data: rgba, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const bg = [rgba[0]!, rgba[1]!, rgba[2]!];
    let differing = 0;
    let coloured = 0;
    let rightmost = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
      if (Math.abs(r - bg[0]!) + Math.abs(g - bg[1]!) + Math.abs(b - bg[2]!) > 30) {
        differing++;
        rightmost = Math.max(rightmost, (i / 4) % width);
      }
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
    return { width, height, differing, coloured, rightmost };
  }, data.toString('base64'));
  expect([pixels.width, pixels.height]).toEqual([3840, 2160]);
  expect(pixels.differing).toBeGreaterThan(0.02 * 3840 * 2160);
  expect(pixels.coloured).toBeGreaterThan(50_000);
  expect(pixels.rightmost).toBeGreaterThan(0.8 * 3840);
});

test('slide SVG: 16:9, the Chinese title, footnote and date as text, a circle per visible node', async ({ page }) => {
  await openExplorer(page, '?lang=zh');
  const title = '崂山创新生态 <第一步> & "平台"';
  const { name, data } = await exportSlide(page, 'slidesvg', title);
  expect(name).toMatch(/^laoshan-slide-\d{4}-\d{2}-\d{2}\.svg$/);
  const svg = data.toString('utf8');
  writeFileSync(`${SCREENSHOTS}/slide.svg`, svg);
  const parsed = await parseSvg(page, svg);
  expect(parsed.error).toBeNull();
  const [x, y, width, height] = (parsed.viewBox ?? '').split(' ').map(Number);
  expect([x, y]).toEqual([0, 0]);
  expect(width! / height!).toBeCloseTo(16 / 9, 5);
  // The typed title, markup characters and all, is the text of the title element.
  expect(parsed.texts.find((t) => t.role === 'title')?.text).toBe(title);
  expect(parsed.texts.find((t) => t.role === 'footnote')?.text).toContain(SOURCE_TITLE);
  expect(parsed.texts.find((t) => t.role === 'date')?.text).toContain(await todayInPage(page));
  // The legend names the node types drawn, in Chinese.
  expect(parsed.texts.filter((t) => t.role === 'legend').map((t) => t.text)).toContain('企业');
  // Labels are text too: Haier's Chinese name is among them.
  expect(parsed.texts.filter((t) => t.role === 'label').map((t) => t.text)).toContain('海尔集团');
  const visible = await page.evaluate(() => window.explorer?.visibleNodeIds().sort());
  expect(parsed.circles.map((c) => c.id).sort()).toEqual(visible);
  expect(parsed.forbidden).toBe(0);
  expect(svg).not.toMatch(/<script|<foreignObject|<image|base64/i);
  // Paths are edges (quadratic curves of parallel relations), never glyph outlines.
  for (const d of parsed.paths) expect(d).toMatch(/^M[-\d.]+,[-\d.]+ Q[-\d.]+,[-\d.]+ [-\d.]+,[-\d.]+$/);
  for (const family of ['Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'])
    expect(parsed.fontFamily).toContain(family);

  // The dataset's sources as the app reads them; bad input is a 400 naming the field.
  const sources = await (await page.request.get('/api/sources?dataset=laoshan')).json();
  expect(sources).toMatchObject({ dataset: 'laoshan', total: 1, sources: [{ title: SOURCE_TITLE }] });
  expect(sources.sources[0].text).toBeUndefined();
  const bad = await page.request.get('/api/sources?dataset=laoshan&limit=0');
  expect(bad.status()).toBe(400);
  expect(JSON.stringify(await bad.json())).toContain('limit');
});

test('slide SVG as drawn: the theme, a selection highlighted, metric colours and their scale', async ({ page }) => {
  await openExplorer(page, '?lang=en&theme=dark&node=firm%2Fhaier&color=betweenness');
  await page.waitForFunction(() => window.explorer?.metricsStatus() === 'ready', null, { timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => window.explorer?.metricColorBy())).toBe('betweenness');
  const expected = await page.evaluate(() => ({
    label: window.explorer!.label('firm/haier'),
    highlighted: window.explorer!.highlighted(),
    colours: Object.fromEntries(window.explorer!.visibleNodeIds().map((id) => [id, window.explorer!.nodeColor(id)])),
    background: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
  }));
  expect(expected.background).not.toBe('');
  expect(expected.highlighted).toContain('firm/haier');
  const svg = (await exportSlide(page, 'slidesvg')).data.toString('utf8');
  writeFileSync(`${SCREENSHOTS}/slide-selection-betweenness.svg`, svg);
  const parsed = await parseSvg(page, svg);
  expect(parsed.error).toBeNull();
  // The page's background of the dark theme.
  expect(parsed.background).toBe(expected.background);
  // The selected node is ringed and its label bold; every node has the colour sigma draws it in.
  expect(parsed.circles.filter((c) => c.ringed).map((c) => c.id)).toEqual(['firm/haier']);
  expect(parsed.texts.find((t) => t.text === expected.label)?.weight).toBe('600');
  for (const c of parsed.circles) expect(c.fill, c.id).toBe(expected.colours[c.id]);
  // Coloured by a measure: the legend shows its scale instead of the type colours.
  expect(parsed.gradient).toBe(true);
  expect(parsed.texts.map((t) => t.text)).toContain('Colour: Betweenness');
  // The dataset's title was the prefilled title; the English footnote names the source.
  expect(parsed.texts.find((t) => t.role === 'title')?.text).toBe('Laoshan District innovation ecosystem');
  expect(parsed.texts.find((t) => t.role === 'footnote')?.text).toBe(`Source: ${SOURCE_TITLE} (2024-06-19)`);
});

const IMG = '<img src=x onerror="window.__xss=1">';
const AMP = 'R&D <Lab> "A" & \'B\'';

test('slide SVG of a dataset with markup in its names: escaped text, still valid, nothing runs', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'slide-xss-'));
  mkdirSync(path.join(dir, 'nodes'));
  mkdirSync(path.join(dir, 'sources'));
  writeFileSync(path.join(dir, 'sources', 'x.txt'), `${IMG} 与 ${AMP} 相连。`);
  writeFileSync(
    path.join(dir, 'dataset.yaml'),
    'name: slidexss\ntitle_zh: "<b>标题</b> & 副题"\ntitle_en: "<b>t</b>"\n',
  );
  writeFileSync(
    path.join(dir, 'sources.yaml'),
    '- id: source/x\n  title: "<i>source</i> & co"\n  date: 2024-06-19\n  language: zh\n  file: sources/x.txt\n',
  );
  const ev = (quote: string) => `  evidence:\n    - source: source/x\n      quote: ${JSON.stringify(quote)}\n`;
  writeFileSync(
    path.join(dir, 'nodes', 'Firm.yaml'),
    `- id: firm/img\n  name_zh: ${JSON.stringify(IMG)}\n  name_en: ${JSON.stringify(IMG)}\n${ev(IMG)}` +
      `- id: firm/amp\n  name_zh: ${JSON.stringify(AMP)}\n  name_en: ${JSON.stringify(AMP)}\n${ev(AMP)}`,
  );
  writeFileSync(
    path.join(dir, 'relations.yaml'),
    `- source: firm/img\n  type: SUPPORTS\n  target: firm/amp\n${ev(`${IMG} 与 ${AMP} 相连`)}`,
  );
  seedE2e(['--dir', dir]);

  await openExplorer(page, '?dataset=slidexss&lang=zh');
  // The dataset's title, markup and all, is offered as the title, as text.
  const svg = (await exportSlide(page, 'slidesvg')).data.toString('utf8');
  const parsed = await parseSvg(page, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.forbidden).toBe(0);
  expect(parsed.texts.find((t) => t.role === 'title')?.text).toBe('<b>标题</b> & 副题');
  expect(parsed.texts.find((t) => t.role === 'footnote')?.text).toBe('来源:<i>source</i> & co (2024-06-19)');
  const labels = parsed.texts.filter((t) => t.role === 'label').map((t) => t.text);
  expect(labels).toEqual(expect.arrayContaining([IMG, AMP]));
  expect(parsed.circles.map((c) => c.id).sort()).toEqual(['firm/amp', 'firm/img']);
  // Drawn by the browser as an image (the way slides embed it): it loads, and nothing ran.
  const loaded = await page.evaluate(async (text) => {
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  }, svg);
  expect(loaded).toEqual({ width: 1920, height: 1080 });
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
