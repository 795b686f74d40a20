// How long the analytics take by size, on the synthetic ecosystem (seed/synthetic.ts: 5 relations
// per node). Not a test: run by hand, figures go to docs/analytics.md.
//   npx tsx bench/analytics-size.ts exact 2000 5000 10000 20000   # exact betweenness + harmonic only
//   npx tsx bench/analytics-size.ts full 10000 100000             # computeAnalytics with its defaults
//   npx tsx bench/analytics-size.ts accuracy 10000 100 250 500    # sampled against exact, k sources
// `node --expose-gc --import tsx` instead of `npx tsx` measures the heap after a collection.
import { generateSynthetic } from '../seed/synthetic.ts';
import { computeAnalytics } from '../server/analytics/compute.ts';
import type { AnalyticsGraph } from '../server/analytics/graph.ts';
import { buildAnalyticsGraph } from '../server/analytics/graph.ts';
import { pathMeasures, projectGraph } from '../server/analytics/metrics.ts';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function synthetic(nodes: number): AnalyticsGraph {
  const data = generateSynthetic({ nodes, seed: 11 });
  return buildAnalyticsGraph({
    nodes: data.nodes.map((n) => ({ id: n.id, type: n.type, name_zh: n.name_zh, name_en: n.name_en })),
    edges: data.relations.map((r) => ({ id: r.id, source: r.source, target: r.target, type: r.type })),
  });
}

function exact(nodes: number): void {
  const graph = synthetic(nodes);
  const p = projectGraph(graph);
  const started = performance.now();
  pathMeasures(p, p.n, 1, () => {});
  const seconds = (performance.now() - started) / 1000;
  console.log(`exact paths  n=${p.n} relations=${graph.size} ties=${p.ties}: ${seconds.toFixed(1)} s`);
}

function full(nodes: number): void {
  const graph = synthetic(nodes);
  global.gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  let heap = before.heapUsed;
  const phases: Record<string, number> = {};
  let current = '';
  let since = performance.now();
  const started = since;
  const result = computeAnalytics(graph, {
    onProgress: (phase) => {
      const now = process.memoryUsage();
      peak = Math.max(peak, now.rss);
      heap = Math.max(heap, now.heapUsed + now.arrayBuffers);
      if (phase === current) return;
      const at = performance.now();
      if (current) phases[current] = (phases[current] ?? 0) + (at - since) / 1000;
      current = phase;
      since = at;
    },
  });
  const end = performance.now();
  phases[current] = (end - since) / 1000;
  const total = ((end - started) / 1000).toFixed(1);
  const detail = Object.entries(phases)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  console.log(`full  n=${graph.order} relations=${graph.size}: ${total} s (${detail})`);
  for (const m of result.metrics.filter((x) => ['betweenness', 'pagerank', 'eigenvector'].includes(x.id)))
    console.log(`  ${m.id}: ${m.method}`);
  const kinds = result.gaps.map((g) => g.kind);
  console.log(
    `  ${result.communities.length} communities, modularity ${result.modularity.toFixed(3)}; gaps: ${kinds.join(' ')}`,
  );
  const base = before.heapUsed + before.arrayBuffers;
  console.log(`  heap with the graph ${mb(base)} MB, peak ${mb(heap)} MB; rss ${mb(before.rss)} → peak ${mb(peak)} MB`);
}

/** Sampled betweenness against exact: mean relative error on the exact top 100, overlap of the top 20. */
function accuracy(nodes: number, samples: number[]): void {
  const p = projectGraph(synthetic(nodes));
  const truth = pathMeasures(p, p.n, 1, () => {});
  const rank = (values: Float64Array) => Array.from(values.keys()).sort((a, b) => values[b]! - values[a]!);
  const top = rank(truth.betweenness);
  for (const k of samples) {
    const started = performance.now();
    const estimate = pathMeasures(p, k, 1, () => {});
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const error = (m: 'betweenness' | 'harmonic') =>
      top.slice(0, 100).reduce((sum, v) => sum + Math.abs(estimate[m][v]! - truth[m][v]!) / truth[m][v]!, 0) / 100;
    const top20 = new Set(top.slice(0, 20));
    const overlap = rank(estimate.betweenness)
      .slice(0, 20)
      .filter((v) => top20.has(v)).length;
    const e = (x: number) => (x * 100).toFixed(1);
    console.log(
      `n=${p.n} k=${k} (${seconds} s): betweenness error ${e(error('betweenness'))}% (top 100), top-20 overlap ${overlap}/20; harmonic error ${e(error('harmonic'))}%`,
    );
  }
}

const [mode, ...args] = process.argv.slice(2);
const numbers = args.map(Number);
if (mode === 'accuracy') accuracy(numbers[0]!, numbers.slice(1));
else for (const size of numbers) (mode === 'exact' ? exact : full)(size);
