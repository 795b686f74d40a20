// Documents to graph, through the review screen: a pasted paragraph's proposals are accepted,
// edited and rejected one by one, and only what was accepted is written — into a new dataset,
// with the paragraph as its source and each item's sentence as its evidence; read again, the
// same paragraph proposes merges instead of new nodes, and its .docx and .pdf give the same
// proposals as the pasted text. A refused token writes nothing, and markup stays text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AcceptResult } from '../domain/review.ts';
import { E2E_ADMIN_TOKEN } from '../playwright.config.ts';
import { expect, graphPixels, nodesDrawn, openExplorer, saveScreenshot, seedE2e, test } from './helpers.ts';
import { layoutProblems, measureLayout } from './layout-boxes.ts';

const FIXTURES = path.resolve('e2e', 'fixtures', 'review');
const PARAGRAPH = readFileSync(path.join(FIXTURES, 'paragraph.txt'), 'utf8');
/** A new dataset of this spec's own: the curated one is never written (other specs count it). */
const DATASET = 'e2e-review';

type Proposals = NonNullable<ReturnType<NonNullable<Window['explorer']>['reviewProposals']>>;
type ReviewState = ReturnType<NonNullable<Window['explorer']>['reviewState']>;

const state = (page: Page) => page.evaluate(() => window.explorer?.reviewState()) as Promise<ReviewState>;
const proposals = async (page: Page) => (await page.evaluate(() => window.explorer?.reviewProposals())) as Proposals;

async function openReview(page: Page, query: string): Promise<void> {
  await openExplorer(page, query);
  // The `r` key opens the screen (the toolbar button does too).
  await page.locator('#graph-container').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('r');
  await expect(page.locator('#review-dialog')).toBeVisible();
  expect(page.url()).toContain('review=1');
}

/** Reads a text (or a file) and waits for its proposals. */
async function read(page: Page, what: { text?: string; file?: string; into?: string }): Promise<Proposals> {
  const form = page.locator('#review-input');
  if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.locator('summary').click();
  if (what.file) await page.locator('#review-file').setInputFiles(what.file);
  else {
    if (await page.locator('#review-file-clear').isVisible()) await page.locator('#review-file-clear').click();
    await page.locator('#review-input-text').fill(what.text ?? '');
  }
  if (what.into) await page.locator('#review-new-dataset').fill(what.into);
  else await page.locator('#review-into-current').check();
  await page.locator('#review-read').click();
  await expect.poll(async () => (await state(page)).phase, { timeout: 60_000 }).toMatch(/ready|error/);
  expect((await state(page)).phase, await page.locator('#review-status').innerText()).toBe('ready');
  return proposals(page);
}

function entityId(p: Proposals, name: string): string {
  const found = p.entities.find((e) => e.name === name);
  expect(found, `a proposal named ${name} among ${p.entities.map((e) => e.name).join(', ')}`).toBeTruthy();
  return found?.id ?? '';
}

function relationId(p: Proposals, source: string, type: string, target: string): string {
  const found = p.relations.find((r) => r.source === source && r.type === type && r.target === target);
  expect(found, `a proposal ${source} —${type}→ ${target}`).toBeTruthy();
  return found?.id ?? '';
}

const row = (page: Page, id: string) => page.locator(`#review-list li.review-row[data-id="${id}"]`);

interface NodeAnswer {
  node: {
    id: string;
    type: string;
    name_zh: string;
    aliases?: string[];
    evidence: { source: string; quote: string }[];
  };
  relations: {
    type: string;
    direction: string;
    neighbor: { id: string };
    evidence: { source: string; quote: string }[];
  }[];
}

async function nodeOf(page: Page, id: string, dataset = DATASET): Promise<NodeAnswer> {
  const response = await page.request.get(`/api/nodes/${encodeURIComponent(id)}?dataset=${dataset}`);
  expect(response.status(), id).toBe(200);
  return (await response.json()) as NodeAnswer;
}

