// Neo4j dies under load while the server runs in its own process (as `npm start` with
// NEO4J_URI): every request during the outage answers 503 with Retry-After within 1 s, in the
// error shape; the server heals by itself within 2 s of Neo4j answering queries again; no write
// that was acknowledged is lost. The clients behave: they honour Retry-After (capped at 5 s).
import { rmSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, loadDatasetStaged } from '../db/load.ts';
import { CURATED_DIR } from '../../seed/paths.ts';
import { readSeedDataset } from '../../seed/read.ts';
import { generateSynthetic } from '../../seed/synthetic.ts';
import { ManagedNeo4j, type Neo4jCredentials } from '../neo4j/managed.ts';
import { expectErrorShape, getJson, testDatabase } from './helpers.ts';
import { logLines, ROOT, startServerProcess, type ServerProcess } from './process.ts';

const TOKEN = 'outage-admin-token-0123456789';
const WRITES = 40;
const READERS = 8;
/** Pause of a reader between two answered requests. */
const THINK_MS = 50;
/** The longest Retry-After a client honours. */
const MAX_RETRY_AFTER_S = 5;
/** The server must answer again at most this long after Neo4j answers a query again. */
const HEAL_LIMIT_MS = 2_000;

const managed = new ManagedNeo4j({
  dataDir: path.join(ROOT, '.data-test', 'outage'),
  boltPort: 7698,
  heap: '512m',
  pageCache: '64m',
});
let credentials: Neo4jCredentials;
/** Wall-clock time of the first answered query, to place the server's log lines. */
let readyWall = 0;
let server: ServerProcess;

beforeAll(async () => {
  rmSync(path.join(ROOT, '.data-test', 'outage'), { recursive: true, force: true });
  credentials = await managed.start({ attached: true });
  const db = testDatabase(credentials);
  try {
    await db.applySchema();
    await loadDataset(db, readSeedDataset(CURATED_DIR));
    for (let i = 0; i < WRITES; i++)
      await loadDatasetStaged(db, generateSynthetic({ nodes: 10, seed: i, name: `w-${i}` }), { synthetic: true });
  } finally {
    await db.close();
  }
  server = await startServerProcess({
    NEO4J_URI: credentials.uri,
    NEO4J_USER: credentials.user,
    NEO4J_PASSWORD: credentials.password,
    ADMIN_TOKEN: TOKEN,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'debug',
  });
});

