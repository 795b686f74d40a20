// Stories: a story of three steps is made in the stories panel from three views (a selection
// flown to; a filter with a path drawn; another selection sized by a metric), saved with the
// admin token, reopened from its link and played with the keyboard — each step checked on the
// canvas (pixels, highlighted nodes), on the caption and on the counter; Esc returns to the view
// before playing; then it is exported and imported back under another id. A story is deleted.
// At projector sizes play mode shows its caption, counter and controls without overlap or
// horizontal overflow (screenshots kept in docs/screenshots/), and the built-in story plays.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from '../playwright.config.ts';
import { keepPicture, steadyScreenshot } from './doc-screenshot.ts';
import { expect, graphPixels, openExplorer, test } from './helpers.ts';

const PATH_BLUE = '#2563eb';

async function pick(page: Page, input: string, query: string, expected: string): Promise<void> {
  const box = page.locator(`#${input}-input`);
  await box.fill(query);
  const option = page.locator(`#${input}-results li[data-node="${expected}"]`);
  await expect(option).toBeVisible();
  await option.click();
}

/** Waits for the camera the app holds (the camera feature writes it after a move) to reach `ratio`. */
async function cameraAt(page: Page, ratio: number): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => window.explorer?.view().camera?.ratio), { timeout: 10_000 })
    .toBeCloseTo(ratio, 2);
}

async function addStep(page: Page, n: number, title: string, en: string, zh: string): Promise<void> {
  await page.locator('#story-add-step').click();
  await expect(page.locator(`#story-steps li[data-step="${n}"]`)).toHaveClass(/current/);
  await page.locator('#step-title-en').fill(title);
  await page.locator('#step-caption-en').fill(en);
  await page.locator('#step-caption-zh').fill(zh);
}

/** The steps' titles as the panel lists them, without their numbers. */
async function stepTitles(page: Page): Promise<string[]> {
  const titles = await page.locator('#story-steps .step-go').allTextContents();
  return titles.map((title) => title.replace(/^\d+\. /, ''));
}

/** Play mode has come to rest on step `n` (move finished, view drawn). */
async function atStep(page: Page, n: number, count: number): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => ({
        step: window.explorer?.storyStep()?.step,
        moving: window.explorer?.storyMoving(),
        phase: window.explorer?.phase(),
      })),
    )
    .toEqual({ step: n, moving: false, phase: 'ready' });
  await expect(page.locator('#story-counter')).toHaveText(`${n} / ${count}`);
}

const CAPTIONS = [
  ['Haier', 'Haier, where the ecosystem starts', '海尔:生态的起点'],
  ['A path', 'Without indicators: how Haier reaches the Beihang institute', '去掉指标:海尔如何连到北航研究院'],
  ['The Starry Plan', 'The Starry Plan, sized by betweenness', '繁星计划,按中介中心性显示大小'],
] as const;

