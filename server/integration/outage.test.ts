// Neo4j goes away under load: every request during the outage answers 503 within 1 s with the
// error shape, the server heals by itself within 10 s of Neo4j being back, and no write that
// was acknowledged is lost.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, loadDatasetStaged } from '../db/load.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';
import { generateSynthetic } from '../../seed/synthetic.ts';
import type { Database } from '../db/database.ts';
import { ManagedNeo4j } from '../neo4j/managed.ts';
import { expectErrorShape, getJson, startTestServer, testDatabase, type TestServer } from './helpers.ts';

const TOKEN = 'outage-admin-token-0123456789';
const WRITES = 40;
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
  for (let i = 0; i < WRITES; i++)
    await loadDatasetStaged(db, generateSynthetic({ nodes: 10, seed: i, name: `w-${i}` }), { synthetic: true });
  server = await startTestServer(db, { adminToken: TOKEN, rateLimitPerMinute: 0 });
});

afterAll(async () => {
  await server?.close();
  await db?.close();
  await managed.stop();
});

interface Sample {
  start: number;
  end: number;
  status: number;
  what: string;
  body: unknown;
  retryAfter: string | null;
}

const READS = [
  '/api/health',
  '/api/graph',
  '/api/schema',
  '/api/nodes/firm/haier',
  '/api/search?q=haier',
  '/api/datasets',
  '/api/nodes/firm/haier/neighbors?depth=2',
];

describe('a lost database under load', () => {
  it('answers 503 fast while it is down, heals within 10 s, and loses no acknowledged write', async () => {
    const samples: Sample[] = [];
    const acknowledged: { name: string; at: number }[] = [];
    let running = true;
    const timed = async (what: string, init?: RequestInit) => {
      const start = performance.now();
      const { status, body, headers } = await getJson(`${server.url}${what}`, init);
      samples.push({ start, end: performance.now(), status, what, body, retryAfter: headers.get('retry-after') });
      return status;
    };
    const readers = Array.from({ length: 8 }, async (_, r) => {
      for (let i = r; running; i++) await timed(READS[i % READS.length] as string);
    });
    // The writer behaves like a client: on 503 it retries the same write a little later.
    const writer = (async () => {
      for (let i = 0; running && i < WRITES;) {
        const status = await timed(`/api/datasets/w-${i}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        if (status === 200) acknowledged.push({ name: `w-${i}`, at: performance.now() });
        if (status !== 503) i++;
        await new Promise((r) => setTimeout(r, 150));
      }
    })();

    await new Promise((r) => setTimeout(r, 1_500));
    await managed.stop();
    const downAt = performance.now();
    await new Promise((r) => setTimeout(r, 3_000));
    await managed.start({ attached: true });
    const upAt = performance.now();
    // Keep the load on until a write has been acknowledged after recovery (at most 20 s).
    const until = performance.now() + 20_000;
    while (performance.now() < until && !acknowledged.some((a) => a.at > upAt))
      await new Promise((r) => setTimeout(r, 200));
    running = false;
    await Promise.all([...readers, writer]);

    // No 5xx but 503, ever; every error in the shape of the contract.
    for (const s of samples) {
      expect([200, 404, 503], `${s.what} → ${s.status}`).toContain(s.status);
      if (s.status >= 400) expectErrorShape(s.body);
    }
    // Every request made entirely during the outage: 503, Retry-After, within 1 s.
    const during = samples.filter((s) => s.start >= downAt && s.end <= upAt);
    expect(during.length).toBeGreaterThan(50);
    for (const s of during) {
      expect(s.status, s.what).toBe(503);
      expect(s.retryAfter, s.what).toMatch(/^\d+$/);
      expect(s.end - s.start, `${s.what} took ${(s.end - s.start).toFixed(0)} ms`).toBeLessThan(1_000);
    }
    // Healed by itself: the first success after Neo4j was back came within 10 s.
    const firstOk = samples.filter((s) => s.start >= upAt && s.status === 200).sort((a, b) => a.end - b.end)[0];
    expect(firstOk, 'a request succeeded after Neo4j came back').toBeDefined();
    expect((firstOk?.end ?? Infinity) - upAt).toBeLessThan(10_000);
    // Writes: some were acknowledged before and after the outage, and every one of them holds.
    expect(acknowledged.filter((a) => a.at < downAt).length, 'writes acknowledged before the outage').toBeGreaterThan(
      0,
    );
    expect(acknowledged.filter((a) => a.at > upAt).length, 'writes acknowledged after it').toBeGreaterThan(0);
    const names = new Set(
      ((await getJson(`${server.url}/api/datasets`)).body.datasets as { name: string }[]).map((d) => d.name),
    );
    for (const { name } of acknowledged) expect(names.has(name), `${name} was deleted and stays deleted`).toBe(false);
    const maxDuring = Math.max(...during.map((s) => s.end - s.start));
    console.log(
      `outage: ${during.length} requests during the outage, slowest ${maxDuring.toFixed(0)} ms; first success ${((firstOk?.end ?? 0) - upAt).toFixed(0)} ms after Neo4j was back; ${acknowledged.length} acknowledged writes kept`,
    );
  });
});
