// `npm run seed` against the real Neo4j: idempotent, all or nothing, and clear about bad input.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDatasetStaged } from '../db/load.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { generateSynthetic } from '../../seed/synthetic.ts';
import type { Database } from '../db/database.ts';
import { testDatabase } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let db: Database;

function seedCli(...args: string[]) {
  const credentials = inject('neo4j');
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/seed.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      NEO4J_URI: credentials.uri,
      NEO4J_USER: credentials.user,
      NEO4J_PASSWORD: credentials.password,
      LOG_LEVEL: 'warn',
    },
  });
}

beforeAll(async () => {
  db = testDatabase();
  await db.applySchema();
});

afterAll(async () => {
  await db.close();
});

describe('npm run seed', () => {
  it('loads the curated dataset, and a second run changes nothing', async () => {
    const first = seedCli();
    expect(first.status, first.stderr).toBe(0);
    const after1 = await db.checksum();
    const second = seedCli();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.match(/\d+ nodes, \d+ relations/)?.[0]).toBe(
      first.stdout.match(/\d+ nodes, \d+ relations/)?.[0],
    );
    expect(await db.checksum()).toEqual(after1);
  });

  it('rejects a broken record naming file, line, record and field, and loads nothing', async () => {
    expect(seedCli().status).toBe(0);
    const before = await db.checksum();
    const dir = mkdtempSync(path.join(tmpdir(), 'broken-seed-'));
    cpSync(CURATED_DIR, dir, { recursive: true });
    // A valid change elsewhere proves that the good part is not loaded either.
    const events = path.join(dir, 'nodes', 'Event.yaml');
    writeFileSync(
      events,
      readFileSync(events, 'utf8').replace('name_en: Qianshan Summit', 'name_en: Qianshan Summit (edited)'),
    );
    const firms = path.join(dir, 'nodes', 'Firm.yaml');
    writeFileSync(firms, readFileSync(firms, 'utf8').replace('  name_zh: 海尔集团\n', '  name_zh: ""\n'));
    const run = seedCli('--dir', dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Firm\.yaml:\d+ record "firm\/haier" field "name_zh": must not be empty/);
    expect(await db.checksum()).toEqual(before);
  });

  it('keeps synthetic data out of the curated dataset', () => {
    const run = seedCli('--synthetic', '100', '--dataset', 'laoshan');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/never goes into the curated dataset/);
  });
});

describe('a staged load', () => {
  it('loads a synthetic dataset in batches under its own name, marked synthetic', async () => {
    const data = generateSynthetic({ nodes: 1_500, seed: 5, name: 'synthetic-it' });
    await loadDatasetStaged(db, data, { synthetic: true, nodeBatch: 400, relationBatch: 2_000 });
    const [row] = (await db.read('datasets-list')).filter((d) => d.name === 'synthetic-it');
    expect(row).toMatchObject({ synthetic: true, nodes: 1_500, relations: 7_500 });
  });

  it('leaves the database exactly as it was when a batch fails', async () => {
    const before = await db.checksum();
    const data = generateSynthetic({ nodes: 1_500, seed: 6, name: 'synthetic-it' });
    // A nested map is not a valid Neo4j property value: the third node batch fails.
    (data.nodes[1_000] as unknown as Record<string, unknown>).description_en = { not: 'allowed' };
    await expect(loadDatasetStaged(db, data, { synthetic: true, nodeBatch: 400 })).rejects.toThrow();
    expect(await db.checksum()).toEqual(before);
  });
});
