// Per-node measures on the undirected simple projection of the analytics graph (docs/analytics.md):
// relations lose their direction and parallel relations between two nodes become one tie. The
// relation types mix directions of different meanings (a firm is LOCATED_IN a park, a programme
// SUPPORTS a firm), so no direction consistently carries "status" or "flow"; the projection is
// the reading every measure here shares. Everything runs on typed arrays (CSR adjacency) so that
// the 100k-node dataset fits in a worker's time and memory budget.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { createRandom } from '../../domain/random.ts';
import type { AnalyticsGraph } from './graph.ts';

/** Undirected simple projection as compressed sparse rows; node i is `ids[i]`. */
export interface Projection {
  n: number;
  ids: string[];
  index: Map<string, number>;
  /** Neighbours of i are `neighbors[offsets[i] .. offsets[i + 1])`, sorted ascending. */
  offsets: Int32Array;
  neighbors: Int32Array;
  /** Number of distinct ties (unordered pairs). */
  ties: number;
}

/** Called with (done, total) now and then inside a long loop. */
export type Tick = (done: number, total: number) => void;

// The graph is never changed after it is built (graph.ts), so one projection serves every call
// on it (computeAnalytics and then each pathsThrough request).
const cache = new WeakMap<AnalyticsGraph, Projection>();

export function projectGraph(graph: AnalyticsGraph): Projection {
  const cached = cache.get(graph);
  if (cached) return cached;
  const ids = graph.nodes();
  const n = ids.length;
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const count = new Int32Array(n + 1);
  graph.forEachEdge((_e, _a, source, target) => {
    count[index.get(source) as number]! += 1;
    count[index.get(target) as number]! += 1;
  });
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + count[i]!;
  const raw = new Int32Array(start[n]!);
  const fill = start.slice();
  graph.forEachEdge((_e, _a, source, target) => {
    const s = index.get(source) as number;
    const t = index.get(target) as number;
    raw[fill[s]!++] = t;
    raw[fill[t]!++] = s;
  });
  // Sort each row and drop repeats: parallel relations (and A→B with B→A) are one tie.
  const offsets = new Int32Array(n + 1);
  let write = 0;
  for (let i = 0; i < n; i++) {
    const row = raw.subarray(start[i]!, start[i + 1]!).sort();
    offsets[i] = write;
    for (let k = 0; k < row.length; k++) if (k === 0 || row[k] !== row[k - 1]) raw[write++] = row[k]!;
  }
  offsets[n] = write;
  const projection: Projection = { n, ids, index, offsets, neighbors: raw.slice(0, write), ties: write / 2 };
  cache.set(graph, projection);
  return projection;
}

export function tieDegree(p: Projection, v: number): number {
  return p.offsets[v + 1]! - p.offsets[v]!;
}

export interface Degrees {
  degree: Float64Array;
  inDegree: Float64Array;
  outDegree: Float64Array;
}

/**
 * Relations counted on the multigraph as stored (the explorer shows these numbers): `degree`
 * counts each relation once; an undirected relation (collaboration) goes both ways, so it counts
 * in both `inDegree` and `outDegree` (as brokerage reads it), and degree = in + out − undirected.
 */
export function degrees(graph: AnalyticsGraph, p: Projection): Degrees {
  const degree = new Float64Array(p.n);
  const inDegree = new Float64Array(p.n);
  const outDegree = new Float64Array(p.n);
  graph.forEachEdge((_e, attributes, source, target) => {
    const s = p.index.get(source) as number;
    const t = p.index.get(target) as number;
    degree[s]! += 1;
    degree[t]! += 1;
    outDegree[s]! += 1;
    inDegree[t]! += 1;
    if (attributes.undirected) {
      inDegree[s]! += 1;
      outDegree[t]! += 1;
    }
  });
  return { degree, inDegree, outDegree };
}

export interface PathMeasures {
  /** Normalised: share of the pairs of other nodes whose shortest paths pass through the node. */
  betweenness: Float64Array;
  /** Normalised: mean of 1/distance to the other nodes (0 for unreachable ones). */
  harmonic: Float64Array;
  /** Number of BFS sources used (n when exact). */
  sources: number;
}