async function namesInDataset(page: Page, dataset = DATASET): Promise<string[]> {
  const graph = (await (await page.request.get(`/api/graph?dataset=${dataset}`)).json()) as {
    nodes: { name_zh: string }[];
  };
  return graph.nodes.map((n) => n.name_zh);
}

/** Names, types, merges, relation triples and sentences: what must not depend on the file's format. */
function comparable(p: Proposals) {
  return {
    entities: p.entities.map((e) => ({
      kind: e.kind,
      name: e.name,
      type: e.type,
      merge: e.merge,
      sentences: e.sentences,
    })),
    relations: p.relations.map((r) => ({ source: r.source, type: r.type, target: r.target, sentence: r.sentence })),
  };
}

const PARK = '青岛蓝谷海洋科技园';
const UNIVERSITY = '中国海洋大学';
const INSTITUTE = '山东省海洋仪器仪表研究所';
const LAB = '海洋观测实验室';
const SUMMIT = '深海观测技术峰会';
const HONOUR = '山东省重点实验室';
const EDITED = '山东海洋仪器仪表创新平台';

/** What the first write left for the tests after it (a serial describe: they run in order). */
const firstWrite: {
  written?: AcceptResult;
  refs?: { park: string; university: string; institute: string; lab: string };
} = {};

/** Two accepted, one edited, one rejected: only those written, with their source and sentences; then shown. */
async function pasteAcceptEditReject(page: Page): Promise<void> {
  await openReview(page, '?lang=en');
  const p = await read(page, { text: PARAGRAPH, into: DATASET });
  // A new dataset: nothing to merge into, and nothing written by reading.
  expect(p.entities.every((e) => e.merge === undefined)).toBe(true);
  expect((await page.request.get(`/api/schema?dataset=${DATASET}`)).status()).toBe(404);
  await expect(page.locator('#review-text')).toHaveText(PARAGRAPH.trim());
  const ids = {
    park: entityId(p, PARK),
    university: entityId(p, UNIVERSITY),
    institute: entityId(p, INSTITUTE),
    lab: entityId(p, LAB),
    summit: entityId(p, SUMMIT),
    honour: entityId(p, HONOUR),
  };
  const builds = relationId(p, PARK, 'BUILDS', LAB);
  const hosts = relationId(p, PARK, 'HOSTS', SUMMIT);

  // Hovering a proposal marks its sentence in the text; clicking a sentence picks its proposals.
  await row(page, ids.summit).hover();
  await expect(page.locator('#review-text .review-sentence.current')).toContainText(SUMMIT);
  await expect(page.locator('#review-text .review-mention.current').first()).toHaveText(SUMMIT);

  // 1. Accepted with its button.
  await row(page, ids.university).locator('button.review-accept').click();
  await expect(row(page, ids.university)).toHaveAttribute('data-decision', 'accepted');
  // 2. A relation accepted from the keyboard: its two ends are accepted with it, and it says so.
  await row(page, builds).focus();
  await page.keyboard.press('a');
  await expect(row(page, builds)).toHaveAttribute('data-decision', 'accepted');
  await expect(row(page, builds).locator('.review-note')).toContainText(`${PARK}、${LAB}`);
  for (const end of [ids.park, ids.lab]) await expect(row(page, end)).toHaveAttribute('data-decision', 'accepted');
  // 3. Edited: a new name and type (keys: ↑ ↓ to reach it, e to edit).
  await row(page, ids.university).focus();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, ids.institute)).toBeFocused();
  await page.keyboard.press('e');
  const form = row(page, ids.institute).locator('form.review-form');
  await form.locator('.review-edit-name').fill(EDITED);
  await form.locator('.review-edit-type').selectOption('Platform');
  await form.locator('button.review-save').click();
  await expect(row(page, ids.institute)).toHaveAttribute('data-decision', 'accepted');
  await expect(row(page, ids.institute).locator('.review-name')).toHaveText(EDITED);
  await expect(row(page, ids.institute).locator('.review-type')).toHaveText('创新平台 / Innovation platform');
  // 4. Rejected from the keyboard: a relation to it can no longer be accepted, and says why.
  await row(page, ids.summit).focus();
  await page.keyboard.press('x');
  await expect(row(page, ids.summit)).toHaveAttribute('data-decision', 'rejected');
  await expect(row(page, hosts).locator('button.review-accept')).toBeDisabled();
  await expect(row(page, hosts).locator('.review-blocked')).toContainText(SUMMIT);
  await expect(row(page, hosts).locator('.review-name')).toHaveText(`${PARK} —举办/hosts→ ${SUMMIT}`);

  const total = p.entities.length + p.relations.length;
  await expect(page.locator('#review-counts')).toHaveText(`5 accepted · 1 rejected · ${total - 6} pending`);
  await expect(page.locator('#review-write')).toHaveText('Write 5 accepted');
  await saveScreenshot(page, 'review-decisions');
  await writeAndShow(page, p, ids);
}

