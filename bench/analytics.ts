// The analytics at scale: GET /api/metrics on the synthetic 100k dataset (100,000 nodes,
// ~500,000 relations) through the server as users run it, while other endpoints keep being
// asked. Measured: time to ready, the server's peak memory, and the latency of the other
// endpoints during the computation against the same requests before it (baseline, same run);
// then the first and later partner and paths-through answers. --quick: the 1k dataset on the
// run's shared server, a 3 s baseline.
import { setTimeout as sleep } from 'node:timers/promises';
import type { MetricsPayload } from '../domain/api-types.ts';
import { benchServer, ensureSynthetic } from './server.ts';

const PORT = 8094;
const BOLT_PORT = 7694;
const CONNECTIONS = 4;

interface Latency {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  max: number;
}

function summarise(samples: number[], errors: number): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { requests: samples.length, errors, p50: at(0.5), p95: at(0.95), max: Math.round(sorted.at(-1) ?? 0) };
}

/** The other endpoints users hit meanwhile: search, details, neighbours, schema. */
function otherRequests(url: string, dataset: string, ids: string[], query: string): string[] {
  const d = `dataset=${dataset}`;
  return ids.flatMap((id) => [
    `${url}/api/nodes/${id}?${d}`,
    `${url}/api/nodes/${id}/neighbors?${d}&limit=100`,
    `${url}/api/search?${d}&q=${encodeURIComponent(query)}&limit=10`,
    `${url}/api/schema?${d}`,
  ]);
}

/** CONNECTIONS loops over the requests until `stop()` says so. */
async function keepAsking(urls: string[], stop: () => boolean): Promise<Latency> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (!stop()) {
        const url = urls[next++ % urls.length]!;
        const started = performance.now();
        const response = await fetch(url).catch(() => undefined);
        await response?.arrayBuffer();
        if (!response?.ok) errors++;
        samples.push(performance.now() - started);
      }
    }),
  );
  return summarise(samples, errors);
}

/**
 * fetch, asked again once when the connection itself failed: the bench sits in the seed for
 * minutes, and a keep-alive socket the server closed meanwhile fails the first request on it.
 */
async function get(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}

/** A JSON answer; a passing 503 (a cold store after start) is asked again, up to five times. */
async function getJson<T>(url: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const response = await get(url);
    if (response.ok) return (await response.json()) as T;
    const body = await response.text();
    if (response.status !== 503 || attempt === 5)
      throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
    await sleep(2_000);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - started), value };
}

export async function analyticsBenchmark(quick: boolean) {
  const nodes = quick ? 1_000 : 100_000;
  const baselineSeconds = quick ? 3 : 15;
  const server = await benchServer(quick, { port: PORT, boltPort: BOLT_PORT, dataDir: '.data-bench/analytics' });
  try {
    const dataset = await ensureSynthetic(server, nodes);
    // Actors from across the degree range (the overview lists the best connected first).
    const overview = await getJson<{ nodes: { id: string; name_zh: string }[] }>(
      `${server.url}/api/graph?dataset=${dataset}&limit=2000`,
    );
    const picked = overview.nodes.filter((_n, i) => i % 200 === 50);
    const ids = picked.map((n) => n.id);
    if (ids.length < 2) throw new Error(`the overview of ${dataset} has ${overview.nodes.length} nodes`);
    const query = picked[0]!.name_zh.slice(0, 2);
    const urls = otherRequests(server.url, dataset, ids, query);
    const rssBefore = server.rssKb();
    const baselineEnd = Date.now() + baselineSeconds * 1000;
    const baseline = await keepAsking(urls, () => Date.now() > baselineEnd);

    let peakRssKb = server.rssKb();
    let ready: Extract<MetricsPayload, { status: 'ready' }> | undefined;
    const phases: string[] = [];
    const started = performance.now();
    const during = keepAsking(urls, () => ready !== undefined);
    while (!ready) {
      const payload = (await (await get(`${server.url}/api/metrics?dataset=${dataset}`)).json()) as MetricsPayload;
      peakRssKb = Math.max(peakRssKb, server.rssKb());
      if (payload.status === 'ready') ready = payload;
      else if (phases.at(-1) !== payload.progress.phase) phases.push(payload.progress.phase);
      if (performance.now() - started > 15 * 60_000) throw new Error('metrics not ready after 15 minutes');
      if (!ready) await sleep(500);
    }
    const metricsSeconds = Math.round((performance.now() - started) / 100) / 10;
    const duringComputation = await during;
    const partnersFirst = await timed(() =>
      get(`${server.url}/api/partners/${ids[0]}?dataset=${dataset}`).then((r) => r.json()),
    );
    const partnersNext = await timed(() =>
      get(`${server.url}/api/partners/${ids[1]}?dataset=${dataset}`).then((r) => r.json()),
    );
    const through = await timed(() =>
      get(`${server.url}/api/paths/through?dataset=${dataset}&from=${ids[0]}&to=${ids[1]}`).then((r) => r.json()),
    );
    return {
      dataset,
      nodes: ready.nodes,
      relations: ready.relations,
      connections: CONNECTIONS,
      metrics: {
        seconds: metricsSeconds,
        serverReportedMs: ready.durationMs,
        phases,
        approximations: ready.metrics.filter((m) => !m.exact).map((m) => `${m.id}: ${m.method}`),
      },
      memory: { rssBeforeMiB: Math.round(rssBefore / 1024), peakRssMiB: Math.round(peakRssKb / 1024) },
      otherEndpoints: {
        baseline,
        duringComputation,
        p95VsBaseline: Math.round((duringComputation.p95 / Math.max(1, baseline.p95)) * 100) / 100,
      },
      partners: {
        firstMs: partnersFirst.ms,
        nextMs: partnersNext.ms,
        candidates: (partnersNext.value as { candidates?: unknown[] }).candidates?.length ?? 0,
      },
      pathsThrough: { ms: through.ms },
    };
  } finally {
    await server.stop();
  }
}
