// Partner finder evaluation (`npm run bench -- --only partners`): link prediction on ca-grqc (the
// arXiv general-relativity co-authorship network) and on a synthetic ecosystem. 10% of the ties are
// hidden at random (fixed seeds, 5 repetitions), every scorer ranks the rest from the remaining
// graph, and AUC and precision@20 say how well the hidden ties come out on top. The scorers are
// those of server/analytics/link-prediction.ts, the partner finder's own among them (the same
// function rankPartners calls). Pure computation: no server, no database.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NODE_TYPES, isNodeType } from '../domain/ontology.ts';
import { createRandom } from '../domain/random.ts';
import { generateSynthetic } from '../seed/synthetic.ts';
import {
  ADAMIC_ADAR,
  COMMON_NEIGHBOURS,
  PREFERENTIAL_ATTACHMENT,
  RESOURCE_ALLOCATION,
  Workspace,
  adjacencyFromPairs,
  localPathScorer,
  pairHash,
  partnerScorer,
  randomScorer,
  type Adjacency,
  type Scorer,
} from '../server/analytics/link-prediction.ts';
import { buildAnalyticsGraph } from '../server/analytics/graph.ts';
import { PARTNER_METHOD, PARTNER_SCORER, PARTNER_SCORE_OPTIONS, rankPartners } from '../server/analytics/partners.ts';
import { ROOT } from './server.ts';

export const CA_GRQC = path.join(ROOT, '..', 'shared', 'data', 'ca-grqc.edges.csv');
/** Share of ties hidden in each repetition. */
export const HIDDEN_SHARE = 0.1;
/** Length of the per-node list precision is measured on. */
export const TOP_K = 20;

/** An undirected simple graph as its list of ties (u < v), nodes numbered 0 … n-1. */
export interface TieList {
  name: string;
  n: number;
  u: Int32Array;
  v: Int32Array;
  /** What reading it dropped or kept, for the report. */
  counts: Record<string, number>;
}

/** Ties from pairs of labels: numbered in order of appearance, direction, repeats and loops dropped. */
export function tiesFromLabels(name: string, pairs: Iterable<[string, string]>): TieList {
  const index = new Map<string, number>();
  const number = (label: string) => {
    let i = index.get(label);
    if (i === undefined) index.set(label, (i = index.size));
    return i;
  };
  const seen = new Set<number>();
  const u: number[] = [];
  const v: number[] = [];
  let rows = 0;
  let selfLoops = 0;
  let duplicates = 0;
  const keys: [number, number][] = [];
  for (const [a, b] of pairs) {
    rows++;
    const p = number(a);
    const q = number(b);
    if (p === q) selfLoops++;
    else keys.push(p < q ? [p, q] : [q, p]);
  }
  const n = index.size;
  for (const [p, q] of keys) {
    const key = p * n + q;
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    u.push(p);
    v.push(q);
  }
  const counts = { rows, selfLoops, duplicates, nodes: n, ties: u.length };
  return { name, n, u: Int32Array.from(u), v: Int32Array.from(v), counts };
}

export function readCaGrQc(file = CA_GRQC): TieList {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  if (lines[0]?.trim() !== 'source,target') throw new Error(`${file}: expected the header source,target`);
  const pairs: [string, string][] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const [a, b] = line.split(',');
    if (a === undefined || b === undefined) throw new Error(`${file}: bad line ${line}`);
    pairs.push([a.trim(), b.trim()]);
  }
  return tiesFromLabels('ca-grqc', pairs);
}

/**
 * The synthetic ecosystem of seed/synthetic.ts, as undirected ties between actors: nodes of a
 * context type (honours, fields, indicators) and their relations are left out, since the finder
 * never proposes them as partners.
 */