/** The decisions written (a refused token first), checked through the API, shown in the graph. */
async function writeAndShow(page: Page, p: Proposals, ids: Parameters<typeof checkWritten>[3]): Promise<void> {
  // A refused token: a visible error, and nothing written.
  await page.locator('#review-token').fill('not-the-token');
  await page.locator('#review-write').click();
  await expect(page.locator('#review-error')).toContainText('refused');
  expect((await page.request.get(`/api/schema?dataset=${DATASET}`)).status()).toBe(404);

  await page.locator('#review-token').fill(E2E_ADMIN_TOKEN);
  await page.locator('#review-write').click();
  await expect(page.locator('#review-summary')).toContainText(`Written into “${DATASET}”: nodes 4 added, 0 merged`);
  firstWrite.written = (await state(page)).result;
  // Written once: the same items cannot be sent again, nor decided on; a new Read goes on.
  await expect(page.locator('#review-write')).toBeDisabled();
  await expect(page.locator('#review-accept-above')).toBeDisabled();
  await expect(row(page, ids.summit).locator('button.review-reject')).toBeDisabled();
  await expect(row(page, ids.summit).locator('button.review-reset')).toBeDisabled();
  await row(page, ids.summit).focus();
  await page.keyboard.press('u');
  await expect(row(page, ids.summit)).toHaveAttribute('data-decision', 'rejected');
  await expect(page.locator('#review-next')).toContainText('Read the same text again');
  await expect(page.locator('#review-read')).toBeVisible();
  firstWrite.refs = { park: ids.park, university: ids.university, institute: ids.institute, lab: ids.lab };
  expect(firstWrite.written?.relations).toEqual({ added: 1, matched: 0 });
  await checkWritten(page, p, firstWrite.written as AcceptResult, ids);

  // Shown in the graph: the dataset written into, the first accepted node selected, drawn.
  await page.locator('#review-show').click();
  await expect(page.locator('#review-dialog')).toBeHidden();
  const shown = firstWrite.written?.ids[ids.park] ?? '';
  await page.waitForFunction((id) => window.explorer?.phase() === 'ready' && window.explorer.selected() === id, shown, {
    timeout: 60_000,
  });
  expect(page.url()).toContain(`dataset=${DATASET}`);
  expect(page.url()).not.toContain('review=1');
  expect((await page.evaluate(() => window.explorer?.nodeIds() ?? [])).sort()).toEqual(
    Object.values(firstWrite.written?.ids ?? {}).sort(),
  );
  await expect(page.locator('#details')).toContainText(PARK);
  await expect.poll(async () => (await graphPixels(page)).nonBackground).toBeGreaterThan(500);
  // The selection's neighbourhood is highlighted, the others faded; a label may cover one node.
  const lab = firstWrite.written?.ids[ids.lab] ?? '';
  await expect.poll(() => page.evaluate(() => window.explorer?.highlighted().sort())).toEqual([shown, lab].sort());
  await expect.poll(() => nodesDrawn(page, Object.values(firstWrite.written?.ids ?? {}))).toBeGreaterThanOrEqual(3);
  await saveScreenshot(page, 'review-written');
}

