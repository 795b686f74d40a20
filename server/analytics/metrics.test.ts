import { describe, expect, it } from 'vitest';
import type { AnalyticsGraph } from './graph.ts';
import { buildAnalyticsGraph } from './graph.ts';
import {
  clustering,
  communities,
  coreNumbers,
  degrees,
  eigenvector,
  pagerank,
  pathMeasures,
  projectGraph,
  sampleIndices,
} from './metrics.ts';

/** A graph from "a-b" pairs (directed a → b, type SUPPORTS unless given); every node a Firm. */
function graphOf(pairs: string[], type = 'SUPPORTS', extraNodes: string[] = []): AnalyticsGraph {
  const ids = new Set(extraNodes);
  for (const pair of pairs) for (const id of pair.split('-')) ids.add(id);
  return buildAnalyticsGraph({
    nodes: [...ids].map((id) => ({ id, type: 'Firm', name_zh: id, name_en: id })),
    edges: pairs.map((pair, i) => {
      const [source, target] = pair.split('-') as [string, string];
      return { id: `e${i}`, source, target, type };
    }),
  });
}

/** Values of a per-node array keyed by node id. */
function byId(graph: AnalyticsGraph, values: Float64Array): Record<string, number> {
  const p = projectGraph(graph);
  return Object.fromEntries(p.ids.map((id, i) => [id, values[i]!]));
}

const path = () => graphOf(['a-b', 'b-c', 'c-d']);
const star = () => graphOf(['c-l1', 'c-l2', 'c-l3', 'c-l4']);
/** Two 4-cliques {a1..a4} and {b1..b4} joined by the bridge a1–b1. */
const cliques = () =>
  graphOf([
    'a1-a2',
    'a1-a3',
    'a1-a4',
    'a2-a3',
    'a2-a4',
    'a3-a4',
    'b1-b2',
    'b1-b3',
    'b1-b4',
    'b2-b3',
    'b2-b4',
    'b3-b4',
    'a1-b1',
  ]);

function exactPaths(graph: AnalyticsGraph) {
  const p = projectGraph(graph);
  const m = pathMeasures(p, p.n, 1, () => {});
  return { betweenness: byId(graph, m.betweenness), harmonic: byId(graph, m.harmonic) };
}

describe('projection', () => {
  it('merges parallel and opposite relations into one tie', () => {
    const p = projectGraph(graphOf(['a-b', 'b-a', 'a-b', 'b-c']));
    expect(p.ties).toBe(2);
    expect(Array.from(p.neighbors.subarray(p.offsets[1]!, p.offsets[2]!))).toEqual([0, 2]);
  });
});

describe('degrees', () => {
  it('counts relations, undirected ones in both directions', () => {
    const graph = buildAnalyticsGraph({
      nodes: ['a', 'b', 'c'].map((id) => ({ id, type: 'Firm', name_zh: id, name_en: id })),
      edges: [
        { id: 'e1', source: 'a', target: 'b', type: 'SUPPORTS' },
        { id: 'e2', source: 'a', target: 'b', type: 'FUNDS' },
        { id: 'e3', source: 'b', target: 'c', type: 'COLLABORATES_WITH' },
      ],
    });
    const d = degrees(graph, projectGraph(graph));
    expect(byId(graph, d.degree)).toEqual({ a: 2, b: 3, c: 1 });
    expect(byId(graph, d.outDegree)).toEqual({ a: 2, b: 1, c: 1 });
    expect(byId(graph, d.inDegree)).toEqual({ a: 0, b: 3, c: 1 });
  });
});

describe('betweenness and harmonic centrality (exact)', () => {
  it('path a-b-c-d', () => {
    const { betweenness, harmonic } = exactPaths(path());
    // b lies on the shortest paths of a–c and a–d: 2 of the 3 pairs of other nodes.
    expect(betweenness.a).toBeCloseTo(0);
    expect(betweenness.b).toBeCloseTo(2 / 3);
    expect(betweenness.c).toBeCloseTo(2 / 3);
    expect(harmonic.a).toBeCloseTo((1 + 1 / 2 + 1 / 3) / 3);
    expect(harmonic.b).toBeCloseTo((1 + 1 + 1 / 2) / 3);
  });
  it('star with four leaves', () => {
    const { betweenness, harmonic } = exactPaths(star());
    expect(betweenness.c).toBeCloseTo(1);
    expect(betweenness.l1).toBeCloseTo(0);
    expect(harmonic.c).toBeCloseTo(1);
    expect(harmonic.l1).toBeCloseTo((1 + 3 / 2) / 4);
  });
  it('two cliques joined by a bridge', () => {
    const { betweenness } = exactPaths(cliques());
    // a1 is on every path from a2..a4 to b1..b4: 12 of the 21 pairs of the other 7 nodes.
    expect(betweenness.a1).toBeCloseTo(12 / 21);
    expect(betweenness.a2).toBeCloseTo(0);
  });
  it('a sample of every node gives the exact values; a smaller one scales by n/k', () => {
    const graph = star();
    const p = projectGraph(graph);
    const exact = pathMeasures(p, p.n, 1, () => {});
    const all = pathMeasures(p, p.n + 10, 7, () => {});
    expect(Array.from(all.betweenness)).toEqual(Array.from(exact.betweenness));
    const sampled = pathMeasures(p, 2, 3, () => {});
    expect(sampled.sources).toBe(2);
    // Any two sources: at most one is the centre. The estimate is (n/k)·Σ δ_s(c) / ((n−1)(n−2)).
    const chosen = Array.from(sampleIndices(p.n, 2, 3));
    const leaves = chosen.filter((s) => p.ids[s] !== 'c').length;
    expect(sampled.betweenness[p.index.get('c')!]).toBeCloseTo(((5 / 2) * leaves * 3) / (4 * 3));
  });
});

