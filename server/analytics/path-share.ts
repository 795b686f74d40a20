// Who lies on the shortest paths between two nodes, and on what share of them: BFS path counting
// from both ends on the undirected simple projection (as the explorer's path finder reads the graph).
import type { PathThroughPayload } from '../../domain/api-types.ts';
import type { AnalyticsGraph } from './graph.ts';
import type { Projection } from './metrics.ts';
import { projectGraph } from './metrics.ts';

/** Distances (−1: unreachable) and numbers of shortest paths from `s`. */
export function countPaths(p: Projection, s: number): { dist: Int32Array; sigma: Float64Array } {
  const dist = new Int32Array(p.n).fill(-1);
  const sigma = new Float64Array(p.n);
  const queue = new Int32Array(p.n);
  let head = 0;
  let tail = 0;
  queue[tail++] = s;
  dist[s] = 0;
  sigma[s] = 1;
  while (head < tail) {
    const v = queue[head++]!;
    for (let k = p.offsets[v]!; k < p.offsets[v + 1]!; k++) {
      const w = p.neighbors[k]!;
      if (dist[w]! < 0) {
        dist[w] = dist[v]! + 1;
        queue[tail++] = w;
      }
      if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
    }
  }
  return { dist, sigma };
}

/**
 * σ_st shortest paths from `from` to `to`; every intermediate node v with d(s,v) + d(v,t) = d(s,t)
 * lies on σ_sv·σ_vt of them. Ranked by that number (then id), at most `limit`. Unknown ends or no
 * path: length null and nothing through. Every node type counts as an intermediate (a shared
 * field or honour is a real link in this graph).
 */
export function pathsThrough(
  graph: AnalyticsGraph,
  from: string,
  to: string,
  limit = 20,
): Omit<PathThroughPayload, 'dataset'> {
  const empty = { from, to, length: null, paths: 0, through: [] };
  const p = projectGraph(graph);
  const s = p.index.get(from);
  const t = p.index.get(to);
  if (s === undefined || t === undefined) return empty;
  if (s === t) return { from, to, length: 0, paths: 1, through: [] };
  const a = countPaths(p, s);
  if (a.dist[t]! < 0) return empty;
  const b = countPaths(p, t);
  const length = a.dist[t]!;
  const total = a.sigma[t]!;
  const on: number[] = [];
  for (let v = 0; v < p.n; v++) {
    if (v === s || v === t || a.dist[v]! < 0 || b.dist[v]! < 0) continue;
    if (a.dist[v]! + b.dist[v]! === length) on.push(v);
  }
  const through = (v: number) => a.sigma[v]! * b.sigma[v]!;
  on.sort((x, y) => through(y) - through(x) || (p.ids[x]! < p.ids[y]! ? -1 : 1));
  return {
    from,
    to,
    length,
    paths: total,
    through: on.slice(0, Math.max(0, limit)).map((v) => {
      const attributes = graph.getNodeAttributes(p.ids[v]!);
      return {
        id: p.ids[v]!,
        type: attributes.type,
        name_zh: attributes.name_zh,
        name_en: attributes.name_en,
        paths: through(v),
        share: through(v) / total,
      };
    }),
  };
}
