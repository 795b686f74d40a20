// Bring your own data through the upload dialog: a Gephi file is checked (dry run), imported and
// drawn in place; a broken spreadsheet shows its problems in a table, and an unknown type is
// resolved with the mapping form.
import path from 'node:path';
import { E2E_ADMIN_TOKEN } from '../playwright.config.ts';
import { expect, graphPixels, openExplorer, saveScreenshot, test } from './helpers.ts';

const LES_MISERABLES = path.resolve('..', 'shared', 'data', 'les-miserables.gexf');

test('a GEXF file made by Gephi is checked, imported and drawn through the upload dialog', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  await page.locator('#import-open').click();
  const dialog = page.locator('#import-dialog');
  await expect(dialog).toBeVisible();
  await page.locator('#import-files').setInputFiles(LES_MISERABLES);
  await expect(page.locator('#import-dataset')).toHaveValue('les-miserables');
  await page.locator('#import-token').fill(E2E_ADMIN_TOKEN);
  await page.locator('#import-check').click();
  await expect(page.locator('#import-summary')).toContainText('Nodes: 77 added');
  await expect(page.locator('#import-summary')).toContainText('Relations: 254 added');
  await saveScreenshot(page, 'import-dry-run');
  await page.locator('#import-confirm').click();
  await expect(dialog).toBeHidden();
  await page.waitForFunction(
    () => window.explorer?.phase() === 'ready' && window.explorer.nodeIds().length === 77,
    null,
    {
      timeout: 60_000,
    },
  );
  expect(page.url()).toContain('dataset=les-miserables');
  expect(await page.evaluate(() => window.explorer?.edgeCount())).toBe(254);
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(2_000);
  await expect(page.locator('#dataset-select option[value="les-miserables"]')).toHaveCount(1);
  await saveScreenshot(page, 'import-les-miserables');
});

test('problems are listed with file, line and field; an unknown type is mapped and then accepted', async ({ page }) => {
  await openExplorer(page, '?lang=en');
  await page.locator('#import-open').click();
  await page.locator('#import-files').setInputFiles([
    {
      name: 'nodes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,type,name\nsat-1,Spaceship,卫星一号\nsat-1,Firm,Dup\n'),
    },
  ]);
  await page.locator('#import-dataset').fill('e2e-broken');
  await page.locator('#import-token').fill(E2E_ADMIN_TOKEN);
  await page.locator('#import-check').click();
  const table = page.locator('#import-problems table');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table).toContainText('nodes.csv');
  await expect(table).toContainText('Spaceship');
  await expect(page.locator('#import-confirm')).toBeDisabled();
  // Fix the file: the duplicate goes; the unknown type is mapped in the form.
  await page
    .locator('#import-files')
    .setInputFiles([
      { name: 'nodes.csv', mimeType: 'text/csv', buffer: Buffer.from('id,type,name\nsat-1,Spaceship,卫星一号\n') },
    ]);
  await page.locator('#import-dataset').fill('e2e-mapped');
  await page.locator('#import-check').click();
  const select = page.locator('#import-mapping select[data-value="Spaceship"]');
  await expect(select).toBeVisible();
  await select.selectOption('Firm');
  await page.locator('#import-check').click();
  await expect(page.locator('#import-summary')).toContainText('Nodes: 1 added');
  await page.locator('#import-confirm').click();
  await page.waitForFunction(() => window.explorer?.phase() === 'ready' && window.explorer.nodeIds().includes('sat-1'));
  expect(await page.evaluate(() => window.explorer?.label('sat-1'))).toBe('卫星一号');
});