/** Scratch arrays of one breadth-first search, reused from source to source. */
interface Scratch {
  dist: Int32Array;
  sigma: Float64Array;
  delta: Float64Array;
  order: Int32Array;
}

/** One Brandes step from `s`: adds s's dependencies to `bet` and 1/d(s,v) to `harm`. */
function brandesFrom(p: Projection, s: number, x: Scratch, bet: Float64Array, harm: Float64Array): void {
  const { offsets, neighbors } = p;
  const { dist, sigma, delta, order } = x;
  let head = 0;
  let tail = 0;
  order[tail++] = s;
  dist[s] = 0;
  sigma[s] = 1;
  while (head < tail) {
    const v = order[head++]!;
    const dv = dist[v]!;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = neighbors[k]!;
      if (dist[w]! < 0) {
        dist[w] = dv + 1;
        order[tail++] = w;
      }
      if (dist[w] === dv + 1) sigma[w]! += sigma[v]!;
    }
  }
  // Back-propagation in reverse BFS order; predecessors are the neighbours one step closer (no
  // predecessor lists: that saves memory and allocation at 100k nodes).
  for (let i = tail - 1; i > 0; i--) {
    const w = order[i]!;
    const dw = dist[w]!;
    harm[w]! += 1 / dw;
    const coefficient = (1 + delta[w]!) / sigma[w]!;
    for (let k = offsets[w]!; k < offsets[w + 1]!; k++) {
      const v = neighbors[k]!;
      if (dist[v] === dw - 1) delta[v]! += sigma[v]! * coefficient;
    }
    bet[w]! += delta[w]!;
  }
  for (let i = 0; i < tail; i++) {
    const v = order[i]!;
    dist[v] = -1;
    sigma[v] = 0;
    delta[v] = 0;
  }
}

/** The first k of a seeded shuffle of 0..n-1 (partial Fisher–Yates): k distinct sources. */
export function sampleIndices(n: number, k: number, seed: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const random = createRandom(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, k);
}

/**
 * Betweenness (Brandes) and harmonic centrality from one BFS per source. With `samples` < n the
 * sources are a seeded uniform sample: betweenness is scaled by n/k (an unbiased estimate) and
 * harmonic is the mean of 1/d over the sampled sources other than the node.
 */
export function pathMeasures(p: Projection, samples: number, seed: number, tick: Tick): PathMeasures {
  const n = p.n;
  const k = Math.min(samples, n);
  const sources = k === n ? null : sampleIndices(n, k, seed);
  const x: Scratch = {
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    order: new Int32Array(n),
  };
  const betweenness = new Float64Array(n);
  const harmonic = new Float64Array(n);
  const step = Math.max(1, Math.floor(k / 100));
  for (let i = 0; i < k; i++) {
    brandesFrom(p, sources ? sources[i]! : i, x, betweenness, harmonic);
    if (i % step === 0) tick(i, k);
  }
  tick(k, k);
  const inSample = new Uint8Array(n);
  if (sources) for (const s of sources) inSample[s] = 1;
  else inSample.fill(1);
  // Each unordered pair is counted from both ends; there are (n-1)(n-2)/2 pairs besides v.
  const scale = n > 2 ? n / k / ((n - 1) * (n - 2)) : 0;
  for (let v = 0; v < n; v++) {
    betweenness[v]! *= scale;
    const others = k - inSample[v]!;
    harmonic[v] = others > 0 ? harmonic[v]! / others : 0;
  }
  return { betweenness, harmonic, sources: k };
}

/** PageRank on the projection (damping 0.85); isolated nodes spread their rank evenly. */
/** An iterative result: how many iterations it took and whether it met its tolerance (else it stopped at the cap). */
export interface Iterated {
  values: Float64Array;
  iterations: number;
  converged: boolean;
}

