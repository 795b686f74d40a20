// The offline bundle (`npm run export:bundle`, docs/offline.md): the CLI writes a folder from the
// e2e server's Neo4j, and Chromium opens its index.html from file:// with every request that is
// not a file aborted — and none may even be attempted. The copy draws the map, finds a Chinese
// name, shows its details, evidence and source text, and plays the built-in story.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import type { SearchHit } from '../domain/api-types.ts';
import type { OfflineBundle } from '../domain/offline-bundle.ts';
import { offlineSearch } from '../web/src/data/offline-search.ts';
import { e2eCliEnv, expect, graphPixels, nodesDrawn, saveScreenshot, test } from './helpers.ts';

/** The bundle's web part is built beside this run's web build (two runs side by side each have their own). */
const BUNDLE_WEB_DIR = process.env.BUNDLE_WEB_DIR ?? `${process.env.WEB_DIST_DIR || 'dist/web'}-bundle`;

function exportBundle(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/export-bundle.ts', ...args], {
    encoding: 'utf8',
    env: { ...e2eCliEnv(), BUNDLE_WEB_DIR },
    timeout: 240_000,
  });
}

/** Aborts every request that is not for a file, and records it (the copy must attempt none). */
async function offlineOnly(context: BrowserContext): Promise<string[]> {
  const attempted: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    attempted.push(url);
    return route.abort('internetdisconnected');
  });
  return attempted;
}

async function openCopy(page: Page, folder: string, query: string): Promise<void> {
  await page.goto(`${pathToFileURL(path.join(folder, 'index.html')).href}${query}`);
  await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 60_000 });
}

test.describe.serial('the offline bundle', () => {
  let folder = '';
  let printed = '';

  test.beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'explorer-bundle-'));
    const run = exportBundle(['--dataset', 'laoshan', '--out', folder, '--force']);
    expect(run.status, run.stderr).toBe(0);
    printed = run.stdout;
  });

  test.afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('the CLI reports every file of the folder and its size', () => {
    for (const file of ['index.html', 'app.js', 'app.css', 'data.js']) {
      expect(printed).toMatch(
        new RegExp(`^\\s+${file.replace('.', '\\.')}\\s+[\\d.]+ (B|kB|MB)\\s+\\([\\d,]+ bytes\\)$`, 'm'),
      );
    }
    const total = /^\s+total\s+[\d.]+ (?:kB|MB)\s+\(([\d,]+) bytes\)$/m.exec(printed);
    expect(Number(total?.[1]?.replace(/,/g, ''))).toBeGreaterThan(100_000);
    expect(printed).toContain('dataset "laoshan": 100 nodes');
    // Classic scripts only: Chromium runs no ES module from file://.
    const html = readFileSync(path.join(folder, 'index.html'), 'utf8');
    expect(html).not.toContain('type="module"');
    expect(html).toMatch(/<script src="\.\/data\.js"><\/script>\s*<script src="\.\/app\.js"><\/script>/);
  });

  test('the CLI refuses an unknown dataset, an unknown story and a folder in use, naming each', () => {
    const unknownDataset = exportBundle(['--dataset', 'no-such-data', '--out', path.join(folder, 'x')]);
    expect(unknownDataset.status).toBe(2);
    expect(unknownDataset.stderr).toContain('unknown dataset "no-such-data"');
    expect(unknownDataset.stderr).toContain('laoshan');
    const unknownStory = exportBundle(['--story', 'no-such-story', '--out', path.join(folder, 'y')]);
    expect(unknownStory.status).toBe(2);
    expect(unknownStory.stderr).toContain('unknown story "no-such-story"');
    const inUse = exportBundle(['--out', folder]);
    expect(inUse.status).toBe(2);
    expect(inUse.stderr).toContain('is not empty (add --force');
  });

  test('finds what the server finds, ranked alike (the same keys and ranking, in the browser)', async ({ request }) => {
    const data = readFileSync(path.join(folder, 'data.js'), 'utf8');
    const bundle = JSON.parse(
      data
        .slice(data.indexOf('=') + 1)
        .trim()
        .replace(/;$/, ''),
    ) as OfflineBundle;
    for (const q of [
      '海尔',
      'Haier',
      'hejt',
      'hr',
      '繁星',
      'bhqdyjy',
      '崂山',
      '集团',
      'qingdao',
      'innovation park',
      'kj',
    ]) {
      const served = (await (
        await request.get(`/api/search?q=${encodeURIComponent(q)}&limit=8`)
      ).json()) as SearchHit[];
      expect(served.length, q).toBeGreaterThan(0);
      expect(offlineSearch(bundle.search, q, 8), q).toEqual(served);
    }
  });

  test('opens from file:// with no request to any server: map, search, details, evidence, source', async ({
    page,
    context,
  }) => {
    await browseOffline(page, context, folder);
  });

  test('plays the built-in story offline with the keyboard', async ({ page, context }) => {
    await playStoryOffline(page, context, folder);
  });
});