export function syntheticTies(nodes: number, seed: number): TieList {
  const data = generateSynthetic({ nodes, seed });
  const actor = new Set(
    data.nodes.filter((n) => !isNodeType(n.type) || NODE_TYPES[n.type].sector !== 'context').map((n) => n.id),
  );
  const pairs = data.relations
    .filter((r) => actor.has(r.source) && actor.has(r.target))
    .map((r) => [r.source, r.target] as [string, string]);
  const ties = tiesFromLabels(`synthetic-${nodes} (seed ${seed}), actors only`, pairs);
  // Actors without a tie to another actor still count as nodes (candidates nobody can find).
  const n = Math.max(ties.n, actor.size);
  ties.counts = { ...ties.counts, nodes: n, actorsWithoutTie: n - ties.n, generatedNodes: data.nodes.length };
  return { ...ties, n };
}

/** One repetition's split: the training adjacency and the hidden ties. */
export interface Split {
  train: Adjacency;
  full: Adjacency;
  hiddenU: Int32Array;
  hiddenV: Int32Array;
}

export function splitTies(ties: TieList, seed: number, share = HIDDEN_SHARE): Split {
  const m = ties.u.length;
  const order = Int32Array.from({ length: m }, (_, i) => i);
  const random = createRandom(seed);
  for (let i = m - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const hiddenCount = Math.round(m * share);
  const hidden = order.subarray(0, hiddenCount);
  const kept = order.subarray(hiddenCount);
  const pick = (ids: Int32Array, from: Int32Array) => Int32Array.from(ids, (i) => from[i]!);
  return {
    train: adjacencyFromPairs(ties.n, pick(kept, ties.u), pick(kept, ties.v)),
    full: adjacencyFromPairs(ties.n, ties.u, ties.v),
    hiddenU: pick(hidden, ties.u),
    hiddenV: pick(hidden, ties.v),
  };
}

function hasTie(adj: Adjacency, x: number, y: number): boolean {
  let lo = adj.offsets[x]!;
  let hi = adj.offsets[x + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = adj.targets[mid]!;
    if (t === y) return true;
    if (t < y) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** AUC samples grouped by the node scored from: (sample number, other end, hidden tie or not). */
interface Samples {
  count: number;
  offsets: Int32Array;
  sample: Int32Array;
  other: Int32Array;
  positive: Uint8Array;
}

function drawSamples(split: Split, count: number, seed: number): Samples {
  const { n } = split.full;
  const random = createRandom(seed);
  const from: number[] = [];
  const to: number[] = [];
  const positive: number[] = [];
  for (let s = 0; s < count; s++) {
    const h = Math.floor(random() * split.hiddenU.length);
    from.push(split.hiddenU[h]!);
    to.push(split.hiddenV[h]!);
    positive.push(1);
    let x: number;
    let y: number;
    do {
      x = Math.floor(random() * n);
      y = Math.floor(random() * n);
    } while (x === y || hasTie(split.full, x, y));
    from.push(x);
    to.push(y);
    positive.push(0);
  }
  const offsets = new Int32Array(n + 1);
  for (const x of from) offsets[x + 1]! += 1;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const sample = new Int32Array(from.length);
  const other = new Int32Array(from.length);
  const pos = new Uint8Array(from.length);
  from.forEach((x, i) => {
    const at = fill[x]!++;
    sample[at] = i >> 1;
    other[at] = to[i]!;
    pos[at] = positive[i]!;
  });
  return { count, offsets, sample, other, positive: pos };
}

/** The best `k` candidates of one query: score first, then a fixed pseudo-random order among equals. */
class TopK {
  readonly node: Int32Array;
  readonly score: Float64Array;
  readonly tie: Float64Array;
  size = 0;
  constructor(readonly k: number) {
    this.node = new Int32Array(k);
    this.score = new Float64Array(k);
    this.tie = new Float64Array(k);
  }
  offer(y: number, s: number, tie: () => number): void {
    const { k } = this;
    let t = -1;
    if (this.size === k) {
      const worst = this.score[k - 1]!;
      if (s < worst) return;
      t = tie();
      if (s === worst && t <= this.tie[k - 1]!) return;
    } else {
      t = tie();
      this.size++;
    }
    let i = this.size - 1;
    while (i > 0 && (this.score[i - 1]! < s || (this.score[i - 1] === s && this.tie[i - 1]! < t))) {
      this.node[i] = this.node[i - 1]!;
      this.score[i] = this.score[i - 1]!;
      this.tie[i] = this.tie[i - 1]!;
      i--;
    }
    this.node[i] = y;
    this.score[i] = s;
    this.tie[i] = t;
  }
}

export interface MethodRun {
  auc: number;
  precisionAt20: number;
  seconds: number;
}

export interface RunOptions {
  aucSamples: number;
  seed: number;
  /** Score at most this many query nodes for precision (a seeded sample); all when undefined. */
  queryNodes?: number;
}

/**
 * One repetition: every scorer scores from every node that has AUC samples or (sampled) hidden
 * ties; AUC compares a hidden tie with a non-tie per sample (equal scores count ½); precision@20
 * is, per node with at least one hidden tie, the share of its 20 best-scored non-neighbours
 * (in the training graph, itself excluded) that are hidden ties, averaged over those nodes.
 */
export function evaluateSplit(
  split: Split,
  scorers: readonly Scorer[],
  options: RunOptions,
): Record<string, MethodRun> {
  const { n } = split.train;
  const samples = drawSamples(split, options.aucSamples, options.seed);
  const hidden = adjacencyFromPairs(n, split.hiddenU, split.hiddenV);
  let queries = Int32Array.from({ length: n }, (_, i) => i).filter((x) => hidden.offsets[x + 1]! > hidden.offsets[x]!);
  if (options.queryNodes !== undefined && queries.length > options.queryNodes) {
    const random = createRandom(options.seed + 2);
    queries = queries.map((x) => x);
    for (let i = queries.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [queries[i], queries[j]] = [queries[j]!, queries[i]!];
    }
    queries = queries.subarray(0, options.queryNodes);
  }
  const isQuery = new Uint8Array(n);
  for (const x of queries) isQuery[x] = 1;
  const ws = new Workspace(n);
  const stamp = new Int32Array(n).fill(-1);
  const hiddenStamp = new Int32Array(n).fill(-1);
  const tieSeed = options.seed + 1;
  const out: Record<string, MethodRun> = {};
  for (const scorer of scorers) {
    const started = performance.now();
    const pos = new Float64Array(samples.count);
    const neg = new Float64Array(samples.count);
    let precisionSum = 0;
    for (let x = 0; x < n; x++) {
      const s0 = samples.offsets[x]!;
      const s1 = samples.offsets[x + 1]!;
      if (s0 === s1 && isQuery[x] === 0) continue;
      scorer.scoreFrom(split.train, x, ws);
      for (let s = s0; s < s1; s++) {
        (samples.positive[s] === 1 ? pos : neg)[samples.sample[s]!] = ws.score[samples.other[s]!]!;
      }
      if (isQuery[x] === 1) precisionSum += precisionAt(split.train, hidden, x, ws, stamp, hiddenStamp, tieSeed);
    }
    let auc = 0;
    for (let s = 0; s < samples.count; s++) auc += pos[s]! > neg[s]! ? 1 : pos[s] === neg[s] ? 0.5 : 0;
    out[scorer.id] = {
      auc: auc / samples.count,
      precisionAt20: precisionSum / queries.length,
      seconds: (performance.now() - started) / 1000,
    };
  }
  return out;
}

function precisionAt(
  train: Adjacency,
  hidden: Adjacency,
  x: number,
  ws: Workspace,
  stamp: Int32Array,
  hiddenStamp: Int32Array,
  tieSeed: number,
): number {
  stamp[x] = x;
  for (let i = train.offsets[x]!; i < train.offsets[x + 1]!; i++) stamp[train.targets[i]!] = x;
  for (let i = hidden.offsets[x]!; i < hidden.offsets[x + 1]!; i++) hiddenStamp[hidden.targets[i]!] = x;
  const top = new TopK(TOP_K);
  // Scored nodes first; the unscored (0) only compete among themselves, by the fixed tie order.
  for (let i = 0; i < ws.touchedCount; i++) {
    const y = ws.touched[i]!;
    if (stamp[y] !== x) top.offer(y, ws.score[y]!, () => pairHash(x, y, tieSeed));
  }
  if (top.size < TOP_K || top.score[TOP_K - 1] === 0) {
    for (let y = 0; y < train.n; y++) {
      if (stamp[y] !== x && ws.score[y] === 0) top.offer(y, 0, () => pairHash(x, y, tieSeed));
    }
  }
  let hits = 0;
  for (let i = 0; i < top.size; i++) if (hiddenStamp[top.node[i]!] === x) hits++;
  return hits / TOP_K;
}

/** The methods compared, the finder's own score (the object rankPartners' module exports) among them. */
export function methods(): Scorer[] {
  const sensitivity = [0.01, 0.1, 2].map((epsilon) =>
    partnerScorer({ ...PARTNER_SCORE_OPTIONS, epsilon }, `partner-eps-${epsilon}`),
  );
  return [
    randomScorer(7),
    PREFERENTIAL_ATTACHMENT,
    COMMON_NEIGHBOURS,
    ADAMIC_ADAR,
    RESOURCE_ALLOCATION,
    localPathScorer(0.01),
    PARTNER_SCORER,
    ...sensitivity,
  ];
}

export interface Summary {
  mean: number;
  sd: number;
  runs: number[];
}

/** Mean and sample standard deviation (n − 1). */
function summarise(values: number[]): Summary {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) : 0;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { mean: round(mean), sd: round(Math.sqrt(variance)), runs: values.map(round) };
}

export interface MethodResult {
  id: string;
  name: string;
  auc: Summary;
  precisionAt20: Summary;
  seconds: number;
}

export interface DatasetResult {
  dataset: string;
  counts: Record<string, number>;
  hiddenPerRepetition: number;
  /** Precision@20 if every hidden tie of every query node were in its top 20 (mean over repetitions). */
  precisionAt20Ceiling: number;
  methods: MethodResult[];
  /** Paired: in how many repetitions the finder's score beat Adamic–Adar on the same split. */
  partnerVsAdamicAdar: { repetitions: number; aucWins: number; precisionAt20Wins: number };
}

export interface EvaluationOptions {
  repetitions: number;
  aucSamples: number;
  queryNodes?: number;
}

export function evaluateDataset(ties: TieList, options: EvaluationOptions): DatasetResult {
  const scorers = methods();
  const runs: Record<string, MethodRun>[] = [];
  let ceiling = 0;
  let hidden = 0;
  for (let r = 0; r < options.repetitions; r++) {
    const split = splitTies(ties, 1000 + r);
    hidden = split.hiddenU.length;
    ceiling += precisionCeiling(split);
    const run: RunOptions = { aucSamples: options.aucSamples, seed: 2000 + r };
    if (options.queryNodes !== undefined) run.queryNodes = options.queryNodes;
    runs.push(evaluateSplit(split, scorers, run));
  }
  return {
    dataset: ties.name,
    counts: ties.counts,
    hiddenPerRepetition: hidden,
    precisionAt20Ceiling: Math.round((ceiling / options.repetitions) * 1e6) / 1e6,
    methods: scorers.map((scorer) => ({
      id: scorer.id,
      name: scorer.id === PARTNER_SCORER.id ? `${scorer.name} — the partner finder` : scorer.name,
      auc: summarise(runs.map((run) => run[scorer.id]!.auc)),
      precisionAt20: summarise(runs.map((run) => run[scorer.id]!.precisionAt20)),
      seconds: Math.round(runs.reduce((sum, run) => sum + run[scorer.id]!.seconds, 0) * 10) / 10,
    })),
    partnerVsAdamicAdar: {
      repetitions: runs.length,
      aucWins: runs.filter((run) => run[PARTNER_SCORER.id]!.auc > run[ADAMIC_ADAR.id]!.auc).length,
      precisionAt20Wins: runs.filter(
        (run) => run[PARTNER_SCORER.id]!.precisionAt20 > run[ADAMIC_ADAR.id]!.precisionAt20,
      ).length,
    },
  };
}

/**
 * The best precision@20 possible: min(hidden ties, 20) / 20, averaged over the nodes with a
 * hidden tie (all of them, also when precision is measured on a sample: it gives the scale).
 */
function precisionCeiling(split: Split): number {
  const hidden = adjacencyFromPairs(split.train.n, split.hiddenU, split.hiddenV);
  let sum = 0;
  let count = 0;
  for (let x = 0; x < hidden.n; x++) {
    const h = hidden.offsets[x + 1]! - hidden.offsets[x]!;
    if (h === 0) continue;
    sum += Math.min(h, TOP_K) / TOP_K;
    count++;
  }
  return sum / count;
}

export interface LatencyResult {
  graph: string;
  nodes: number;
  relations: number;
  /** The first query, which builds the per-graph index. */
  firstQueryMs: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The most connected nodes, where a query does the most work. */
  hubs: { id: string; type: string; degree: number; candidates: number; ms: number }[];
}

/** rankPartners (limit 20) on a synthetic ecosystem of `nodes` nodes and 5 relations per node. */
export function partnerLatency(nodes: number): LatencyResult {
  const data = generateSynthetic({ nodes, seed: 1 });
  const graph = buildAnalyticsGraph({
    nodes: data.nodes.map((n) => ({ id: n.id, type: n.type, name_zh: n.name_zh, name_en: n.name_en ?? '' })),
    edges: data.relations,
  });
  const ids = graph.nodes();
  const time = (id: string) => {
    const started = performance.now();
    const candidates = rankPartners(graph, id, { limit: 20 }).length;
    return { ms: Math.round((performance.now() - started) * 10) / 10, candidates };
  };
  const firstQueryMs = time(ids[0]!).ms;
  const byDegree = [...ids].sort((a, b) => graph.degree(b) - graph.degree(a));
  const hubs = byDegree.slice(0, 10).map((id) => ({
    id,
    type: graph.getNodeAttribute(id, 'type'),
    degree: graph.degree(id),
    ...time(id),
  }));
  const spread = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 200)) === 0);
  const times = [...hubs.map((h) => h.ms), ...spread.map((id) => time(id).ms)].sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))]!;
  return {
    graph: `synthetic-${nodes} (seed 1)`,
    nodes: graph.order,
    relations: graph.size,
    firstQueryMs,
    queries: times.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: times.at(-1)!,
    hubs,
  };
}

