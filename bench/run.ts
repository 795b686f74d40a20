// `npm run bench [-- --quick] [--strict] [--only load|browser|import|partners|analytics|extraction|…]`: runs the benchmarks,
// writes bench/results/<name>.json and prints a table per benchmark.
//   load         a bounded load test of the API; ratios compare against a baseline measured in
//                the same run. Fails the run on errors or on ≥20% memory growth (--quick: on
//                errors only).
//   browser-10k  the 10k-node map in Chromium with software WebGL: long tasks, first frame,
//                ready. Fails the run on errors (page errors, not ready, wrong node count, blank
//                canvas); the 200 ms long-task limit is reported as pass/miss and fails the run
//                only with --strict (timings on a shared or slow machine vary too much to
//                gate on by default).
//   import       100,000 nodes + 500,000 relations from CSV: readImport + runImport against the
//                same writes one row per transaction in the same run (bench/import.ts); the
//                target (≥20× the baseline) is reported as pass/miss and fails the run only with
//                --strict. Fails the run on errors (problems in the files, wrong counts).
//   partners     the partner finder's score against random, common neighbours, Adamic–Adar,
//                resource allocation, preferential attachment and the local path index: 10% of the
//                ties of ca-grqc and of a synthetic ecosystem hidden, AUC and precision@20 over 5
//                repetitions (bench/partners.ts), and rankPartners' latency on 100k nodes + 500k
//                relations. Beating Adamic–Adar on ca-grqc in both is reported as pass/miss and
//                fails the run only with --strict.
//   analytics    GET /api/metrics on the synthetic 100k dataset (100,000 nodes, 500,000 relations)
//                while other endpoints keep being asked: time to ready, the server's peak memory,
//                their latency against the same requests before (baseline, same run), then the
//                first and later partner answers (bench/analytics.ts). Fails on errors of the other
//                endpoints.
//   profile      PROFILE of every catalogued read query on the synthetic 100k dataset (db hits,
//                rows, ms), parameters taken from the data (bench/profile.ts).
//                BENCH_CYPHER_DIR profiles another catalogue (before/after).
//   api          search, details, 1-hop, 2-hop, paths, partners and the overview at 1, 4 and 32
//                connections (autocannon) beside the same Cypher through the driver with as many
//                workers, on synthetic 1k, 10k and 100k (bench/api.ts); issue 12's targets on
//                100k reported as pass/miss, failing the run only with --strict.
//   picture      the app against a bare sigma page drawing the same dataset from the same server
//                (bench/picture.ts, bench/bare/page.ts), the curated map and 10k: first frame and
//                final picture (target ≤ 1.3× the bare page), longest task, a hover highlight
//                (target ≤ 16 ms), bytes on the wire per node and relation; targets reported as
//                pass/miss (fail only with --strict).
//   start        `npm start` to ready (health, then the curated graph served), cold (a new store:
//                created, schema, curated dataset loaded) and warm, beside the managed Neo4j
//                alone started the same way (bench/start.ts), and the web build's time.
//   extraction   the document extractor (server/extract/) run cold on the source article and on
//                two more reports, precision and recall against their gold sets (bench/extraction.ts);
//                issue 14's targets on the source article reported as pass/miss, never failing the run.
// --quick is a smoke test of every figure in under 3 minutes on 2 cores, written to
// <name>-quick.json so that the committed full figures stay. One bench server (bench/server.ts
// QUICK_SERVER: a store of its own, .data-bench/quick, with the curated map and synthetic-1000,
// seeded by the first quick run and kept) serves load, analytics, profile, api, browser and
// picture, run in that order and then stopped, instead of a server and a Neo4j each. load: 2 s
// of baseline, 5 s of mix after 300 answers of warm-up, memory growth reported, not gated;
// analytics: synthetic-1000, a 3 s baseline; profile: synthetic-1000; api: synthetic-1000, 0.5 s
// per run, no warm-up run; browser: one run on synthetic-1000 (not 10k); picture: one run each
// on the curated map and synthetic-1000; import: 2,000 nodes + 10,000 relations, a baseline
// sample of 50 + 100 rows; partners: 2 repetitions, 20,000 AUC samples, 1,000 query nodes, a 5k
// synthetic graph, latency on 10k; start: one cold and one warm start of each, no web build.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyticsBenchmark } from './analytics.ts';
import { apiBenchmark, type Stats } from './api.ts';
import { browserBenchmark, LONG_TASK_LIMIT_MS } from './browser.ts';
import { extractionBenchmark, printExtraction } from './extraction.ts';
import { pictureBenchmark } from './picture.ts';
import { importBenchmark } from './import.ts';
import { loadBenchmark } from './load.ts';
import { partnersBenchmark } from './partners.ts';
import { profileBenchmark } from './profile.ts';
import { ROOT, stopSharedBenchServer } from './server.ts';
import { startBenchmark } from './start.ts';

