// Link prediction over an undirected simple adjacency (CSR arrays): the partner finder's score
// and the classic scorers it is evaluated against (bench/partners.ts, docs/analytics.md). Pure:
// no I/O. Every scorer works from one source node at a time, writing the scores of every other
// node into a reused workspace, so that the finder (one actor) and the evaluation (every node of
// a benchmark graph) run the same code.

/** Undirected simple graph in CSR form: the neighbours of i are targets[offsets[i] .. offsets[i+1]). */
export interface Adjacency {
  readonly n: number;
  readonly offsets: Int32Array;
  /** Neighbour indices, sorted and unique per node. */
  readonly targets: Int32Array;
  /** For each entry of `targets`, the index of the input pair it came from (the first one). */
  readonly pair: Int32Array;
}

/**
 * Builds the adjacency of `n` nodes from pairs (sources[i], targets[i]), ignoring direction,
 * loops and repeats.
 */
export function adjacencyFromPairs(n: number, sources: ArrayLike<number>, targets: ArrayLike<number>): Adjacency {
  const m = sources.length;
  const counts = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const s = sources[i] as number;
    const t = targets[i] as number;
    if (s === t) continue;
    counts[s + 1]! += 1;
    counts[t + 1]! += 1;
  }
  for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;
  // Keys neighbour·m + pair, so that a numeric sort orders by neighbour and keeps the first pair.
  const keys = new Float64Array(counts[n]!);
  const fill = counts.slice(0, n);
  for (let i = 0; i < m; i++) {
    const s = sources[i] as number;
    const t = targets[i] as number;
    if (s === t) continue;
    keys[fill[s]!++] = t * m + i;
    keys[fill[t]!++] = s * m + i;
  }
  const offsets = new Int32Array(n + 1);
  const out = new Int32Array(keys.length);
  const pair = new Int32Array(keys.length);
  let w = 0;
  for (let u = 0; u < n; u++) {
    const segment = keys.subarray(counts[u]!, counts[u + 1]!).sort();
    let last = -1;
    for (const key of segment) {
      const v = Math.floor(key / m);
      if (v === last) continue;
      last = v;
      out[w] = v;
      pair[w] = key - v * m;
      w++;
    }
    offsets[u + 1] = w;
  }
  return { n, offsets, targets: out.slice(0, w), pair: pair.slice(0, w) };
}

export function degree(adj: Adjacency, i: number): number {
  return adj.offsets[i + 1]! - adj.offsets[i]!;
}

/** Scratch arrays of one adjacency's size, reused from source to source (no allocation per query). */
export class Workspace {
  /** score[y]: the score of y for the current source (0 where not touched). */
  readonly score: Float64Array;
  /** The nodes whose score may be non-zero, `touchedCount` of them. */
  readonly touched: Int32Array;
  touchedCount = 0;
  /** Second-step weights (resource reaching a node in two steps). */
  readonly mid: Float64Array;
  readonly midList: Int32Array;
  midCount = 0;
  /** Whether the last partner-score run left out third steps to stay within its work budget. */
  truncated = false;

  constructor(readonly n: number) {
    this.score = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.mid = new Float64Array(n);
    this.midList = new Int32Array(n);
  }

  /** Zeroes what the previous source touched (cheaper than clearing whole arrays on big graphs). */
  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) this.score[this.touched[i]!] = 0;
    for (let i = 0; i < this.midCount; i++) this.mid[this.midList[i]!] = 0;
    this.touchedCount = 0;
    this.midCount = 0;
    this.truncated = false;
  }

  add(y: number, value: number): void {
    if (this.score[y] === 0) this.touched[this.touchedCount++] = y;
    this.score[y]! += value;
  }
}

/** Weight a common neighbour z of degree k adds to a pair: CN 1, Adamic–Adar 1/ln k, RA 1/k. */
export type NeighbourWeight = (k: number) => number;

export const WEIGHT_CN: NeighbourWeight = () => 1;
export const WEIGHT_AA: NeighbourWeight = (k) => (k > 1 ? 1 / Math.log(k) : 0);
export const WEIGHT_RA: NeighbourWeight = (k) => 1 / k;

/** Σ over common neighbours z of x and y of weight(k_z), for every y two steps from x. */
export function commonNeighbourScores(adj: Adjacency, x: number, ws: Workspace, weight: NeighbourWeight): void {
  ws.reset();
  const { offsets, targets } = adj;
  for (let i = offsets[x]!; i < offsets[x + 1]!; i++) {
    const z = targets[i]!;
    const w = weight(offsets[z + 1]! - offsets[z]!);
    if (w === 0) continue;
    for (let j = offsets[z]!; j < offsets[z + 1]!; j++) {
      const y = targets[j]!;
      if (y !== x) ws.add(y, w);
    }
  }
}

export interface PartnerScoreOptions {
  /** Weight of the three-step term. */
  epsilon: number;
  /** Neighbour visits the three-step term may make; the smallest contributions are left out beyond it. */
  maxWork: number;
}

/**
 * The partner score: resource allocation over common neighbours plus ε times resource
 * allocation over paths of length 3,
 *   s(x, y) = Σ_{z ∈ Γx∩Γy} 1/k_z + ε Σ_{x–a–b–y} 1/(k_a k_b),
 * i.e. the resource a unit at x sends to y in two steps, plus ε of what it sends in three
 * (docs/analytics.md says why). The two-step part costs Σ_{a∈Γx} k_a, at most the graph's size;
 * the three-step part is bounded by `maxWork`: intermediates b are taken by the share they pass
 * to each neighbour (mid_b / k_b), largest first, so a hub's thin spread is what is dropped.
 */
