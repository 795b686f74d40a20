// The API at 1, 4 and 32 connections (autocannon on 127.0.0.1, bounded in time) against its
// floor: the same Cypher the route runs, through neo4j-driver directly with as many workers,
// measured in the same run right after it. Endpoints: search, details, 1-hop and 2-hop
// neighbourhoods, paths, partners (computed in the server's analytics worker: no Cypher floor)
// and the overview the app asks for: /api/graph?limit=20000 (its default) up to the level-of-
// detail threshold, /api/overview (the communities as aggregates, no Cypher floor) above it.
// Synthetic datasets of 1k, 10k and 100k nodes (5× relations), 4 s per run; --quick: the 1k one,
// 0.5 s per run and no warm-up run (each answer asked once only), on the run's shared server (a
// smoke test; the figures that matter need the full run). Issue 12's targets are checked on the
// largest dataset.
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { normalizeLatin } from '../domain/search-keys.ts';
import { DEFAULT_LOD_THRESHOLD } from '../server/routes/overview.ts';
import { secondRingPerNode } from '../server/routes/read.ts';
import { chineseQuery, latinQuery, subsequenceQuery, substringQuery } from '../server/search/rank.ts';
import { benchDriver, datasetSample, readQueries } from './driver.ts';
import { BENCH_STORE } from './profile.ts';
import { benchServer, ensureSynthetic } from './server.ts';

export interface Stats {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

type Floor = (driver: Driver, i: number) => Promise<void>;

interface Endpoint {
  name: string;
  paths: string[];
  floor?: Floor;
}

const CONNECTIONS = [1, 4, 32];

function stats(samples: number[], seconds: number, non2xx: number, errors: number): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    requests: samples.length,
    rps: Math.round((samples.length / seconds) * 10) / 10,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    non2xx,
    errors,
  };
}

/** autocannon over the paths in turn; latencies from every response (it reports no p95). */
function runApi(url: string, paths: string[], connections: number, seconds: number): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const samples: number[] = [];
    let non2xx = 0;
    const instance = autocannon(
      { url, connections, duration: seconds, timeout: 20, requests: paths.map((path) => ({ method: 'GET', path })) },
      (error, result) =>
        error ? reject(error) : resolve(stats(samples, seconds, non2xx, result.errors + result.timeouts)),
    );
    instance.on('response', (_client, status: number, _bytes, ms: number) => {
      samples.push(ms);
      if (status < 200 || status > 299) non2xx++;
    });
  });
}

/** `workers` loops over the floor's Cypher for `seconds`. */
async function runFloor(driver: Driver, floor: Floor, workers: number, seconds: number): Promise<Stats> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        await floor(driver, next++).catch(() => errors++);
        samples.push(performance.now() - started);
      }
    }),
  );
  return stats(samples, seconds, 0, errors);
}