const results = path.join(ROOT, 'bench', 'results');

/** What was measured, and on what: figures from a busy machine or an uncommitted tree say so. */
function provenance(quick: boolean) {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  return {
    quick,
    at: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain', '--untracked-files=no').length > 0,
    node: process.version,
    cpus: cpus().length,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

function write(name: string, record: object): void {
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

async function runLoad(quick: boolean): Promise<boolean> {
  const before = provenance(quick);
  const load = await loadBenchmark(quick);
  write(quick ? 'load-quick' : 'load', { benchmark: 'load', ...before, ...load });
  console.table(
    [load.baseline, load.mix].map((r) => ({
      run: r.name,
      connections: r.connections,
      seconds: r.seconds,
      requests: r.requests,
      'req/s': r.rps,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
    })),
  );
  console.log(
    `memory (RSS under load, first → last quarter of the run) ${Math.round(load.memory.firstQuarterKb / 1024)} → ${Math.round(load.memory.lastQuarterKb / 1024)} MiB (${load.memory.growthPercent}%); ` +
      `mix vs baseline: p99 ×${load.ratios.p99VsBaseline}, throughput ×${load.ratios.rpsVsBaseline}`,
  );
  // Growth over --quick's 5 s is the heap's breathing (±16% in quick runs), not a leak: reported only.
  const grew = !quick && load.memory.growthPercent >= 20;
  if (load.errorsTotal > 0 || grew) {
    console.error('load benchmark FAILED: errors, non-2xx answers or memory growth of 20% or more');
    return false;
  }
  return true;
}

async function runBrowser(quick: boolean, strict: boolean): Promise<boolean> {
  const before = provenance(quick);
  let result;
  try {
    result = await browserBenchmark(quick);
  } catch (error) {
    console.error('browser-10k benchmark FAILED:', error instanceof Error ? error.message : error);
    return false;
  }
  write(quick ? 'browser-quick' : 'browser-10k', { benchmark: 'browser-10k', ...before, ...result });
  console.table(
    result.runs.map((r) => ({
      run: r.run,
      'first frame ms': r.firstFrameMs,
      'ready ms': r.readyMs,
      'long tasks': r.longTasks,
      'longest task ms': r.longestTaskMs,
      [`≤ ${LONG_TASK_LIMIT_MS} ms`]: r.withinLimit ? 'pass' : 'MISS',
      'load avg': r.loadAverage1m,
    })),
  );
  const { summary } = result;
  console.log(
    `${result.nodes} nodes, ${result.relations} relations, ${result.browser} (software WebGL): ` +
      `median first frame ${summary.medianFirstFrameMs} ms, median ready ${summary.medianReadyMs} ms, ` +
      `longest task ${summary.longestTaskMs} ms — limit ${LONG_TASK_LIMIT_MS} ms: ${result.withinLimit ? 'pass' : 'MISS'}`,
  );
  if (!result.withinLimit && strict) {
    console.error(`browser-10k benchmark FAILED (--strict): a main-thread task over ${LONG_TASK_LIMIT_MS} ms`);
    return false;
  }
  return true;
}

async function runImportBench(quick: boolean, strict: boolean): Promise<boolean> {
  const before = provenance(quick);
  let result;
  try {
    result = await importBenchmark(quick);
  } catch (error) {
    console.error('import benchmark FAILED:', error instanceof Error ? error.message : error);
    return false;
  }
  write(quick ? 'import-quick' : 'import', { benchmark: 'import', ...before, ...result });
  const { baseline, ratio } = result;
  const imported = result.import;
  console.table([
    {
      run: `import (read + write), batched`,
      rows: result.rows,
      seconds: imported.totalSeconds,
      'rows/s': imported.rowsPerSecond,
      '× baseline': ratio.importVsBaseline,
    },
    {
      run: '  read (readImport)',
      rows: result.rows,
      seconds: imported.readSeconds,
      'rows/s': Math.round(result.rows / imported.readSeconds),
      '× baseline': '',
    },
    {
      run: '  write (runImport, mode new)',
      rows: result.rows,
      seconds: imported.writeSeconds,
      'rows/s': imported.writeRowsPerSecond,
      '× baseline': ratio.writeVsBaseline,
    },
    {
      run: 'baseline: one row per transaction',
      rows: baseline.sampleNodes + baseline.sampleRelations,
      seconds: Math.round((baseline.nodeSeconds + baseline.relationSeconds) * 100) / 100,
      'rows/s': baseline.rowsPerSecond,
      '× baseline': 1,
    },
  ]);
  console.log(
    `${result.dataset}: ${result.nodes} nodes + ${result.relations} relations; ` +
      `write phases ${Object.entries(imported.phases)
        .map(([phase, s]) => `${phase} ${s} s`)
        .join(', ')}; ` +
      `baseline ${baseline.nodesPerSecond} nodes/s and ${baseline.relationsPerSecond} relations/s on a sample ` +
      `(${baseline.sampleNodes} + ${baseline.sampleRelations}, after ${baseline.warmupNodes} + ${baseline.warmupRelations} untimed), ` +
      `extrapolated: ${baseline.extrapolatedSeconds} s for the whole set; ` +
      `peak RSS ${result.memory.peakMiB} MiB (from ${result.memory.rssBeforeMiB}); ` +
      `import part ${result.benchmarkSeconds} s in all`,
  );
  console.log(
    `import ÷ baseline: ×${ratio.importVsBaseline} (write alone ×${ratio.writeVsBaseline}) — target ≥ ×${ratio.target}: ${ratio.meetsTarget ? 'pass' : 'MISS'}`,
  );
  if (!ratio.meetsTarget && strict) {
    console.error(`import benchmark FAILED (--strict): under ×${ratio.target} the baseline`);
    return false;
  }
  return true;
}

function runPartners(quick: boolean, strict: boolean): boolean {
  const before = provenance(quick);
  let result;
  try {
    result = partnersBenchmark(quick);
  } catch (error) {
    console.error('partners benchmark FAILED:', error instanceof Error ? error.message : error);
    return false;
  }
  write(quick ? 'partners-quick' : 'partners', { benchmark: 'partners', ...before, ...result });
  const pm = (s: { mean: number; sd: number }, digits: number) => `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)}`;
  for (const dataset of result.datasets) {
    const counts = Object.entries(dataset.counts).map(([k, v]) => `${k} ${v}`);
    console.log(
      `${dataset.dataset}: ${counts.join(', ')}; ${dataset.hiddenPerRepetition} ties hidden per repetition; ` +
        `precision@20 ceiling ${dataset.precisionAt20Ceiling.toFixed(4)}`,
    );
    const paired = dataset.partnerVsAdamicAdar;
    console.log(
      `the partner score beat Adamic–Adar on the same split in ${paired.aucWins} of ${paired.repetitions} repetitions (AUC), ` +
        `${paired.precisionAt20Wins} of ${paired.repetitions} (precision@20)`,
    );
    console.table(
      dataset.methods.map((m) => ({
        method: m.name,
        AUC: pm(m.auc, 4),
        'precision@20': pm(m.precisionAt20, 5),
        seconds: m.seconds,
      })),
    );
  }
  const { latency } = result;
  console.log(
    `rankPartners on ${latency.graph} (${latency.nodes} nodes, ${latency.relations} relations): first query (builds the index) ${latency.firstQueryMs} ms; ` +
      `${latency.queries} queries: p50 ${latency.p50Ms} ms, p95 ${latency.p95Ms} ms, max ${latency.maxMs} ms; partners part ${result.benchmarkSeconds} s`,
  );
  const grqc = result.datasets[0]!.methods;
  const partner = grqc.find((m) => m.id === 'partner')!;
  const aa = grqc.find((m) => m.id === 'aa')!;
  const beats = partner.auc.mean > aa.auc.mean && partner.precisionAt20.mean > aa.precisionAt20.mean;
  console.log(`${result.method} vs Adamic–Adar on ca-grqc (AUC and precision@20): ${beats ? 'pass' : 'MISS'}`);
  if (!beats && strict) {
    console.error('partners benchmark FAILED (--strict): the partner score does not beat Adamic–Adar on ca-grqc');
    return false;
  }
  return true;
}

async function runAnalytics(quick: boolean): Promise<boolean> {
  const before = provenance(quick);
  let result;
  try {
    result = await analyticsBenchmark(quick);
  } catch (error) {
    console.error('analytics benchmark FAILED:', error instanceof Error ? error.message : error);
    return false;
  }
  write(quick ? 'analytics-quick' : 'analytics', { benchmark: 'analytics', ...before, ...result });
  const { baseline, duringComputation, p95VsBaseline } = result.otherEndpoints;
  console.table([
    { run: 'other endpoints before (baseline)', ...baseline },
    { run: 'other endpoints while computing', ...duringComputation },
  ]);
  console.log(
    `${result.dataset}: ${result.nodes} nodes, ${result.relations} relations — /api/metrics ready in ${result.metrics.seconds} s ` +
      `(phases ${result.metrics.phases.join(' → ')}); approximations: ${result.metrics.approximations.join('; ') || 'none'}; ` +
      `server RSS ${result.memory.rssBeforeMiB} → peak ${result.memory.peakRssMiB} MiB; other endpoints p95 ×${p95VsBaseline} ` +
      `the baseline while computing; partners first ${result.partners.firstMs} ms (loads the graph), next ${result.partners.nextMs} ms; ` +
      `paths-through ${result.pathsThrough.ms} ms`,
  );
  const failed = result.otherEndpoints.duringComputation.errors > 0;
  if (failed)
    console.error('analytics benchmark FAILED: other endpoints answered errors while the metrics were computed');
  return !failed;
}

async function runProfile(quick: boolean): Promise<boolean> {
  const before = provenance(quick);
  let result;
  try {
    result = await profileBenchmark(quick);
  } catch (error) {
    console.error('profile benchmark FAILED:', error instanceof Error ? error.message : error);
    return false;
  }
  write(quick ? 'profile-quick' : 'profile', { benchmark: 'profile', ...before, ...result });
  console.log(`PROFILE on ${result.dataset} (parameters: ${JSON.stringify(result.parameters)})`);
  console.table(
    result.queries.map((q) => ({
      query: q.query,
      case: q.label,
      'db hits': q.dbHits,
      rows: q.rows,
      ms: q.ms,
      'whole dataset by design': q.whole ? 'yes' : '',
    })),
  );
  return true;
}

/** A figure beside its floor: "12 (9)"; the floor is the same Cypher through the driver. */
const beside = (api: number, floor: number | undefined) => (floor === undefined ? `${api}` : `${api} (${floor})`);

function apiRow(dataset: string, endpoint: string, connections: number, api: Stats, floor: Stats | null) {
  const f = floor ?? undefined;
  return {
    dataset,
    endpoint,
    conns: connections,
    'p50 ms (driver)': beside(api.p50, f?.p50),
    'p95 ms (driver)': beside(api.p95, f?.p95),
    'p99 ms (driver)': beside(api.p99, f?.p99),
    'req/s (driver)': beside(api.rps, f?.rps),
    'non-2xx': api.non2xx + api.errors,
  };
}

async function runApiBench(quick: boolean, strict: boolean): Promise<boolean> {
  const before = provenance(quick);
  let result;
  try {
    result = await apiBenchmark(quick);
  } catch (error) {
    console.error('api benchmark FAILED:', error instanceof Error ? error.message : error);
    return false;
  }
  const name = quick ? 'api-quick' : process.env.BENCH_API_SIZES ? `api-${process.env.BENCH_API_SIZES}` : 'api';
  write(name, { benchmark: 'api', ...before, ...result });
  console.table(
    result.datasets.flatMap((d) => d.runs.map((r) => apiRow(d.dataset, r.endpoint, r.connections, r.api, r.floor))),
  );
  console.log(`targets on ${result.targetsOn} (${result.secondsPerRun} s per run):`);
  console.table(
    result.targets.map((t) => ({ target: t.target, value: t.value, limit: t.limit, '': t.pass ? 'pass' : 'MISS' })),
  );
  const missed = result.targets.filter((t) => !t.pass).length;
  console.log(`${result.targets.length - missed} of ${result.targets.length} targets met`);
  if (missed > 0 && strict) {
    console.error(`api benchmark FAILED (--strict): ${missed} targets missed`);
    return false;
  }
  return true;
}

async function runPicture(quick: boolean, strict: boolean): Promise<boolean> {
  const before = provenance(quick);
  let result;
  try {
    result = await pictureBenchmark(quick);
  } catch (error) {
    console.error('picture benchmark FAILED:', error instanceof Error ? error.message : error);
    return false;
  }
  write(quick ? 'picture-quick' : 'picture', { benchmark: 'picture', ...before, ...result });
  console.table(
    Object.entries(result.datasets).map(([dataset, r]) => ({
      dataset,
      nodes: r.nodes,
      'app first frame ms': r.app.medianFirstFrameMs,
      'app final ms': r.app.medianFinalPictureMs,
      'bare ms': r.bare.medianFirstFrameMs,
      'first ×bare': r.firstFrameVsBare,
      'final ×bare': r.finalPictureVsBare,
      'longest task ms': r.app.longestTaskMs,
      'hover ms (max)': `${r.hover.medianMs} (${r.hover.maxMs})`,
      'API B/node': r.bytes.apiPerNode,
      'API B/relation': r.bytes.apiPerRelation,
    })),
  );
  const missed = Object.entries(result.datasets).filter(([, r]) => !r.meetsRatioTarget || !r.meetsHoverTarget);
  for (const [dataset, r] of missed)
    console.log(
      `picture: ${dataset} misses a target (≤ ×${result.targets.ratio} the bare page: first ×${r.firstFrameVsBare}, final ×${r.finalPictureVsBare}; hover ≤ ${result.targets.hoverMs} ms: max ${r.hover.maxMs} ms)`,
    );
  if (missed.length && strict) {
    console.error('picture benchmark FAILED (--strict): a target missed');
    return false;
  }
  return true;
}

function runExtraction(quick: boolean): boolean {
  const before = provenance(quick);
  let result;
  try {
    result = extractionBenchmark();
  } catch (error) {
    console.error('extraction benchmark FAILED:', error instanceof Error ? error.message : error);
    return false;
  }
  write(quick ? 'extraction-quick' : 'extraction', { benchmark: 'extraction', ...before, ...result });
  printExtraction(result);
  return true;
}

async function runStart(quick: boolean): Promise<boolean> {
  const before = provenance(quick);
  let result;
  try {
    result = await startBenchmark(quick);
  } catch (error) {
    console.error('start benchmark FAILED:', error instanceof Error ? error.message : error);
    return false;
  }
  write(quick ? 'start-quick' : 'start', { benchmark: 'start', ...before, ...result });
  console.table(result.runs.map((r) => ({ run: r.run, 'health ms': r.healthMs, 'ready ms': r.readyMs })));
  console.log(
    `npm start to ready: cold ${result.cold.app} ms (${result.cold.ratio}× Neo4j alone, ${result.cold.floor} ms), ` +
      `warm ${result.warm.app} ms (${result.warm.ratio}× Neo4j alone, ${result.warm.floor} ms)` +
      (result.webBuildMs === null ? '' : `; a web build when web/ changed adds ${result.webBuildMs} ms`),
  );
  return true;
}

const BENCHMARKS = [
  'load',
  'browser',
  'import',
  'partners',
  'analytics',
  'profile',
  'api',
  'picture',
  'start',
  'extraction',
] as const;

/**
 * --quick's benchmarks on its shared server (bench/server.ts benchServer), in the order they
 * run: analytics first among those that ask for synthetic-1000, because the server keeps the
 * metrics and the partner graph it computes, and the analytics benchmark times the first time.
 */
const QUICK_SHARED_SERVER: readonly string[] = ['load', 'analytics', 'profile', 'api', 'browser', 'picture'];

/** The shared server's benchmarks first (then it is stopped), the others after in their order. */
function quickOrder<T extends [string, unknown]>(steps: T[]): T[] {
  const rank = (name: string) => {
    const i = QUICK_SHARED_SERVER.indexOf(name);
    return i < 0 ? QUICK_SHARED_SERVER.length : i;
  };
  return [...steps].sort((a, b) => rank(a[0]) - rank(b[0]));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
    strict: true,
  });
  const only = values.only;
  if (only !== undefined && !(BENCHMARKS as readonly string[]).includes(only))
    throw new Error(`--only takes ${BENCHMARKS.join(', ')}, not ${only}`);
  const runs = (name: (typeof BENCHMARKS)[number]) => only === undefined || only === name;
  const started = Date.now();
  let ok = true;
  const seconds: Record<string, number> = {};
  const steps: [(typeof BENCHMARKS)[number], () => Promise<boolean> | boolean][] = [
    ['load', () => runLoad(values.quick)],
    ['browser', () => runBrowser(values.quick, values.strict)],
    ['import', () => runImportBench(values.quick, values.strict)],
    ['partners', () => runPartners(values.quick, values.strict)],
    ['analytics', () => runAnalytics(values.quick)],
    ['profile', () => runProfile(values.quick)],
    ['api', () => runApiBench(values.quick, values.strict)],
    ['picture', () => runPicture(values.quick, values.strict)],
    ['start', () => runStart(values.quick)],
    ['extraction', () => runExtraction(values.quick)],
  ];
  try {
    for (const [name, step] of values.quick ? quickOrder(steps) : steps) {
      if (!runs(name)) continue;
      // The shared server is done with once the benchmarks that use it are (see quickOrder).
      if (!QUICK_SHARED_SERVER.includes(name)) await stopSharedBenchServer();
      const at = Date.now();
      ok = (await step()) && ok;
      seconds[name] = Math.round((Date.now() - at) / 1000);
    }
  } finally {
    await stopSharedBenchServer();
  }
  console.log(
    `seconds per benchmark: ${Object.entries(seconds)
      .map(([n, s]) => `${n} ${s}`)
      .join(', ')}`,
  );
  console.log(`benchmarks done in ${Math.round((Date.now() - started) / 1000)} s`);
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