/** The same paragraph again: merges, not new nodes; writing it adds none. */
async function pasteAgain(page: Page): Promise<void> {
  expect(firstWrite.written, 'the first test wrote the paragraph').toBeTruthy();
  const ids = firstWrite.written?.ids ?? {};
  const nodesBefore = (await namesInDataset(page)).length;
  await openReview(page, `?dataset=${DATASET}&lang=en`);
  const p = await read(page, { text: PARAGRAPH });
  // Each node written is proposed once, as a merge into it (named as the node is named now):
  // the edited one is found again by the text's name, which it kept as an alias.
  const merges: [node: string, name: string][] = [
    [ids[firstWrite.refs?.park ?? ''] ?? '', PARK],
    [ids[firstWrite.refs?.university ?? ''] ?? '', UNIVERSITY],
    [ids[firstWrite.refs?.institute ?? ''] ?? '', EDITED],
    [ids[firstWrite.refs?.lab ?? ''] ?? '', LAB],
  ];
  const mergedRefs: string[] = [];
  for (const [node, name] of merges) {
    const proposed = p.entities.filter((e) => e.merge === node);
    expect(
      proposed.map((e) => e.name),
      node,
    ).toEqual([name]);
    mergedRefs.push(proposed[0]?.id ?? '');
    await expect(row(page, proposed[0]?.id ?? '').locator('.review-merge-text')).toHaveText(`merge into “${name}”`);
  }
  expect(p.entities.filter((e) => e.merge !== undefined)).toHaveLength(4);
  for (const name of [SUMMIT, HONOUR]) expect(p.entities.find((e) => e.name === name)?.merge, name).toBeUndefined();
  // Unlinking offers a new node instead; linking again goes back to the merge.
  const university = row(page, entityId(p, UNIVERSITY));
  await university.locator('button.review-unlink').click();
  await expect(university.locator('.review-merge-text')).toHaveText(`a new node (not merged into “${UNIVERSITY}”)`);
  await university.locator('button.review-link').click();
  await expect(university.locator('.review-merge-text')).toHaveText(`merge into “${UNIVERSITY}”`);

  await university.locator('button.review-accept').click();
  await row(page, relationId(p, PARK, 'BUILDS', LAB))
    .locator('button.review-accept')
    .click();
  await row(page, mergedRefs[2] ?? '')
    .locator('button.review-accept')
    .click();
  await page.locator('#review-token').fill(E2E_ADMIN_TOKEN);
  await page.locator('#review-write').click();
  await expect(page.locator('#review-summary')).toContainText(
    'nodes 0 added, 4 merged; relations 0 added, 1 already there',
  );
  expect((await namesInDataset(page)).length).toBe(nodesBefore);
  // The edited node kept the name the person gave it.
  expect((await nodeOf(page, merges[2]?.[0] ?? '')).node).toMatchObject({ name_zh: EDITED, type: 'Platform' });
}