afterAll(async () => {
  await server?.stop();
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The moment a plain driver query succeeds again: Neo4j is "ready" from a client's view. */
async function firstQueryAnswered(): Promise<number> {
  const driver = neo4j.driver(credentials.uri, neo4j.auth.basic(credentials.user, credentials.password), {
    connectionTimeout: 1_000,
    maxTransactionRetryTime: 0,
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    for (;;) {
      try {
        await driver.executeQuery('RETURN 1', {}, { database: 'neo4j' });
        readyWall = Date.now();
        return performance.now();
      } catch {
        await sleep(25);
      }
    }
  } finally {
    await driver.close();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a lost database under load', () => {
  it('answers 503 fast while Neo4j is down, heals within 2 s of its return, and loses no acknowledged write', async () => {
    const samples: Sample[] = [];
    const acknowledged: { name: string; at: number }[] = [];
    let running = true;
    /** One request (127.0.0.1 only); the pause the client takes after it (Retry-After honoured). */
    const timed = async (what: string, init?: RequestInit): Promise<{ status: number; pauseMs: number }> => {
      const start = performance.now();
      let status = 0;
      let body: unknown = null;
      let retryAfter: string | null = null;
      try {
        const answer = await getJson(`${server.url}${what}`, { ...init, signal: AbortSignal.timeout(20_000) });
        ({ status, body } = answer);
        retryAfter = answer.headers.get('retry-after');
      } catch (error) {
        body = String(error);
      }
      samples.push({ start, end: performance.now(), status, what, body, retryAfter });
      const pauseMs =
        status === 503 && retryAfter !== null ? Math.min(Number(retryAfter), MAX_RETRY_AFTER_S) * 1_000 : THINK_MS;
      return { status, pauseMs };
    };
    // Each reader is one kind of client (a health check, a map viewer, a search user …).
    const readers = Array.from({ length: READERS }, async (_, r) => {
      while (running) await sleep((await timed(READS[r % READS.length] as string)).pauseMs);
    });
    // The writer retries the same write after a 503, as a client would.
    const writer = (async () => {
      for (let i = 0; running && i < WRITES;) {
        const { status, pauseMs } = await timed(`/api/datasets/w-${i}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        if (status === 200) acknowledged.push({ name: `w-${i}`, at: performance.now() });
        if (status !== 503) i++;
        await sleep(Math.max(pauseMs, 150));
      }
    })();
    const waitUntil = async (what: string, condition: () => boolean, timeoutMs: number) => {
      const deadline = performance.now() + timeoutMs;
      while (!condition()) {
        if (performance.now() > deadline) {
          const writes = samples.filter((x) => x.what.startsWith('/api/datasets/w-')).slice(-8);
          const summary = writes.map(
            (x) => `${x.what} ${x.status} ${(x.end - x.start).toFixed(0)} ms ${JSON.stringify(x.body).slice(0, 160)}`,
          );
          throw new Error(`timed out waiting for ${what}; last writes:\n${summary.join('\n')}`);
        }
        await sleep(25);
      }
    };

    // Load runs and writes are acknowledged; then the JVM is killed outright.
    await waitUntil('writes before the outage', () => acknowledged.length >= 3, 30_000);
    const pid = managed.running()?.pid as number;
    process.kill(pid, 'SIGKILL');
    await waitUntil('the JVM to die', () => !alive(pid), 10_000);
    const downAt = performance.now();
    // Restart it at once (the outage lasts as long as Neo4j takes to start and recover its store).
    const answered = firstQueryAnswered();
    await managed.start({ attached: true });
    const readyAt = await answered;
    await waitUntil(
      'a read and a write answered after the recovery',
      () => samples.some((s) => s.start >= readyAt && s.status === 200) && acknowledged.some((a) => a.at > readyAt),
      30_000,
    );
    running = false;
    await Promise.all([...readers, writer]);

    // No status but 200, 404 and 503, ever; every error in the shape of the contract.
    for (const s of samples) {
      expect([200, 404, 503], `${s.what} → ${s.status} ${JSON.stringify(s.body).slice(0, 200)}`).toContain(s.status);
      if (s.status >= 400) expectErrorShape(s.body);
    }
    // Every request made entirely during the outage: 503, Retry-After, within 1 s.
    const during = samples.filter((s) => s.start >= downAt && s.end <= readyAt);
    expect(during.length).toBeGreaterThan(20);
    for (const s of during) {
      expect(s.status, s.what).toBe(503);
      expect(s.retryAfter, s.what).toMatch(/^\d+$/);
      expect(s.end - s.start, `${s.what} took ${(s.end - s.start).toFixed(0)} ms`).toBeLessThan(1_000);
    }
    // Healed by itself: the first success after the kill came within 2 s of Neo4j being back.
    const firstOk = samples.filter((s) => s.start > downAt && s.status === 200).sort((a, b) => a.end - b.end)[0];
    expect(firstOk, 'a request succeeded after Neo4j came back').toBeDefined();
    const healMs = (firstOk?.end ?? Infinity) - readyAt;
    // Reported, not bounded: a data endpoint's first answer waits on query plans that a
    // restarted Neo4j compiles cold (1–3 s measured on this 2-core machine).
    const firstData = samples
      .filter((s) => s.start > downAt && s.status === 200 && s.what !== '/api/health')
      .sort((a, b) => a.end - b.end)[0];
    const dataHealMs = (firstData?.end ?? Infinity) - readyAt;
    // The timeline around the recovery, relative to the first answered query (for a failure).
    const gateLines = logLines(server.output())
      .filter((l) => /reachable|probe failed/.test(String(l.msg)))
      .slice(-4)
      .map(
        (l) =>
          `${Date.parse(String(l.time)) - readyWall} ms ${String(l.msg)} ${l.ms ?? ''} ${String(l.reason ?? '').slice(0, 60)}`,
      );
    const around = samples
      .filter((s) => s.end > readyAt - 1_500 && s.start < readyAt + 3_000)
      .sort((a, b) => a.start - b.start)
      .map((s) => `${(s.start - readyAt).toFixed(0)}→${(s.end - readyAt).toFixed(0)} ms ${s.status} ${s.what}`);
    console.log(`timeline (0 = Neo4j answered):\n  ${[...gateLines, ...around].join('\n  ')}`);
    expect(healMs, `first success ${healMs.toFixed(0)} ms after Neo4j answered again`).toBeLessThanOrEqual(
      HEAL_LIMIT_MS,
    );
    // Once one request succeeded, none failed: the first wave on the freshly started Neo4j (cold
    // connections, cold query plans) neither timed out nor closed the gate again.
    const afterwards = samples.filter((s) => s.start > (firstOk?.end ?? Infinity));
    expect(afterwards.length).toBeGreaterThan(0);
    for (const s of afterwards) expect(s.status, `${s.what} after the recovery`).not.toBe(503);
    // The gate closed once and opened once: no failure of an old request closed it again.
    const messages = logLines(server.output()).map((l) => String(l.msg));
    expect(messages.filter((m) => m.startsWith('Neo4j is unreachable'))).toHaveLength(1);
    expect(messages.filter((m) => m === 'Neo4j is reachable again')).toHaveLength(1);
    // Writes: some were acknowledged before and after the outage, and every one of them holds.
    expect(acknowledged.filter((a) => a.at < downAt).length, 'writes acknowledged before the outage').toBeGreaterThan(
      0,
    );
    expect(acknowledged.filter((a) => a.at > readyAt).length, 'writes acknowledged after it').toBeGreaterThan(0);
    const names = new Set(
      ((await getJson(`${server.url}/api/datasets`)).body.datasets as { name: string }[]).map((d) => d.name),
    );
    for (const { name } of acknowledged) expect(names.has(name), `${name} was deleted and stays deleted`).toBe(false);
    const maxDuring = Math.max(...during.map((s) => s.end - s.start));
    console.log(
      `outage: Neo4j down ${((readyAt - downAt) / 1000).toFixed(1)} s; ${during.length} requests during it, slowest ${maxDuring.toFixed(0)} ms; ` +
        `first success ${healMs.toFixed(0)} ms after Neo4j answered a query again (${firstOk?.what}), first data answer ${dataHealMs.toFixed(0)} ms (${firstData?.what}); ` +
        `${acknowledged.length} acknowledged writes kept`,
    );
  }, 180_000);
});