export function pagerank(p: Projection, damping = 0.85, tolerance = 1e-10, maxIterations = 500): Iterated {
  const n = p.n;
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (tieDegree(p, v) === 0) dangling += rank[v]!;
    const base = (1 - damping) / n + (damping * dangling) / n;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let k = p.offsets[v]!; k < p.offsets[v + 1]!; k++) {
        const u = p.neighbors[k]!;
        sum += rank[u]! / tieDegree(p, u);
      }
      next[v] = base + damping * sum;
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(next[v]! - rank[v]!);
    [rank, next] = [next, rank];
    if (change < tolerance) return { values: rank, iterations: iteration, converged: true };
  }
  return { values: rank, iterations: maxIterations, converged: n === 0 };
}

/** Connected components: component number per node, and their sizes. */
export function components(p: Projection): { component: Int32Array; sizes: number[] } {
  const component = new Int32Array(p.n).fill(-1);
  const sizes: number[] = [];
  const queue = new Int32Array(p.n);
  for (let s = 0; s < p.n; s++) {
    if (component[s]! >= 0) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    component[s] = c;
    while (head < tail) {
      const v = queue[head++]!;
      for (let k = p.offsets[v]!; k < p.offsets[v + 1]!; k++) {
        const w = p.neighbors[k]!;
        if (component[w]! < 0) {
          component[w] = c;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  return { component, sizes };
}

/**
 * Eigenvector centrality, made well-defined on a disconnected graph: the adjacency matrix is block
 * diagonal, so each connected component has its own principal eigenvector (power iteration on
 * A + I, which has the same eigenvectors and converges on bipartite components too). Each is scaled
 * to a maximum of λ_c / λ_max, its leading eigenvalue relative to the largest one: the main
 * component's centre scores 1, a small component's centre ranks below it, an isolated node is 0.
 */
export function eigenvector(p: Projection, tolerance = 1e-9, maxIterations = 1000): Iterated {
  const { component, sizes } = components(p);
  const c = sizes.length;
  let x = new Float64Array(p.n).fill(1);
  let y = new Float64Array(p.n);
  const norm = new Float64Array(c);
  let iterations = 0;
  let converged = p.n === 0;
  while (!converged && iterations < maxIterations) {
    iterations += 1;
    norm.fill(0);
    for (let v = 0; v < p.n; v++) {
      let sum = x[v]!;
      for (let k = p.offsets[v]!; k < p.offsets[v + 1]!; k++) sum += x[p.neighbors[k]!]!;
      y[v] = sum;
      norm[component[v]!]! += sum * sum;
    }
    let change = 0;
    for (let v = 0; v < p.n; v++) {
      y[v]! /= Math.sqrt(norm[component[v]!]!);
      change = Math.max(change, Math.abs(y[v]! - x[v]!));
    }
    [x, y] = [y, x];
    converged = change < tolerance;
  }
  return { values: scaleByEigenvalue(p, x, component, c), iterations, converged };
}

function scaleByEigenvalue(p: Projection, x: Float64Array, component: Int32Array, c: number): Float64Array {
  // Rayleigh quotient per component (x is unit-length per component): λ_c = xᵀAx.
  const lambda = new Float64Array(c);
  const max = new Float64Array(c);
  for (let v = 0; v < p.n; v++) {
    let ax = 0;
    for (let k = p.offsets[v]!; k < p.offsets[v + 1]!; k++) ax += x[p.neighbors[k]!]!;
    lambda[component[v]!]! += x[v]! * ax;
    max[component[v]!] = Math.max(max[component[v]!]!, x[v]!);
  }
  const top = lambda.reduce((a, b) => Math.max(a, b), 0);
  const result = new Float64Array(p.n);
  if (top <= 0) return result;
  for (let v = 0; v < p.n; v++) {
    const cv = component[v]!;
    result[v] = lambda[cv]! > 1e-12 ? (x[v]! / max[cv]!) * (lambda[cv]! / top) : 0;
  }
  return result;
}

/** k-core number (Batagelj–Zaversnik, O(m)): the largest k such that v is in a subgraph of min degree k. */
export function coreNumbers(p: Projection): Float64Array {
  const n = p.n;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) maxDeg = Math.max(maxDeg, (deg[v] = tieDegree(p, v)));
  const bin = new Int32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) bin[deg[v]!]! += 1;
  for (let d = 0, start = 0; d <= maxDeg; d++) [bin[d], start] = [start, start + bin[d]!];
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bin[deg[v]!]!;
    vert[pos[v]!] = v;
    bin[deg[v]!]! += 1;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (let k = p.offsets[v]!; k < p.offsets[v + 1]!; k++) {
      const u = p.neighbors[k]!;
      if (deg[u]! > deg[v]!) {
        // Move u to the front of its bin, then shrink its degree by one.
        const du = deg[u]!;
        const pu = pos[u]!;
        const pw = bin[du]!;
        const w = vert[pw]!;
        if (u !== w) [pos[u], pos[w], vert[pu], vert[pw]] = [pw, pu, w, u];
        bin[du]! += 1;
        deg[u] = du - 1;
      }
    }
  }
  return Float64Array.from(deg);
}

/**
 * Local clustering coefficient 2T/(d(d−1)) (0 below degree 2). Triangles are found once each by
 * orienting every tie from the lower- to the higher-ranked end (rank = degree, then index), which
 * bounds the work by O(m·√m) even with hubs of thousands of ties.
 */
export function clustering(p: Projection): Float64Array {
  const n = p.n;
  const higher = (u: number, v: number) => {
    const du = tieDegree(p, u);
    const dv = tieDegree(p, v);
    return dv > du || (dv === du && v > u);
  };
  const fOff = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) {
    let c = 0;
    for (let k = p.offsets[u]!; k < p.offsets[u + 1]!; k++) if (higher(u, p.neighbors[k]!)) c++;
    fOff[u + 1] = fOff[u]! + c;
  }
  const fwd = new Int32Array(fOff[n]!);
  for (let u = 0, w = 0; u < n; u++)
    for (let k = p.offsets[u]!; k < p.offsets[u + 1]!; k++) if (higher(u, p.neighbors[k]!)) fwd[w++] = p.neighbors[k]!;
  const triangles = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    for (let k = fOff[u]!; k < fOff[u + 1]!; k++) mark[fwd[k]!] = u;
    for (let k = fOff[u]!; k < fOff[u + 1]!; k++) {
      const v = fwd[k]!;
      for (let j = fOff[v]!; j < fOff[v + 1]!; j++) {
        const w = fwd[j]!;
        if (mark[w] === u) {
          triangles[u]! += 1;
          triangles[v]! += 1;
          triangles[w]! += 1;
        }
      }
    }
  }
  const result = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const d = tieDegree(p, v);
    result[v] = d > 1 ? (2 * triangles[v]!) / (d * (d - 1)) : 0;
  }
  return result;
}