test.describe.serial('reading a document into the graph', () => {
  test('the review button keeps the header on one line at 1280×720', async ({ page }) => {
    test.setTimeout(180_000);
    // A synthetic dataset shows its badge in the header too: the tightest case.
    seedE2e(['--synthetic', '200', '--seed', '5', '--dataset', 'synthetic-review']);
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const dataset of ['laoshan', 'synthetic-review'])
      for (const theme of ['light', 'projector'])
        for (const lang of ['en', 'zh']) {
          await openExplorer(page, `?dataset=${dataset}&theme=${theme}&lang=${lang}`);
          await page.evaluate(() => document.fonts.ready);
          await expect(page.locator('#review-open')).toBeVisible();
          expect(layoutProblems(await measureLayout(page)), `${dataset}, ${theme}, ${lang}`).toEqual([]);
        }
  });

  test('a pasted paragraph: two accepted, one edited, one rejected; only those are written, with their source and sentences', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await pasteAcceptEditReject(page);
  });

  test('the same paragraph again proposes merges, not new nodes, and writing it adds none', async ({ page }) => {
    test.setTimeout(120_000);
    await pasteAgain(page);
  });

  test('a .docx and a .pdf of the paragraph give the same proposals as the pasted text', async ({ page }) => {
    test.setTimeout(150_000);
    await openReview(page, `?dataset=${DATASET}&lang=en`);
    const pasted = comparable(await read(page, { text: PARAGRAPH }));
    expect(pasted.entities.length).toBeGreaterThan(5);
    for (const file of ['paragraph.docx', 'paragraph.pdf']) {
      const fromFile = comparable(await read(page, { file: path.join(FIXTURES, file) }));
      expect(fromFile, file).toEqual(pasted);
      await expect(page.locator('#review-status')).toContainText(file);
    }
  });

  test('a relation is edited (ends swapped, type changed) and accepted with its ends; Esc leaves a form', async ({
    page,
  }) => {
    await openReview(page, '?lang=en');
    const p = await read(page, { text: PARAGRAPH });
    const supports = relationId(p, UNIVERSITY, 'SUPPORTS', '园区企业');
    const r = row(page, supports);
    await r.focus();
    await page.keyboard.press('e');
    await expect(r.locator('form.review-form')).toBeVisible();
    // Esc ends the edit, not the screen.
    await r.locator('.review-edit-reltype').press('Escape');
    await expect(r.locator('form.review-form')).toHaveCount(0);
    await expect(page.locator('#review-dialog')).toBeVisible();
    await r.locator('button.review-edit').click();
    await r.locator('button.review-swap').click();
    await r.locator('.review-edit-reltype').selectOption('COLLABORATES_WITH');
    await saveScreenshot(page, 'review-relation-edit');
    await r.locator('button.review-save').click();
    await expect(r).toHaveAttribute('data-decision', 'accepted');
    await expect(r.locator('.review-name')).toHaveText(`园区企业 —合作/collaborates with→ ${UNIVERSITY}`);
    await expect(r.locator('.review-state')).toContainText('edited');
    for (const end of [entityId(p, UNIVERSITY), entityId(p, '园区企业')])
      await expect(row(page, end)).toHaveAttribute('data-decision', 'accepted');
    // Undo takes the relation back to pending; rejecting an end does the same to its relations.
    await row(page, entityId(p, '园区企业')).locator('button.review-reject').click();
    await expect(r).toHaveAttribute('data-decision', 'pending');
    await expect(r.locator('button.review-accept')).toBeDisabled();
    // A document the server cannot read: its message, nothing proposed from it.
    await page.locator('#review-input summary').click();
    await page.locator('#review-file').setInputFiles(path.join(FIXTURES, 'scan.pdf'));
    await page.locator('#review-read').click();
    await expect(page.locator('#review-status')).toContainText('Could not read it');
    await expect(page.locator('#review-status')).toContainText('scan.pdf');
    expect((await state(page)).phase).toBe('error');
  });

  test('markup in the text or in an edited name is shown as text, never run', async ({ page }) => {
    const markup = '<img src=x onerror="window.__reviewXss=1">';
    await openReview(page, '?lang=en');
    const p = await read(page, { text: `《${markup}》由崂山区发布。\n${PARAGRAPH}` });
    await expect(page.locator('#review-text')).toContainText(markup);
    const id = entityId(p, UNIVERSITY);
    await row(page, id).locator('button.review-edit').click();
    await row(page, id).locator('.review-edit-name').fill(`<b>x</b>${markup}`);
    await row(page, id).locator('button.review-save').click();
    await expect(row(page, id).locator('.review-name')).toHaveText(`<b>x</b>${markup}`);
    expect(await page.locator('#review-dialog img, #review-dialog b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __reviewXss?: number }).__reviewXss)).toBeUndefined();
  });
});