export interface PartnersBenchmark {
  method: string;
  scoreOptions: typeof PARTNER_SCORE_OPTIONS;
  protocol: Record<string, string | number>;
  datasets: DatasetResult[];
  latency: LatencyResult;
  benchmarkSeconds: number;
}

/** The whole evaluation; --quick: 2 repetitions, 20,000 AUC samples, 1,000 query nodes, smaller synthetic graphs. */
export function partnersBenchmark(quick: boolean): PartnersBenchmark {
  const started = performance.now();
  const options: EvaluationOptions = quick
    ? { repetitions: 2, aucSamples: 20_000, queryNodes: 1000 }
    : { repetitions: 5, aucSamples: 100_000 };
  const synthetic = quick ? 5000 : 10_000;
  const datasets = [evaluateDataset(readCaGrQc(), options), evaluateDataset(syntheticTies(synthetic, 1), options)];
  return {
    method: PARTNER_METHOD,
    scoreOptions: PARTNER_SCORE_OPTIONS,
    protocol: {
      hiddenShare: HIDDEN_SHARE,
      repetitions: options.repetitions,
      splitSeeds: `1000 … ${1000 + options.repetitions - 1}`,
      aucSamples: options.aucSamples,
      aucSampleSeeds: `2000 … ${2000 + options.repetitions - 1}`,
      auc: 'hidden tie vs a pair with no tie in the whole graph, both drawn uniformly; equal scores count 1/2',
      precisionAt20:
        'per node with at least one hidden tie: hidden ties among its 20 best-scored non-neighbours (training graph, itself excluded) / 20; equal scores in a fixed pseudo-random order; mean over those nodes',
      queryNodes: options.queryNodes ?? 'all',
      sd: 'sample standard deviation over the repetitions',
    },
    datasets,
    latency: partnerLatency(quick ? 10_000 : 100_000),
    benchmarkSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
