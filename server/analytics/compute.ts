// The whole analytics of one dataset version, synchronously (the server runs it in a worker
// thread): per-node metrics in columns, communities, the sector report, brokerage and gaps.
import type { CommunityInfo, Gap, MetricInfo, MetricsReady } from '../../domain/api-types.ts';
import { BROKERAGE_ROLES } from '../../domain/api-types.ts';
import { brokerageCounts, brokerageReport } from './brokerage.ts';
import { findGaps } from './gaps.ts';
import type { AnalyticsGraph, Progress } from './graph.ts';
import type { Communities, Iterated, Projection } from './metrics.ts';
import {
  clustering,
  communities,
  coreNumbers,
  degrees,
  eigenvector,
  pagerank,
  pathMeasures,
  projectGraph,
} from './metrics.ts';
import { assignSectors, sectorReport } from './sectors.ts';

export interface AnalyticsOptions {
  sectorOverrides?: Record<string, string>;
  onProgress?: Progress;
  /** Node count above which betweenness/closeness are sampled. */
  exactLimit?: number;
  seed?: number;
  /** BFS sources (pivots) used above `exactLimit` (default: defaultSamples). */
  samples?: number;
}

/** What the metrics endpoint serves of a computation (the payload's own fields), and the gaps. */
export type AnalyticsResult = Pick<
  MetricsReady,
  'metrics' | 'ids' | 'values' | 'communities' | 'modularity' | 'sectors' | 'brokerage'
> & { gaps: Gap[] };

/**
 * Exact betweenness and harmonic centrality take one BFS per node, O(n·m). Measured on the synthetic
 * ecosystem (docs/analytics.md, bench/analytics-size.ts), 5,000 nodes take a few seconds and 10,000
 * half a minute on this machine; above the limit the BFS sources are sampled.
 */
export const DEFAULT_EXACT_LIMIT = 5_000;
/**
 * Sources sampled above the limit: limit²/n, the work of the exact run at the limit for a graph of
 * the same density (k BFS of cost n(1 + 2m/n) against limit BFS of cost limit(1 + 2m/n)), so the time
 * stays about flat with size and the estimate starts near exact just above the limit. At 100k
 * nodes this is 250 sources; never fewer than MIN_SAMPLES.
 */
export const MIN_SAMPLES = 100;
export function defaultSamples(n: number, exactLimit: number): number {
  return Math.max(MIN_SAMPLES, Math.ceil((exactLimit * exactLimit) / Math.max(1, n)));
}
export const DEFAULT_SEED = 1;

/** Members of highest degree named per community. */
const COMMUNITY_TOP = 5;

type Values = Record<string, Float64Array>;

type Row = [id: string, zh: string, en: string, kind: MetricInfo['kind'], method: string, description: string];

/** The metrics, as computed exactly; metricInfos marks the sampled ones. */
// One row per metric reads as a table.
// prettier-ignore
const METRICS: Row[] = [
  ['degree', '度', 'Degree', 'count', 'count of relations', 'Number of relations touching the node (parallel relations each count).'],
  ['in_degree', '入度', 'In-degree', 'count', 'count of relations', 'Relations pointing to the node; a collaboration (no direction) counts in both directions.'],
  ['out_degree', '出度', 'Out-degree', 'count', 'count of relations', 'Relations leaving the node; a collaboration (no direction) counts in both directions.'],
  ['betweenness', '中介中心性', 'Betweenness', 'score', 'Brandes, exact', 'Share of the shortest paths between other pairs of nodes that pass through the node (0–1).'],
  ['harmonic', '调和中心性', 'Harmonic centrality', 'score', 'BFS from every node, exact', 'Mean of 1/distance from the node to every other node (0 when unreachable); high means close to everyone.'],
  ['pagerank', 'PageRank', 'PageRank', 'score', 'power iteration, damping 0.85, to 1e-10', 'Share of time a random walker on the ties spends at the node (sums to 1).'],
  ['eigenvector', '特征向量中心性', 'Eigenvector centrality', 'score', 'power iteration on A+I per component, to 1e-9; scaled by λ_c/λ_max', 'Tied to nodes that are themselves central; 1 at the centre of the most connected component.'],
  ['kcore', 'k-核', 'k-core', 'count', 'Batagelj–Zaversnik, exact', 'The largest k such that the node belongs to a group in which everyone has at least k ties.'],
  ['clustering', '聚类系数', 'Clustering coefficient', 'score', 'triangle count, exact', 'Share of pairs of the node’s neighbours that are tied to each other (0–1).'],
  ['community', '社群', 'Community', 'category', 'Louvain (seeded), resolution 1', 'The group of densely tied nodes the node belongs to (0 = the largest).'],
  ['broker_coordinator', '协调者', 'Coordinator', 'count', 'Gould–Fernandez, exact', 'Two-paths a→node→b, a and b not tied, all three in the node’s sector.'],
  ['broker_gatekeeper', '守门人', 'Gatekeeper', 'count', 'Gould–Fernandez, exact', 'Two-paths a→node→b, a not tied to b, from another sector into the node’s own.'],
  ['broker_representative', '代表者', 'Representative', 'count', 'Gould–Fernandez, exact', 'Two-paths a→node→b, a not tied to b, from the node’s sector out to another.'],
  ['broker_itinerant', '顾问', 'Itinerant (consultant)', 'count', 'Gould–Fernandez, exact', 'Two-paths a→node→b, a not tied to b, a and b in one sector, the node in another.'],
  ['broker_liaison', '联络者', 'Liaison', 'count', 'Gould–Fernandez, exact', 'Two-paths a→node→b, a not tied to b, all three in different sectors.'],
  ['broker_total', '经纪总数', 'Brokerage (all roles)', 'count', 'Gould–Fernandez, exact', 'Two-paths a→node→b between actors with no tie a→b, in any role.'],
];