test.describe.serial('a review kept for the tab', () => {
  /** Its own dataset: the serial tests above count what is in theirs. */
  const KEPT = 'e2e-review-kept';
  const TITLE = 'Blue Valley note';

  test('a reload brings back the text and the decisions, and writing sends exactly those', async ({ page }) => {
    test.setTimeout(120_000);
    await openReview(page, '?lang=en');
    await page.locator('#review-input-title').fill(TITLE);
    const p = await read(page, { text: PARAGRAPH, into: KEPT });
    const ids = { university: entityId(p, UNIVERSITY), institute: entityId(p, INSTITUTE), summit: entityId(p, SUMMIT) };
    await row(page, ids.university).locator('button.review-accept').click();
    await row(page, ids.institute).locator('button.review-edit').click();
    await row(page, ids.institute).locator('.review-edit-name').fill(EDITED);
    await row(page, ids.institute).locator('.review-edit-type').selectOption('Platform');
    await row(page, ids.institute).locator('button.review-save').click();
    await row(page, ids.summit).locator('button.review-reject').click();
    const total = p.entities.length + p.relations.length;
    const counts = `2 accepted · 1 rejected · ${total - 3} pending`;
    await expect(page.locator('#review-counts')).toHaveText(counts);

    await page.reload();
    expect(page.url()).toContain('review=1');
    await expect.poll(async () => (await state(page))?.phase, { timeout: 30_000 }).toBe('ready');
    await expect(page.locator('#review-status')).toContainText(
      `Restored the review of “${TITLE}” from this tab: ${counts}`,
    );
    await expect(page.locator('#review-text')).toHaveText(PARAGRAPH.trim());
    await expect(page.locator('#review-counts')).toHaveText(counts);
    await expect(row(page, ids.university)).toHaveAttribute('data-decision', 'accepted');
    await expect(row(page, ids.institute)).toHaveAttribute('data-decision', 'accepted');
    await expect(row(page, ids.institute).locator('.review-name')).toHaveText(EDITED);
    await expect(row(page, ids.summit)).toHaveAttribute('data-decision', 'rejected');
    await expect(row(page, entityId(p, PARK))).toHaveAttribute('data-decision', 'pending');
    await expect(page.locator('#review-new-dataset')).toHaveValue(KEPT);
    await expect(page.locator('#review-input-title')).toHaveValue(TITLE);

    await page.locator('#review-token').fill(E2E_ADMIN_TOKEN);
    await page.locator('#review-write').click();
    await expect(page.locator('#review-summary')).toContainText(`Written into “${KEPT}”: nodes 2 added, 0 merged`);
    expect((await namesInDataset(page, KEPT)).sort()).toEqual([UNIVERSITY, EDITED].sort());
    const written = (await state(page))?.result;
    expect(written?.relations).toEqual({ added: 0, matched: 0 });
    const edited = await nodeOf(page, written?.ids[ids.institute] ?? '', KEPT);
    expect(edited.node).toMatchObject({ name_zh: EDITED, type: 'Platform' });

    // Written: a reload offers the empty form, not the same items to write again.
    await page.reload();
    await expect(page.locator('#review-dialog')).toBeVisible();
    await expect(page.locator('#review-input-text')).toHaveValue('');
    await expect(page.locator('#review-text')).toBeHidden();
    await expect.poll(async () => (await state(page))?.phase).toBe('idle');
  });

  test('a merge unlinked into a new node is written as a node of its own, the old one untouched', async ({ page }) => {
    test.setTimeout(120_000);
    const before = await namesInDataset(page, KEPT);
    expect(before, 'the test above wrote the university').toContain(UNIVERSITY);
    await openReview(page, '?lang=en');
    const p = await read(page, { text: PARAGRAPH, into: KEPT });
    const proposal = p.entities.find((e) => e.name === UNIVERSITY);
    expect(proposal?.merge, 'the university is offered as a merge').toBeTruthy();
    const university = row(page, proposal?.id ?? '');
    await university.locator('button.review-unlink').click();
    await university.locator('button.review-accept').click();
    await page.locator('#review-token').fill(E2E_ADMIN_TOKEN);
    await page.locator('#review-write').click();
    await expect(page.locator('#review-summary')).toContainText(`Written into “${KEPT}”: nodes 1 added, 0 merged`);
    const written = (await state(page))?.result;
    const id = written?.ids[proposal?.id ?? ''] ?? '';
    expect(id).not.toBe(proposal?.merge);
    expect((await nodeOf(page, id, KEPT)).node).toMatchObject({ name_zh: UNIVERSITY });
    const after = await namesInDataset(page, KEPT);
    expect(after.filter((n) => n === UNIVERSITY)).toHaveLength(2);
    expect(after).toHaveLength(before.length + 1);
    // The node it was offered to merge into has only its first sentence: nothing was added to it.
    const old = await nodeOf(page, proposal?.merge ?? '', KEPT);
    expect(old.node.evidence).toHaveLength(1);
  });
});