test('a story of three steps is made from three views, saved, reopened from its link and played by keyboard', async ({
  page,
}) => {
  // A whole session: three views built by hand, a reload, eight moves between steps, a round trip.
  test.setTimeout(180_000);
  await openExplorer(page, '?lang=en');
  await page.locator('#stories-open').click();
  await expect(page.locator('#stories-panel')).toBeVisible();
  await page.locator('#story-new summary').click();
  await page.locator('#story-new-id').fill('e2e-tour');
  await page.locator('#story-new-title-en').fill('A tour for the tests');
  await page.locator('#story-new-title-zh').fill('测试导览');
  await page.locator('#story-new-create').click();
  await expect(page.locator('#story-heading')).toHaveText('A tour for the tests');

  // Step 1: Haier selected from the search box, the camera flown to it.
  await pick(page, 'search', 'Haier', 'firm/haier');
  await cameraAt(page, 0.5);
  await addStep(page, 1, ...CAPTIONS[0]);
  // Step 2: indicators filtered out, the paths from Haier to the Beihang institute, the whole map.
  await page.locator('#filter-type-Indicator').uncheck();
  await page.locator('#details button.paths-from').click();
  await pick(page, 'path-to', '北航', 'institute/buaa-qingdao');
  await expect(page.locator('#path-list li').first()).toBeVisible();
  await page.locator('#fit').click();
  await cameraAt(page, 1);
  await addStep(page, 2, ...CAPTIONS[1]);
  // Step 3: the Starry Plan selected, nodes sized by betweenness.
  await pick(page, 'search', '繁星', 'programme/fanxing-plan');
  await page.locator('#analysis-menu summary').click();
  await page.locator('#metrics-toggle').click();
  await page.locator('#metrics-size').selectOption('betweenness');
  await expect.poll(() => page.evaluate(() => window.explorer?.metricSizeBy())).toBe('betweenness');
  await cameraAt(page, 0.5);
  await addStep(page, 3, ...CAPTIONS[2]);
  // Reordered by keyboard: the last step up, then down again (the focus follows the step).
  await page.locator('#story-steps li[data-step="3"] .step-up').focus();
  await page.keyboard.press('Enter');
  expect(await stepTitles(page)).toEqual(['Haier', 'The Starry Plan', 'A path']);
  await expect(page.locator('#story-steps li[data-step="2"] .step-up')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  expect(await stepTitles(page)).toEqual(['Haier', 'A path', 'The Starry Plan']);
  // A fourth step, deleted again.
  await page.locator('#story-add-step').click();
  await expect(page.locator('#story-steps li')).toHaveCount(4);
  await page.locator('#story-steps li[data-step="4"] .step-delete').click();
  await expect(page.locator('#story-steps li')).toHaveCount(3);

  await page.locator('#story-save').click();
  await page.locator('#story-token').fill(E2E_ADMIN_TOKEN);
  await page.locator('#story-token-ok').click();
  await expect(page.locator('#story-status')).toHaveText('Saved');

  // The link reopens it, from the server.
  await page.reload();
  await page.waitForFunction(() => window.explorer?.phase() === 'ready');
  await expect(page.locator('#story-steps li')).toHaveCount(3);
  expect(await page.evaluate(() => window.explorer?.storyStep())).toEqual({ story: 'e2e-tour', step: 3, count: 3 });
  await page.locator('#story-steps li[data-step="1"] .step-go').click();
  await expect.poll(() => page.evaluate(() => window.explorer?.selected())).toBe('firm/haier');
  await page.locator('#story-play').click();
  await playTheTour(page);
  // Exported and imported back under another id (the token is kept from the save).
  await exportAndImport(page, 'e2e-tour', 'A tour for the tests', 'e2e-tour-copy', false);
});

async function playTheTour(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.explorer?.storyPlaying())).toBe(true);
  await expect(page.locator('body')).toHaveAttribute('data-mode', 'play');
  await expect(page.locator('header.topbar')).toBeHidden();
  await expect(page.locator('#stories-panel')).toBeHidden();
  const showsStep = async (n: 1 | 2 | 3) => {
    await atStep(page, n, 3);
    await expect(page.locator('#story-caption')).toHaveText(CAPTIONS[n - 1]![1]);
    expect((await graphPixels(page)).nonBackground).toBeGreaterThan(1_500);
    // The projector theme while playing (the steps name no theme of their own).
    expect(await page.evaluate(() => window.explorer?.view().theme)).toBe('projector');
  };
  await showsStep(1);
  expect(await page.evaluate(() => window.explorer?.highlighted())).toContain('firm/haier');
  // The step's camera: flown to Haier (ratio 0.5).
  await cameraAt(page, 0.5);

  const secondStep = async () => {
    await showsStep(2);
    await expect
      .poll(() => page.evaluate(() => window.explorer?.highlighted() ?? []))
      .toEqual(expect.arrayContaining(['firm/haier', 'institute/buaa-qingdao']));
    await expect.poll(async () => (await graphPixels(page)).near(PATH_BLUE, 30)).toBeGreaterThan(100);
    expect(await page.evaluate(() => window.explorer?.view().hiddenTypes)).toEqual(['Indicator']);
    await cameraAt(page, 1);
  };
  const thirdStep = async () => {
    await showsStep(3);
    expect(await page.evaluate(() => window.explorer?.selected())).toBe('programme/fanxing-plan');
    expect(await page.evaluate(() => window.explorer?.highlighted())).toContain('programme/fanxing-plan');
    expect(await page.evaluate(() => window.explorer?.metricSizeBy())).toBe('betweenness');
    await cameraAt(page, 0.5);
  };
  await page.keyboard.press('ArrowRight');
  await secondStep();
  await page.keyboard.press('PageDown');
  await thirdStep();
  await page.keyboard.press('ArrowLeft');
  await secondStep();
  await page.keyboard.press(' ');
  await thirdStep();
  // Shift+space goes back too; the last step goes no further.
  await page.keyboard.press('Shift+ ');
  await atStep(page, 2, 3);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await atStep(page, 3, 3);

  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => window.explorer?.storyPlaying())).toBe(false);
  await expect(page.locator('body')).not.toHaveAttribute('data-mode', 'play');
  await expect(page.locator('header.topbar')).toBeVisible();
  // Back to the view before playing: step 1 in the panel, the light theme, Haier selected.
  await expect(page.locator('#stories-panel')).toBeVisible();
  expect(await page.evaluate(() => window.explorer?.view().theme)).toBe('light');
  expect(await page.evaluate(() => window.explorer?.storyStep()?.step)).toBe(1);
  expect(await page.evaluate(() => window.explorer?.selected())).toBe('firm/haier');
}

