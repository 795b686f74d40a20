// A bounded load test on 127.0.0.1: a mix of endpoints with 100 connections for 60 s
// (10 s with --quick), against a baseline measured in the same run (GET /api/health, the
// cheapest answer that still reaches Neo4j). Reports errors, latency, throughput and the
// server's memory growth.
import autocannon, { type Result } from 'autocannon';
import { startBenchServer } from './server.ts';

export interface LoadResult {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

const MIX = [
  '/api/graph',
  '/api/schema',
  '/api/datasets',
  '/api/nodes/firm/haier',
  '/api/nodes/district/laoshan',
  '/api/nodes/district/laoshan/neighbors?depth=2',
  `/api/search?q=${encodeURIComponent('海尔')}`,
  '/api/search?q=hejt',
  '/api/search?q=starry',
  `/api/search?q=${encodeURIComponent('崂')}`,
  '/api/sources/source/laoshan-sti-conference-2024',
  '/api/health',
];

function run(url: string, paths: string[], connections: number, seconds: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections, duration: seconds, timeout: 10, requests: paths.map((path) => ({ method: 'GET', path })) },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

function summarise(name: string, result: Result, connections: number, seconds: number): LoadResult {
  return {
    name,
    connections,
    seconds,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function loadBenchmark(quick: boolean) {
  const seconds = quick ? 10 : 60;
  const connections = 100;
  // Rate limits would answer 429 to a single client hammering from one IP; here the server's
  // capacity is measured, so they are off (they are tested in server/integration/hardening).
  const server = await startBenchServer(8093, { RATE_LIMIT_PER_MINUTE: '0' });
  try {
    await run(server.url, MIX, connections, quick ? 3 : 10); // warm-up: JIT, pools, caches
    const baseline = summarise(
      'baseline: GET /api/health',
      await run(server.url, ['/api/health'], connections, quick ? 5 : 15),
      connections,
      quick ? 5 : 15,
    );
    const rssBefore = server.rssKb();
    const mix = summarise(
      `mix of ${MIX.length} endpoints`,
      await run(server.url, MIX, connections, seconds),
      connections,
      seconds,
    );
    const rssAfter = server.rssKb();
    return {
      baseline,
      mix,
      memory: {
        rssBeforeKb: rssBefore,
        rssAfterKb: rssAfter,
        growthPercent: Math.round(((rssAfter - rssBefore) / rssBefore) * 1000) / 10,
      },
      ratios: {
        p99VsBaseline: Math.round((mix.p99 / Math.max(1, baseline.p99)) * 100) / 100,
        rpsVsBaseline: Math.round((mix.rps / Math.max(1, baseline.rps)) * 100) / 100,
      },
    };
  } finally {
    await server.stop();
  }
}
