// The README's picture (docs/screenshot.png) is made here, in every `npm test` (or alone with
// `npm run screenshot`), so it shows the app as it is: the Laoshan map in Chinese with the conference
// (event/laoshan-sti-conference-2024, eight neighbours) selected and its details open, at 1400×860. Only URL parameters and
// window.explorer are used (plus the visible name and the graph area, as e2e/helpers.ts does),
// so that the page's markup can change without this test.
//
// The file is rewritten only when the picture really changed (e2e/doc-screenshot.ts), so that
// every test run does not leave a modified file in git.
import path from 'node:path';
import { keepPicture, steadyScreenshot } from './doc-screenshot.ts';
import { expect, graphPixels, test } from './helpers.ts';

const OUT = path.resolve('docs', 'screenshot.png');

test.use({ viewport: { width: 1400, height: 860 } });

test('README screenshot: the Laoshan map in Chinese, the conference selected with its details', async ({ page }) => {
  await page.goto('/?lang=zh&node=event/laoshan-sti-conference-2024&panel=details');
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 60_000 });
  expect(await page.evaluate(() => window.explorer?.lang())).toBe('zh');
  expect(await page.evaluate(() => window.explorer?.selected())).toBe('event/laoshan-sti-conference-2024');
  await expect(page.getByText('崂山区科技创新大会', { exact: true }).first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const picture = await steadyScreenshot(page);
  // The canvas really drew (nodes and labels, not an empty WebGL surface).
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(5_000);
  expect(await page.evaluate(() => window.explorer?.displayedLabels().length)).toBeGreaterThan(0);
  await keepPicture(page, OUT, picture);
});