/** Metric infos; the iterative ones say how many iterations they took, or that they stopped short. */
function metricInfos(exact: boolean, sources: number, iterated: Record<string, Iterated>): MetricInfo[] {
  const sampled: Record<string, string> = {
    betweenness: `Brandes, sampled from ${sources} sources (seeded), scaled by n/k`,
    harmonic: `BFS from ${sources} sampled pivots (seeded), mean of 1/d`,
  };
  return METRICS.map(([id, name_zh, name_en, kind, method, description]) => {
    const run = iterated[id];
    if (run) {
      const how = run.converged
        ? `converged in ${run.iterations} iterations`
        : `stopped at ${run.iterations} iterations`;
      return { id, name_zh, name_en, description, kind, exact: run.converged, method: `${method} (${how})` };
    }
    const approximate = !exact && sampled[id] !== undefined;
    return {
      id,
      name_zh,
      name_en,
      description,
      kind,
      exact: !approximate,
      method: approximate ? sampled[id]! : method,
    };
  });
}

function communityInfos(graph: AnalyticsGraph, p: Projection, c: Communities, degree: Float64Array): CommunityInfo[] {
  const members: number[][] = c.sizes.map(() => []);
  for (let v = 0; v < p.n; v++) members[c.community[v]!]!.push(v);
  return members.map((list, id) => {
    list.sort((a, b) => degree[b]! - degree[a]! || (p.ids[a]! < p.ids[b]! ? -1 : 1));
    const top = list.slice(0, COMMUNITY_TOP).map((v) => {
      const a = graph.getNodeAttributes(p.ids[v]!);
      return { id: p.ids[v]!, type: a.type, name_zh: a.name_zh, name_en: a.name_en };
    });
    return { id, size: list.length, top };
  });
}

/** Runs a short phase between a 0-of-1 and a 1-of-1 report. */
function phase<T>(progress: Progress, name: string, run: () => T): T {
  progress(name, 0, 1);
  const result = run();
  progress(name, 1, 1);
  return result;
}

export function computeAnalytics(graph: AnalyticsGraph, options: AnalyticsOptions = {}): AnalyticsResult {
  const progress: Progress = options.onProgress ?? (() => {});
  const seed = options.seed ?? DEFAULT_SEED;
  const p = phase(progress, 'projection', () => projectGraph(graph));
  const limit = options.exactLimit ?? DEFAULT_EXACT_LIMIT;
  const exact = p.n <= limit;
  const samples = exact ? p.n : Math.max(1, options.samples ?? defaultSamples(p.n, limit));
  const d = phase(progress, 'degree', () => degrees(graph, p));
  const paths = pathMeasures(p, samples, seed, (done, total) => progress('paths', done, total));
  const values: Values = { degree: d.degree, in_degree: d.inDegree, out_degree: d.outDegree };
  values.betweenness = paths.betweenness;
  values.harmonic = paths.harmonic;
  const rank = phase(progress, 'pagerank', () => pagerank(p));
  const eigen = phase(progress, 'eigenvector', () => eigenvector(p));
  values.pagerank = rank.values;
  values.eigenvector = eigen.values;
  values.kcore = phase(progress, 'kcore', () => coreNumbers(p));
  values.clustering = phase(progress, 'clustering', () => clustering(p));
  const c = phase(progress, 'communities', () => communities(p, seed));
  values.community = c.community;
  const assignment = assignSectors(graph, p, options.sectorOverrides);
  const sectors = phase(progress, 'sectors', () => sectorReport(p, assignment));
  const counts = brokerageCounts(graph, p, assignment.group, (done, total) => progress('brokerage', done, total));
  const total = new Float64Array(p.n);
  for (const role of BROKERAGE_ROLES) {
    values[`broker_${role}`] = counts[role];
    counts[role].forEach((x, v) => (total[v]! += x));
  }
  values.broker_total = total;
  const gapInput = { graph, p, sectors: assignment, community: c.community, degree: d.degree };
  const gaps = phase(progress, 'gaps', () => findGaps(gapInput, c.sizes));
  const metrics = metricInfos(exact, paths.sources, { pagerank: rank, eigenvector: eigen });
  return {
    metrics,
    ids: p.ids,
    values: Object.fromEntries(metrics.map((m) => [m.id, Array.from(values[m.id]!)])),
    communities: communityInfos(graph, p, c, d.degree),
    modularity: c.modularity,
    sectors,
    brokerage: brokerageReport(graph, p, counts),
    gaps,
  };
}