describe('PageRank', () => {
  it('star and path (solved by hand, damping 0.85)', () => {
    const s = byId(star(), pagerank(projectGraph(star())).values);
    expect(s.c).toBeCloseTo(0.132 / 0.2775, 6);
    expect(s.l1).toBeCloseTo(0.03 + (0.85 * (0.132 / 0.2775)) / 4, 6);
    const p = byId(path(), pagerank(projectGraph(path())).values);
    expect(p.b).toBeCloseTo(0.069375 / 0.21375, 6);
    expect(p.a! + p.b! + p.c! + p.d!).toBeCloseTo(1, 9);
  });
});

describe('eigenvector centrality', () => {
  it('star: centre 1, leaves 1/√4', () => {
    const e = byId(star(), eigenvector(projectGraph(star())).values);
    expect(e.c).toBeCloseTo(1, 6);
    expect(e.l1).toBeCloseTo(0.5, 6);
  });
  it('path: (1/φ, 1, 1, 1/φ)', () => {
    const e = byId(path(), eigenvector(projectGraph(path())).values);
    expect(e.b).toBeCloseTo(1, 6);
    expect(e.a).toBeCloseTo(2 / (1 + Math.sqrt(5)), 6);
  });
  it('disconnected: each component scaled by its eigenvalue relative to the largest; isolated 0', () => {
    // A star (λ = 2) and a separate pair (λ = 1) and an isolated node.
    const graph = graphOf(['c-l1', 'c-l2', 'c-l3', 'c-l4', 'x-y'], 'SUPPORTS', ['z']);
    const e = byId(graph, eigenvector(projectGraph(graph)).values);
    expect(e.c).toBeCloseTo(1, 6);
    expect(e.x).toBeCloseTo(0.5, 6);
    expect(e.y).toBeCloseTo(0.5, 6);
    expect(e.z).toBe(0);
  });
  it('says whether the iteration met its tolerance', () => {
    const p = projectGraph(star());
    expect(eigenvector(p).converged).toBe(true);
    expect(eigenvector(p, 1e-9, 1)).toMatchObject({ iterations: 1, converged: false });
    expect(pagerank(p, 0.85, 1e-10, 2)).toMatchObject({ iterations: 2, converged: false });
  });
});

describe('k-core and clustering', () => {
  it('path and star are 1-cores without triangles', () => {
    for (const graph of [path(), star()]) {
      const p = projectGraph(graph);
      expect(Array.from(coreNumbers(p))).toEqual(new Array(p.n).fill(1));
      expect(Array.from(clustering(p))).toEqual(new Array(p.n).fill(0));
    }
  });
  it('two cliques: 3-cores; a clique member 1, a bridge end 3 of its 6 neighbour pairs', () => {
    const graph = cliques();
    const p = projectGraph(graph);
    expect(Array.from(coreNumbers(p))).toEqual(new Array(8).fill(3));
    const c = byId(graph, clustering(p));
    expect(c.a2).toBe(1);
    expect(c.a1).toBe(0.5);
  });
  it('k-core of a clique with a tail', () => {
    const graph = graphOf(['a-b', 'a-c', 'b-c', 'c-d', 'd-e']);
    expect(byId(graph, coreNumbers(projectGraph(graph)))).toEqual({ a: 2, b: 2, c: 2, d: 1, e: 1 });
  });
});

describe('Louvain communities', () => {
  it('finds the two cliques, numbered by size then first node, with their modularity', () => {
    const graph = cliques();
    const c = communities(projectGraph(graph), 1);
    const byNode = byId(graph, c.community);
    expect(new Set(['a1', 'a2', 'a3', 'a4'].map((id) => byNode[id]))).toEqual(new Set([0]));
    expect(new Set(['b1', 'b2', 'b3', 'b4'].map((id) => byNode[id]))).toEqual(new Set([1]));
    expect(c.sizes).toEqual([4, 4]);
    // Q = Σ_c (l_c/m − (d_c/2m)²) = 2·(6/13 − (13/26)²).
    expect(c.modularity).toBeCloseTo(2 * (6 / 13 - 0.25), 6);
  });
  it('is deterministic for a seed', () => {
    const graph = graphOf(['a-b', 'b-c', 'c-a', 'c-d', 'd-e', 'e-f', 'f-d', 'f-g', 'g-a']);
    const p = projectGraph(graph);
    expect(Array.from(communities(p, 5).community)).toEqual(Array.from(communities(p, 5).community));
  });
});
