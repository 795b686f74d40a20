// A bounded load test on 127.0.0.1: a mix of endpoints with 100 connections for 60 s
// (5 s with --quick, on the run's shared server, its memory read every 0.5 s instead of 2 s),
// against a baseline measured in the same run (GET /api/health, the cheapest answer that still
// reaches Neo4j). Reports errors, latency, throughput and the server's memory growth.
import autocannon, { type Result } from 'autocannon';
import { benchServer } from './server.ts';

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

/** A run bounded in time, or by a number of answers (it then leaves no request in flight). */
type Bound = { seconds: number } | { answers: number };

function run(url: string, paths: string[], connections: number, bound: Bound): Promise<Result> {
  const limit = 'seconds' in bound ? { duration: bound.seconds } : { amount: bound.answers };
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections, ...limit, timeout: 10, requests: paths.map((path) => ({ method: 'GET', path })) },
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

/**
 * Growth under the same load: the mean RSS over the last quarter of the run against the first
 * quarter. Idle readings before and after are kept for reference; they are not comparable with
 * readings under load (the heap works at a larger size while requests are in flight).
 */
export function memoryGrowth(idleBeforeKb: number, idleAfterKb: number, seriesKb: number[]) {
  const quarter = Math.max(1, Math.floor(seriesKb.length / 4));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const first = mean(seriesKb.slice(0, quarter));
  const last = mean(seriesKb.slice(-quarter));
  return {
    idleBeforeKb,
    idleAfterKb,
    rssSeriesKb: seriesKb,
    firstQuarterKb: Math.round(first),
    lastQuarterKb: Math.round(last),
    growthPercent: Math.round(((last - first) / first) * 1000) / 10,
  };
}

/**
 * Seconds of each part of the run, and how often the server's memory is read under load. The
 * quick mix is warmed by 300 answers rather than for a time: a timed warm-up ends with 100
 * requests in flight, which the server still works through while the 5 s of mix run (one quick
 * run counted no answer at all in them).
 */
const FULL_TIMES = { baselineWarmup: 3, baseline: 15, mixWarmup: { seconds: 20 }, mix: 60, rssEveryMs: 2_000 };
const QUICK_TIMES = { baselineWarmup: 1, baseline: 2, mixWarmup: { answers: 300 }, mix: 5, rssEveryMs: 500 };

export async function loadBenchmark(quick: boolean) {
  const times = quick ? QUICK_TIMES : FULL_TIMES;
  const seconds = times.mix;
  const connections = 100;
  // Rate limits would answer 429 to a single client hammering from one IP; here the server's
  // capacity is measured, so they are off (they are tested in server/integration/hardening).
  const server = await benchServer(quick, { port: 8093, env: { RATE_LIMIT_PER_MINUTE: '0' } });
  try {
    await run(server.url, ['/api/health'], connections, { seconds: times.baselineWarmup });
    const baselineSeconds = times.baseline;
    const baseline = summarise(
      'baseline: GET /api/health',
      await run(server.url, ['/api/health'], connections, { seconds: baselineSeconds }),
      connections,
      baselineSeconds,
    );
    // Warm-up of the mix (JIT, connection pool, heap at its working size); then memory is read.
    await run(server.url, MIX, connections, times.mixWarmup);
    const rssBefore = server.rssKb();
    const rssSeriesKb: number[] = [];
    const sampler = setInterval(() => rssSeriesKb.push(server.rssKb()), times.rssEveryMs);
    const mix = summarise(
      `mix of ${MIX.length} endpoints`,
      await run(server.url, MIX, connections, { seconds }),
      connections,
      seconds,
    );
    clearInterval(sampler);
    const rssAfter = server.rssKb();
    return {
      baseline,
      mix,
      errorsTotal: baseline.errors + baseline.timeouts + baseline.non2xx + mix.errors + mix.timeouts + mix.non2xx,
      memory: memoryGrowth(rssBefore, rssAfter, rssSeriesKb),
      ratios: {
        p99VsBaseline: Math.round((mix.p99 / Math.max(1, baseline.p99)) * 100) / 100,
        rpsVsBaseline: Math.round((mix.rps / Math.max(1, baseline.rps)) * 100) / 100,
      },
    };
  } finally {
    await server.stop();
  }
}