/** A small story written through the API (the other tests need not click one together). */
async function putStory(page: Page, id: string): Promise<void> {
  const step = (n: number, view: string) => ({
    id: `s${n}`,
    view,
    title_zh: `第${n}步`,
    title_en: `Step ${n}`,
    caption_zh: `说明${n}`,
    caption_en: `Caption ${n}`,
  });
  const response = await page.request.put(`/api/stories/${id}?dataset=laoshan`, {
    headers: { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    data: {
      title_zh: '导出测试',
      title_en: 'Export test',
      steps: [step(1, 'node=firm%2Fhaier'), step(2, 'hide=Indicator'), step(3, 'node=programme%2Ffanxing-plan')],
    },
  });
  expect(response.status()).toBe(200);
}

/**
 * Exports the story open in the panel, imports the file back under `newId` (the panel proposes a
 * free id first) and checks the stored copy holds the same steps. `askToken`: no token is kept yet.
 */
async function exportAndImport(page: Page, id: string, title: string, newId: string, askToken: boolean) {
  const download = page.waitForEvent('download');
  await page.locator('#story-export').click();
  const file = path.resolve('test-results', `${id}.story.json`);
  await (await download).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported).toMatchObject({ format: 'laoshan-explorer-story', version: 1, story: { id, title_en: title } });

  await page.locator('#story-back').click();
  await page.locator('#story-import-form summary').click();
  await page.locator('#story-import-file').setInputFiles(file);
  // The id is taken: another is proposed.
  await expect(page.locator('#story-import-id')).toHaveValue(`${id}-2`);
  await page.locator('#story-import-id').fill(newId);
  await page.locator('#story-import').click();
  if (askToken) {
    await page.locator('#story-token').fill(E2E_ADMIN_TOKEN);
    await page.locator('#story-token-ok').click();
  }
  await expect(page.locator('#story-heading')).toHaveText(title);
  const count = exported.story.steps.length;
  expect(await page.evaluate(() => window.explorer?.storyStep())).toEqual({ story: newId, step: undefined, count });
  const stored = await (await page.request.get(`/api/stories/${newId}?dataset=laoshan`)).json();
  const views = (steps: { view: string; caption_en: string }[]) => steps.map((s) => [s.view, s.caption_en]);
  expect(views(stored.steps)).toEqual(views(exported.story.steps));
}