/** The copy from file:// with no request to any server: map, search, details, evidence, source, layout. */
async function browseOffline(page: Page, context: BrowserContext, folder: string): Promise<void> {
  const attempted = await offlineOnly(context);
  await openCopy(page, folder, '?lang=zh');
  // The server's stored layout: drawn at once, every node placed.
  expect(await page.evaluate(() => window.explorer?.positionsStored())).toBe(true);
  expect(await page.evaluate(() => window.explorer?.nodeIds().length)).toBe(100);
  const pixels = await graphPixels(page);
  expect(pixels.nonBackground).toBeGreaterThan(pixels.total * 0.005);
  expect(await nodesDrawn(page, ['district/laoshan', 'firm/haier', 'event/laoshan-sti-conference-2024'])).toBe(3);
  // Writes need the server: no import, no download of the whole dataset from it.
  await expect(page.locator('#import-open')).toHaveCount(0);
  await expect(page.locator('[data-dataset-export]')).toHaveCount(0);

  await page.locator('#search-input').fill('海尔');
  await page.locator('#search-results li[data-node="firm/haier"]').click();
  const details = page.locator('#details');
  await expect(details).toHaveAttribute('data-node', 'firm/haier');
  await expect(details.locator('[data-field="name_en"]')).toHaveText('Haier Group');
  await expect(details.locator('blockquote.evidence').first()).toContainText(
    '评选海尔集团等崂山区十强科技创新企业进行表彰',
  );
  await details.locator('blockquote.evidence button.open-source').first().click();
  const mark = page.locator('#source-panel mark#source-quote');
  await expect(mark).toHaveText('评选海尔集团等崂山区十强科技创新企业进行表彰');
  await expect(mark).toBeInViewport();
  await expect(page.locator('#source-panel .source-title')).toContainText('科技创新大会');
  // Pinyin initials too, from keys computed at export (pinyin-pro is not in the copy).
  await page.locator('#search-input').fill('hejt');
  await expect(page.locator('#search-results li').first()).toHaveAttribute('data-node', 'firm/haier');
  await saveScreenshot(page, 'offline-bundle');
  // ForceAtlas2's worker starts from a Blob URL, which a file:// page may create: the layout moves the map.
  const before = await page.evaluate(() => window.explorer?.nodePosition('firm/haier'));
  await page.locator('#layout-toggle').click();
  await expect.poll(() => page.evaluate(() => window.explorer?.layoutRunning())).toBe(true);
  await expect.poll(() => page.evaluate(() => window.explorer?.nodePosition('firm/haier'))).not.toEqual(before);
  expect(attempted).toEqual([]);
}

/** The built-in story played offline with the keyboard. */
async function playStoryOffline(page: Page, context: BrowserContext, folder: string): Promise<void> {
  const attempted = await offlineOnly(context);
  await openCopy(page, folder, '?lang=zh');
  await page.locator('#stories-open').click();
  const panel = page.locator('#stories-panel');
  // Read-only: nothing to create or save without the server.
  await expect(panel).toHaveClass(/read-only/);
  await expect(page.locator('#story-new')).toBeHidden();
  await panel.locator('#story-list button[data-story="laoshan-arc"]').click();
  await panel.locator('.story-actions #story-play').click();
  await expect.poll(() => page.evaluate(() => window.explorer?.storyPlaying())).toBe(true);
  await expect.poll(() => page.evaluate(() => window.explorer?.storyStep()?.step)).toBe(1);
  const caption = page.locator('#story-caption');
  await expect(caption).not.toBeEmpty();
  const first = await caption.textContent();
  await expect.poll(() => page.evaluate(() => window.explorer?.storyMoving())).toBe(false);
  // The step's view is drawn (the district and its ties, in the projector theme).
  await expect
    .poll(async () => {
      const { nonBackground, total } = await graphPixels(page);
      return nonBackground / total;
    })
    .toBeGreaterThan(0.002);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => window.explorer?.storyStep()?.step)).toBe(2);
  await expect(caption).not.toHaveText(first ?? '');
  await saveScreenshot(page, 'offline-story');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => window.explorer?.storyPlaying())).toBe(false);
  expect(attempted).toEqual([]);
}
