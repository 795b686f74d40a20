// Names and properties from data are text: a dataset full of markup shows it literally and
// runs none of it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clickNode, expect, openExplorer, saveScreenshot, seedE2e, test } from './helpers.ts';

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const SVG = '<svg onload="window.__xss=3"></svg>';

test.beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xss-'));
  mkdirSync(path.join(dir, 'nodes'));
  mkdirSync(path.join(dir, 'sources'));
  const text = `${IMG} 与 ${SCRIPT} 相连。${SVG}`;
  writeFileSync(path.join(dir, 'sources', 'x.txt'), text);
  writeFileSync(path.join(dir, 'dataset.yaml'), 'name: xss\ntitle_zh: "<b>标题</b>"\ntitle_en: "<b>title</b>"\n');
  writeFileSync(
    path.join(dir, 'sources.yaml'),
    '- id: source/x\n  title: "<i>source</i>"\n  date: 2024-06-19\n  language: zh\n  file: sources/x.txt\n',
  );
  const ev = (quote: string) => `  evidence:\n    - source: source/x\n      quote: ${JSON.stringify(quote)}\n`;
  writeFileSync(
    path.join(dir, 'nodes', 'Firm.yaml'),
    `- id: firm/img\n  name_zh: ${JSON.stringify(IMG)}\n  name_en: ${JSON.stringify(SCRIPT)}\n  description_en: ${JSON.stringify(SVG)}\n${ev(IMG)}` +
      `- id: firm/script\n  name_zh: ${JSON.stringify(SCRIPT)}\n  name_en: ${JSON.stringify(IMG)}\n${ev(SCRIPT)}`,
  );
  writeFileSync(
    path.join(dir, 'relations.yaml'),
    `- source: firm/img\n  type: SUPPORTS\n  target: firm/script\n  note: ${JSON.stringify(SVG)}\n${ev(`${IMG} 与 ${SCRIPT} 相连`)}`,
  );
  seedE2e(['--dir', dir]);
});

test('markup in names, descriptions, quotes and notes is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openExplorer(page, '?dataset=xss&lang=zh');
  await clickNode(page, 'firm/img');
  const details = page.locator('#details');
  await expect(details.locator('[data-field="name_zh"]')).toHaveText(IMG);
  await expect(details.locator('[data-field="name_en"]')).toHaveText(SCRIPT);
  await expect(details.locator('blockquote.evidence').first()).toContainText(IMG);
  await expect(details.locator('button.relation-link')).toHaveText(SCRIPT);
  // Nothing was parsed as markup: no element from the data exists, no handler ran.
  expect(await page.locator('#details img, #details script, #details svg, #legend img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await page.locator('#lang-toggle').click();
  await expect(details.locator('[data-field="name_en"]')).toHaveText(SCRIPT);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await saveScreenshot(page, 'xss-as-text');
});
