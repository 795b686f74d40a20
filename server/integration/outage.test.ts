// Neo4j goes away while the server runs: every request answers 503 fast with the error shape,
// and the server recovers by itself once Neo4j is back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../seed/load.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';
import type { Database } from '../db/database.ts';
import { ManagedNeo4j } from '../neo4j/managed.ts';
import { expectErrorShape, getJson, startTestServer, testDatabase, type TestServer } from './helpers.ts';

const managed = new ManagedNeo4j({
  dataDir: mkdtempSync(path.join(tmpdir(), 'outage-')),
  boltPort: 7698,
  heap: '512m',
  pageCache: '64m',
});
let db: Database;
let server: TestServer;

beforeAll(async () => {
  const credentials = await managed.start({ attached: true });
  db = testDatabase(credentials);
  await db.applySchema();
  await loadDataset(db, readSeedDataset(CURATED_DIR));
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.close();
  await db?.close();
  await managed.stop();
});

async function timed(url: string) {
  const started = performance.now();
  const result = await getJson(url);
  return { ...result, ms: performance.now() - started };
}

describe('a lost database', () => {
  it('turns into 503s with Retry-After while it is down, and heals when it is back', async () => {
    expect((await getJson(`${server.url}/api/graph`)).status).toBe(200);
    await managed.stop();

    for (const endpoint of ['/api/health', '/api/graph', '/api/schema', '/api/nodes/firm/haier', '/api/datasets']) {
      const { status, body, headers, ms } = await timed(`${server.url}${endpoint}`);
      expect(status, endpoint).toBe(503);
      expect(headers.get('retry-after'), endpoint).toMatch(/^\d+$/);
      expect(expectErrorShape(body).code, endpoint).toBe('database_unavailable');
      expect(ms, `${endpoint} answered in ${ms.toFixed(0)} ms`).toBeLessThan(1_000);
    }
    const health = await getJson(`${server.url}/api/health`);
    expect(health.body).toMatchObject({ status: 'degraded', neo4j: { connected: false } });

    await managed.start({ attached: true });
    const backAt = performance.now();
    let recovered = false;
    while (performance.now() - backAt < 10_000) {
      if ((await getJson(`${server.url}/api/graph`)).status === 200) {
        recovered = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered, 'the server answers again within 10 s of Neo4j being back').toBe(true);
    expect((await getJson(`${server.url}/api/health`)).body.status).toBe('ok');
  });
});