export interface Communities {
  /** Community per node, numbered by size (0 = the largest; ties: the one with the first node). */
  community: Float64Array;
  sizes: number[];
  modularity: number;
}

/** Louvain on the projection with a seeded rng, so the same graph and seed give the same answer. */
export function communities(p: Projection, seed: number): Communities {
  const g = new UndirectedGraph();
  for (let v = 0; v < p.n; v++) g.addNode(v);
  for (let v = 0; v < p.n; v++)
    for (let k = p.offsets[v]!; k < p.offsets[v + 1]!; k++) if (p.neighbors[k]! > v) g.addEdge(v, p.neighbors[k]!);
  const detailed = louvain.detailed(g, { rng: createRandom(seed), getEdgeWeight: null });
  const raw = new Int32Array(p.n);
  const rawSizes = new Map<number, { size: number; first: number }>();
  for (let v = p.n - 1; v >= 0; v--) {
    const c = detailed.communities[String(v)] ?? 0;
    raw[v] = c;
    const entry = rawSizes.get(c) ?? { size: 0, first: v };
    entry.size += 1;
    entry.first = v;
    rawSizes.set(c, entry);
  }
  const order = [...rawSizes.entries()].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first);
  const renumber = new Map(order.map(([c], i) => [c, i]));
  const community = new Float64Array(p.n);
  for (let v = 0; v < p.n; v++) community[v] = renumber.get(raw[v]!)!;
  // Without ties, Louvain reports NaN modularity; 0 is what "no structure" means for the payload.
  const modularity = Number.isFinite(detailed.modularity) ? detailed.modularity : 0;
  return { community, sizes: order.map(([, e]) => e.size), modularity };
}