export function partnerScores(adj: Adjacency, x: number, ws: Workspace, options: PartnerScoreOptions): void {
  ws.reset();
  const { offsets, targets } = adj;
  const { mid, midList } = ws;
  for (let i = offsets[x]!; i < offsets[x + 1]!; i++) {
    const a = targets[i]!;
    const share = 1 / (offsets[a + 1]! - offsets[a]!);
    for (let j = offsets[a]!; j < offsets[a + 1]!; j++) {
      const b = targets[j]!;
      if (b === x) continue;
      if (mid[b] === 0) midList[ws.midCount++] = b;
      mid[b]! += share;
    }
  }
  for (let i = 0; i < ws.midCount; i++) {
    const b = midList[i]!;
    ws.add(b, mid[b]!);
  }
  if (options.epsilon === 0) return;
  let order = midList.subarray(0, ws.midCount);
  let work = 0;
  for (const b of order) work += offsets[b + 1]! - offsets[b]!;
  if (work > options.maxWork) {
    // Copy before sorting: midList is also the reset list and must keep its entries.
    order = Int32Array.from(order).sort((p, q) => perNeighbour(adj, mid, q) - perNeighbour(adj, mid, p));
    ws.truncated = true;
  }
  work = 0;
  for (const b of order) {
    const k = offsets[b + 1]! - offsets[b]!;
    if (work + k > options.maxWork) break;
    work += k;
    const pass = (options.epsilon * mid[b]!) / k;
    for (let j = offsets[b]!; j < offsets[b + 1]!; j++) {
      const y = targets[j]!;
      if (y !== x) ws.add(y, pass);
    }
  }
}

function perNeighbour(adj: Adjacency, mid: Float64Array, b: number): number {
  return mid[b]! / (adj.offsets[b + 1]! - adj.offsets[b]!);
}

/**
 * The local path index (Lü, Jin & Zhou 2009): |common neighbours| + ε·(number of 3-walks),
 * i.e. (A² + εA³)_xy — equal to Katz truncated at three steps for pairs without a tie.
 */
export function localPathScores(adj: Adjacency, x: number, ws: Workspace, epsilon: number): void {
  ws.reset();
  const { offsets, targets } = adj;
  const { mid, midList } = ws;
  for (let i = offsets[x]!; i < offsets[x + 1]!; i++) {
    const a = targets[i]!;
    for (let j = offsets[a]!; j < offsets[a + 1]!; j++) {
      const b = targets[j]!;
      if (mid[b] === 0) midList[ws.midCount++] = b;
      mid[b]! += 1;
    }
  }
  for (let i = 0; i < ws.midCount; i++) {
    const b = midList[i]!;
    if (b !== x) ws.add(b, mid[b]!);
    for (let j = offsets[b]!; j < offsets[b + 1]!; j++) {
      const y = targets[j]!;
      if (y !== x) ws.add(y, epsilon * mid[b]!);
    }
  }
}

/** A scorer of the evaluation: fills `ws.score` for every node other than x (dense or sparse). */
export interface Scorer {
  id: string;
  name: string;
  /** Dense scorers (random, preferential attachment) give every pair a score; the others leave most at 0. */
  dense: boolean;
  scoreFrom(adj: Adjacency, x: number, ws: Workspace): void;
}

/** A symmetric hash of a pair, in [0, 1): the random scorer's score and the evaluation's tie-break. */
export function pairHash(x: number, y: number, seed: number): number {
  const lo = Math.min(x, y);
  const hi = Math.max(x, y);
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(hi + seed, 0xc2b2ae35) ^ seed;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

function denseFill(ws: Workspace, x: number, value: (y: number) => number): void {
  ws.reset();
  for (let y = 0; y < ws.n; y++) if (y !== x) ws.add(y, value(y));
}

export function randomScorer(seed: number): Scorer {
  return {
    id: 'random',
    name: 'Random',
    dense: true,
    // 1 + hash keeps every score above 0, so that ws.add counts each node as touched.
    scoreFrom: (_adj, x, ws) => denseFill(ws, x, (y) => 1 + pairHash(x, y, seed)),
  };
}

export const PREFERENTIAL_ATTACHMENT: Scorer = {
  id: 'pa',
  name: 'Preferential attachment',
  dense: true,
  scoreFrom: (adj, x, ws) => {
    const kx = degree(adj, x);
    denseFill(ws, x, (y) => kx * degree(adj, y) + Number.MIN_VALUE);
  },
};

export const COMMON_NEIGHBOURS: Scorer = {
  id: 'cn',
  name: 'Common neighbours',
  dense: false,
  scoreFrom: (adj, x, ws) => commonNeighbourScores(adj, x, ws, WEIGHT_CN),
};

export const ADAMIC_ADAR: Scorer = {
  id: 'aa',
  name: 'Adamic–Adar',
  dense: false,
  scoreFrom: (adj, x, ws) => commonNeighbourScores(adj, x, ws, WEIGHT_AA),
};

export const RESOURCE_ALLOCATION: Scorer = {
  id: 'ra',
  name: 'Resource allocation',
  dense: false,
  scoreFrom: (adj, x, ws) => commonNeighbourScores(adj, x, ws, WEIGHT_RA),
};

export function localPathScorer(epsilon: number): Scorer {
  return {
    id: `lp-${epsilon}`,
    name: `Local path (ε=${epsilon})`,
    dense: false,
    scoreFrom: (adj, x, ws) => localPathScores(adj, x, ws, epsilon),
  };
}

export function partnerScorer(options: PartnerScoreOptions, id = 'partner'): Scorer {
  return {
    id,
    name: `RA + ε·RA3 (ε=${options.epsilon})`,
    dense: false,
    scoreFrom: (adj, x, ws) => partnerScores(adj, x, ws, options),
  };
}