/** Through the API: the accepted and edited items with their source and sentences, nothing else. */
async function checkWritten(
  page: Page,
  p: Proposals,
  result: AcceptResult,
  ids: { park: string; university: string; institute: string; lab: string; summit: string; honour: string },
): Promise<void> {
  const sentenceOf = (ref: string) => p.entities.find((e) => e.id === ref)?.sentences[0] ?? '';
  const source = (await (
    await page.request.get(`/api/sources/${encodeURIComponent(result.source)}?dataset=${DATASET}`)
  ).json()) as {
    id: string;
    text: string;
  };
  expect(source.text).toBe(PARAGRAPH.trim());
  expect(result.source).toMatch(/^doc\/[0-9a-f]{16}$/);
  for (const ref of [ids.park, ids.university, ids.institute, ids.lab]) {
    const { node } = await nodeOf(page, result.ids[ref] ?? '');
    expect(node.evidence, ref).toContainEqual(
      expect.objectContaining({ source: result.source, quote: sentenceOf(ref) }),
    );
  }
  const edited = await nodeOf(page, result.ids[ids.institute] ?? '');
  expect(edited.node).toMatchObject({ name_zh: EDITED, type: 'Platform' });
  expect(edited.node.aliases).toContain(INSTITUTE);
  const park = await nodeOf(page, result.ids[ids.park] ?? '');
  const built = park.relations.find((r) => r.type === 'BUILDS' && r.neighbor.id === result.ids[ids.lab]);
  expect(built?.direction).toBe('out');
  const stated = p.relations.find((r) => r.source === PARK && r.type === 'BUILDS' && r.target === LAB)?.sentence;
  expect(built?.evidence).toContainEqual(expect.objectContaining({ source: result.source, quote: stated }));
  // Neither the rejected proposal nor any pending one.
  const names = await namesInDataset(page);
  expect(names.sort()).toEqual([PARK, UNIVERSITY, EDITED, LAB].sort());
  const search = async (q: string) =>
    (
      (await (await page.request.get(`/api/search?q=${encodeURIComponent(q)}&dataset=${DATASET}`)).json()) as {
        name_zh: string;
      }[]
    ).map((h) => h.name_zh);
  expect(await search(UNIVERSITY)).toContain(UNIVERSITY);
  expect(await search(EDITED)).toContain(EDITED);
  expect(await search(SUMMIT)).not.toContain(SUMMIT);
  expect(await search(HONOUR)).not.toContain(HONOUR);
}
