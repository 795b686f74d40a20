// A synthetic dataset is clearly marked as such in the UI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { graphPixels, openExplorer } from './helpers.ts';

test.beforeAll(() => {
  // The e2e server's own managed Neo4j (see playwright.config.ts).
  const password = readFileSync('.data-test/e2e/neo4j/password', 'utf8').trim();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'seed/cli.ts', '--synthetic', '300', '--seed', '9', '--dataset', 'synthetic-e2e'],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        NEO4J_URI: 'bolt://127.0.0.1:7696',
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: password,
        LOG_LEVEL: 'warn',
      },
    },
  );
  if (run.status !== 0) throw new Error(`seeding the synthetic dataset failed:\n${run.stderr}`);
});

test('a synthetic dataset shows its badge; the curated one does not', async ({ page }) => {
  await openExplorer(page, '?dataset=synthetic-e2e&lang=en');
  await expect(page.locator('#dataset-badge')).toBeVisible();
  await expect(page.locator('#dataset-badge')).toHaveText('Synthetic data');
  expect(await page.evaluate(() => window.explorer?.nodeIds().length)).toBe(300);
  expect((await graphPixels(page)).nonBackground).toBeGreaterThan(2_000);

  await openExplorer(page, '?lang=zh');
  await expect(page.locator('#dataset-badge')).toBeHidden();
});