/** fetch, asked again once when the connection failed (a keep-alive socket closed meanwhile). */
async function getOnce(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;

/** The search route's queries for one text, as server/routes/read.ts builds them. */
async function searchFloor(driver: Driver, key: string, text: string): Promise<void> {
  const ql = normalizeLatin(text);
  const compact = ql.replace(/\s+/g, '');
  const nfkc = text.normalize('NFKC');
  await readQueries(driver, async (run) => {
    await run('search-prefix', { key, q: nfkc, ql, qc: compact, types: [] });
    const inside = substringQuery(nfkc, key, []);
    if (inside) await run('search-substring-zh', { key, query: inside, q: nfkc, types: [] });
    const abbreviation = subsequenceQuery(compact, key, []);
    if (abbreviation) await run('search-subsequence', { key, query: abbreviation, types: [] });
    const zh = chineseQuery(text);
    if (zh) await run('search-fulltext-zh', { key, query: zh, types: [] });
    const latin = latinQuery(text);
    if (latin) await run('search-fulltext-latin', { key, query: latin, types: [] });
  });
}

/** The neighbours route's queries: the first ring, the sampled second ring, the edges among. */
async function neighborsFloor(driver: Driver, key: string, id: string, depth: number): Promise<void> {
  await readQueries(driver, async (run) => {
    const ring1 = await run('node-neighbors', { key, id, types: [], limit: 500 });
    const ids = ring1.slice(1).map((r) => String(r.id));
    const perNode = secondRingPerNode(ids.length);
    const ring2 =
      depth === 2
        ? await run('node-ring2', { key, ring1: ids, exclude: [id, ...ids], types: [], perNode, limit: 500 })
        : [];
    await run('edges-among', { key, ids: [...ring1, ...ring2].map((r) => r.id), relTypes: [] });
  });
}

/** Every route first reads the dataset list (server/graph/datasets.ts): so does the floor. */
async function withList(driver: Driver, work: () => Promise<void>): Promise<void> {
  await readQueries(driver, (run) => run('datasets-list', {}));
  await work();
}

/** What the app loads first: the whole graph (at most `limit` nodes), or the aggregates above the threshold. */
function overview(dataset: string, key: string, nodes: number, limit: number): Endpoint {
  const d = `dataset=${dataset}`;
  if (nodes > DEFAULT_LOD_THRESHOLD) return { name: 'overview', paths: [`/api/overview?${d}`] };
  return {
    name: 'overview',
    paths: [`/api/graph?${d}&limit=${limit}`],
    floor: (driver) =>
      withList(driver, () =>
        readQueries(driver, async (run) => {
          await run('graph-nodes', { key, types: [], limit });
          await run('graph-edges', { key, relTypes: [] });
        }),
      ),
  };
}

function endpoints(dataset: string, s: Awaited<ReturnType<typeof datasetSample>>, nodes: number): Endpoint[] {
  const d = `dataset=${dataset}`;
  const key = s.key;
  const zh = String(s.mid.name_zh);
  const texts = [zh.slice(0, 2), zh.slice(1, 3), String(s.mid.name_en).slice(0, 5), 'hr'];
  const ids = [s.hub, s.mid, s.other, s.last].map((n) => String(n.id));
  const pairs: [string, string][] = [
    [ids[1]!, ids[2]!],
    [ids[3]!, ids[0]!],
    [ids[2]!, ids[3]!],
  ];
  return [
    {
      name: 'search',
      paths: texts.map((t) => `/api/search?${d}&q=${encodeURIComponent(t)}`),
      floor: (driver, i) => withList(driver, () => searchFloor(driver, key, pick(texts, i))),
    },
    {
      name: 'details',
      paths: ids.map((id) => `/api/nodes/${id}?${d}`),
      floor: (driver, i) =>
        withList(driver, () =>
          readQueries(driver, async (run) => {
            await run('node-by-id', { key, id: pick(ids, i) });
            await run('node-relations', { key, id: pick(ids, i), limit: 5000 });
          }),
        ),
    },
    ...[1, 2].map((depth) => ({
      name: `${depth}-hop`,
      paths: ids.map((id) => `/api/nodes/${id}/neighbors?${d}&depth=${depth}`),
      floor: ((driver, i) => withList(driver, () => neighborsFloor(driver, key, pick(ids, i), depth))) as Floor,
    })),
    {
      name: 'paths',
      paths: pairs.map(([a, b]) => `/api/paths?${d}&from=${a}&to=${b}`),
      floor: (driver, i) =>
        withList(driver, () =>
          readQueries(driver, async (run) => {
            const [from, to] = pick(pairs, i);
            await run('nodes-exist', { key, ids: [from, to] });
            await run('paths', { key, from, to, maxHops: 4, k: 3 });
          }),
        ),
    },
    { name: 'partners', paths: ids.slice(1).map((id) => `/api/partners/${id}?${d}`) },
    overview(dataset, key, nodes, 20_000),
  ];
}

export interface ApiRun {
  endpoint: string;
  connections: number;
  api: Stats;
  floor: Stats | null;
}

/** Issue 12's targets at 4 connections (p95, ms). */
const P95_TARGETS: Record<string, number> = { search: 100, details: 100, '1-hop': 100, '2-hop': 400, paths: 500 };

export interface Target {
  target: string;
  value: number;
  limit: number;
  pass: boolean;
}

const ratio = (a: number, b: number) => Math.round((a / Math.max(1, b)) * 100) / 100;

/** Every target of issue 12 on one dataset's runs. */
export function checkTargets(runs: ApiRun[]): Target[] {
  const targets: Target[] = [];
  const add = (target: string, value: number, limit: number, pass: boolean) =>
    targets.push({ target, value, limit, pass });
  for (const r of runs) {
    const at = `${r.endpoint} @${r.connections}`;
    if (r.connections === 32)
      add(`${at}: no non-2xx`, r.api.non2xx + r.api.errors, 0, r.api.non2xx + r.api.errors === 0);
    const p95 = P95_TARGETS[r.endpoint];
    if (r.connections === 4 && p95 !== undefined) add(`${at}: p95 ≤ ${p95} ms`, r.api.p95, p95, r.api.p95 <= p95);
    if (!r.floor) continue;
    const rps = ratio(r.api.rps, r.floor.rps);
    add(`${at}: req/s ≥ 0.7× driver`, rps, 0.7, rps >= 0.7);
    // A run in which no answer came back within its time has no p50: a miss, not a pass.
    const p50 = r.api.requests === 0 ? Infinity : ratio(r.api.p50, r.floor.p50);
    add(`${at}: p50 ≤ 1.5× driver`, p50, 1.5, r.api.requests > 0 && r.api.p50 <= 1.5 * Math.max(1, r.floor.p50));
  }
  return targets;
}

/** Asks until the answer is no longer 202 (the analytics worker computing), for at most 10 minutes. */
async function ready(url: string): Promise<void> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const response = await getOnce(url);
    await response.arrayBuffer();
    if (response.status !== 202) return;
    if (Date.now() > deadline) throw new Error(`${url} still computing after 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Seconds per run, and of the warm-up at 4 connections before an endpoint's runs (0: none). */
interface Timing {
  seconds: number;
  warmupSeconds: number;
}

async function measureDataset(server: { url: string }, driver: Driver, nodes: number, timing: Timing) {
  const { seconds, warmupSeconds } = timing;
  const dataset = `synthetic-${nodes}`;
  const sample = await datasetSample(driver, dataset);
  const runs: ApiRun[] = [];
  for (const e of endpoints(dataset, sample, nodes)) {
    // Warm-up: each answer once (the partners' and the aggregates' first wait for the analytics
    // worker: a cold cost the analytics benchmark measures), then JIT and plans.
    for (const path of e.paths) await ready(`${server.url}${path}`);
    if (warmupSeconds > 0) await runApi(server.url, e.paths, 4, warmupSeconds);
    for (const connections of CONNECTIONS) {
      const api = await runApi(server.url, e.paths, connections, seconds);
      const floor = e.floor ? await runFloor(driver, e.floor, connections, seconds) : null;
      runs.push({ endpoint: e.name, connections, api, floor });
    }
  }
  const parameters = { hub: sample.hub.id, mid: sample.mid.id, other: sample.other.id, last: sample.last.id };
  return { dataset, nodes, parameters, runs };
}

export async function apiBenchmark(quick: boolean) {
  // BENCH_API_SIZES=100000: one size of the full run again (e.g. after a change), written as api.json.
  const chosen = process.env.BENCH_API_SIZES?.split(',')
    .map(Number)
    .filter((n) => [1_000, 10_000, 100_000].includes(n));
  const sizes = quick ? [1_000] : chosen?.length ? chosen : [1_000, 10_000, 100_000];
  const timing = quick ? { seconds: 0.5, warmupSeconds: 0 } : { seconds: 4, warmupSeconds: 1 };
  const server = await benchServer(quick, { ...BENCH_STORE, env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const driver = benchDriver(server.dataDir, server.boltPort);
  try {
    for (const n of sizes) await ensureSynthetic(server, n);
    const datasets = [];
    for (const n of sizes) datasets.push(await measureDataset(server, driver, n, timing));
    const largest = datasets.at(-1)!;
    const targets = checkTargets(largest.runs);
    return { secondsPerRun: timing.seconds, connections: CONNECTIONS, datasets, targetsOn: largest.dataset, targets };
  } finally {
    await driver.close();
    await server.stop();
  }
}
