// `npm run bench [-- --quick]`: runs the benchmarks, writes bench/results/<name>.json and
// prints a table. Ratios compare against a baseline measured in the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadBenchmark } from './load.ts';
import { ROOT } from './server.ts';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const results = path.join(ROOT, 'bench', 'results');
  mkdirSync(results, { recursive: true });

  const load = await loadBenchmark(quick);
  const record = { benchmark: 'load', quick, at: new Date().toISOString(), node: process.version, ...load };
  writeFileSync(path.join(results, 'load.json'), `${JSON.stringify(record, null, 2)}\n`);
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
  const failed = load.errorsTotal > 0 || load.memory.growthPercent >= 20;
  if (failed) {
    console.error('load benchmark FAILED: errors, non-2xx answers or memory growth of 20% or more');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