test('a story is deleted with a second press; a link to an unknown story is dropped', async ({ page }) => {
  await putStory(page, 'e2e-export');
  await openExplorer(page, '?lang=en&stories=1&story=e2e-export');
  await expect(page.locator('#story-steps li')).toHaveCount(3);
  await exportAndImport(page, 'e2e-export', 'Export test', 'e2e-imported', true);
  // The token is kept for the tab: no second question.
  await page.locator('#story-delete').click();
  await expect(page.locator('#story-delete')).toHaveText('Really delete?');
  await page.locator('#story-delete').click();
  await expect(page.locator('#story-list .story-open[data-story="e2e-export"]')).toBeVisible();
  await expect(page.locator('#story-list .story-open[data-story="e2e-imported"]')).toHaveCount(0);
  expect((await page.request.get('/api/stories/e2e-imported?dataset=laoshan')).status()).toBe(404);
  // An unknown story in a link is dropped once the list has loaded.
  await openExplorer(page, '?lang=en&story=no-such-story&step=2');
  await expect.poll(() => page.evaluate(() => window.explorer?.storyStep())).toBeUndefined();
  expect(page.url()).not.toContain('story=');
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`play mode at ${width}×${height}: caption, counter and controls apart, nothing overflows`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    // The built-in story's fourth step has one of its longest captions.
    const story = await (await page.request.get('/api/stories/laoshan-arc?dataset=laoshan')).json();
    await openExplorer(page, '?lang=en&story=laoshan-arc&step=4&play=1');
    await atStep(page, 4, story.steps.length);
    await expect(page.locator('#story-caption')).toHaveText(story.steps[3].caption_en);
    const ids = ['story-title', 'story-caption', 'story-counter', 'story-previous', 'story-next', 'story-presenter'];
    const boxes = new Map<string, Box>();
    for (const id of [...ids, 'story-exit', 'graph-container']) {
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box, `#${id} is shown`).toBeTruthy();
      boxes.set(id, box!);
    }
    const all = [...boxes.entries()];
    for (const [i, [a, boxA]] of all.entries())
      for (const [b, boxB] of all.slice(i + 1)) expect(overlaps(boxA, boxB), `${a} overlaps ${b}`).toBe(false);
    for (const [id, box] of all) {
      expect(box.x + box.width, `${id} within the screen`).toBeLessThanOrEqual(width);
      expect(box.y + box.height, `${id} within the screen`).toBeLessThanOrEqual(height);
    }
    // Readable from the back of the room, and the map keeps most of the screen.
    const size = await page.locator('#story-caption').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    expect(boxes.get('graph-container')!.height).toBeGreaterThan(height * 0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect((await graphPixels(page)).nonBackground).toBeGreaterThan(1_000);
    await keepPicture(
      page,
      path.resolve('docs', 'screenshots', `play-${width}x${height}.png`),
      await steadyScreenshot(page),
    );
  });
}

test('the built-in story of the curated dataset is listed, plays with its presenter view, and is copied', async ({
  page,
}) => {
  await openExplorer(page, '?lang=en&stories=1');
  await expect(page.locator('#story-list .story-open[data-story="laoshan-arc"]')).toBeVisible();
  await expect(page.locator('#story-list li', { hasText: 'Built-in' }).first()).toBeVisible();
  await page.locator('#story-list .story-open[data-story="laoshan-arc"]').click();
  await expect.poll(() => page.locator('#story-steps li').count()).toBeGreaterThan(1);
  await expect(page.locator('#story-save')).toHaveCount(0);
  const count = await page.locator('#story-steps li').count();
  const story = await (await page.request.get('/api/stories/laoshan-arc?dataset=laoshan')).json();
  await page.locator('#story-play').click();
  await atStep(page, 1, count);
  // The presenter view: the notes in a second window, kept in step; its keys work too.
  const popup = page.waitForEvent('popup');
  await page.locator('#story-presenter').click();
  const presenter = await popup;
  await expect(presenter.locator('#presenter-counter')).toHaveText(`1 / ${count}`);
  await expect(presenter.locator('#presenter-notes')).toHaveText(story.steps[0].notes ?? '(no notes)');
  await presenter.keyboard.press('ArrowRight');
  await atStep(page, 2, count);
  await expect(presenter.locator('#presenter-counter')).toHaveText(`2 / ${count}`);
  for (let n = 2; n <= Math.min(count, 4); n++) {
    if (n > 2) await page.keyboard.press('ArrowRight');
    await atStep(page, n, count);
    await expect(page.locator('#story-title')).toHaveText(story.steps[n - 1].title_en);
    expect((await graphPixels(page)).nonBackground).toBeGreaterThan(1_000);
  }
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => window.explorer?.storyPlaying())).toBe(false);
  await expect.poll(() => presenter.isClosed()).toBe(true);

  // Read-only: a copy under a new id can be edited.
  await expect(page.locator('#story-copy-id')).toHaveValue('laoshan-arc-copy');
  await page.locator('#story-copy').click();
  await page.locator('#story-token').fill(E2E_ADMIN_TOKEN);
  await page.locator('#story-token-ok').click();
  await expect.poll(() => page.evaluate(() => window.explorer?.storyStep()?.story)).toBe('laoshan-arc-copy');
  await expect(page.locator('#story-save')).toBeVisible();
  const copy = await (await page.request.get('/api/stories/laoshan-arc-copy?dataset=laoshan')).json();
  expect(copy).toMatchObject({ builtin: false, title_en: story.title_en });
  expect(copy.steps).toHaveLength(count);
});
