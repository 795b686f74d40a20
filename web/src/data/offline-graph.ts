// The graph questions the offline bundle answers in the browser, on the whole dataset it holds:
// a node's neighbourhood, the k shortest paths between two nodes and who lies on the shortest
// ones. The answers have the API's shapes (what the server's queries return), read the way the
// server reads the graph: relations in either direction, parallel relations as separate steps
// for paths and as one tie for path counting (server/analytics/path-share.ts).
import type {
  GraphEdge,
  GraphNode,
  GraphPath,
  GraphPayload,
  NeighborhoodPayload,
  PathThroughPayload,
} from '../../../domain/api-types.ts';
import { RELATION_TYPES, isRelationType } from '../../../domain/ontology.ts';

interface Step {
  edge: GraphEdge;
  other: string;
}

/** How many partial paths the k-shortest search may extend before it stops with what it found. */
const PATH_WORK_BUDGET = 200_000;

export class OfflineGraph {
  private readonly nodes = new Map<string, GraphNode>();
  /** Relations at each node, in the payload's order (the order answers list them in). */
  private readonly steps = new Map<string, Step[]>();

  constructor(private readonly payload: GraphPayload) {
    for (const node of payload.nodes) {
      this.nodes.set(node.id, node);
      this.steps.set(node.id, []);
    }
    for (const edge of payload.edges) {
      if (edge.source === edge.target) continue;
      this.steps.get(edge.source)?.push({ edge, other: edge.target });
      this.steps.get(edge.target)?.push({ edge, other: edge.source });
    }
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** The node and its direct neighbours (by id, as the server lists them) and the relations among them. */
  neighborhood(center: string): NeighborhoodPayload {
    const ring = [...new Set(this.stepsOf(center).map((s) => s.other))].sort();
    const ids = new Set([center, ...ring]);
    return {
      dataset: this.payload.dataset,
      center,
      nodes: [...ids].map((id) => this.nodes.get(id)!),
      edges: this.payload.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
      sampled: false,
      counts: { ring1: ring.length, ring1Shown: ring.length },
    };
  }

  /**
   * Up to k shortest paths of at most maxHops steps, shortest first, no node twice. Lengths are
   * tried in turn, each explored only through nodes that can still reach `to` in the steps left.
   */
  kShortestPaths(from: string, to: string, maxHops: number, k: number): GraphPath[] {
    if (from === to || !this.has(from) || !this.has(to)) return [];
    const distToTarget = this.distances(to);
    const shortest = distToTarget.get(from);
    if (shortest === undefined) return [];
    const found: Step[][] = [];
    const work = { left: PATH_WORK_BUDGET };
    for (let length = shortest; length <= maxHops && found.length < k && work.left > 0; length++) {
      this.pathsOfLength(from, to, length, distToTarget, { found, k, work, visited: new Set([from]), trail: [] });
    }
    return found.map((trail) => this.describePath(from, trail));
  }

  private pathsOfLength(
    at: string,
    to: string,
    left: number,
    dist: Map<string, number>,
    search: { found: Step[][]; k: number; work: { left: number }; visited: Set<string>; trail: Step[] },
  ): void {
    if (left === 0) {
      if (at === to) search.found.push([...search.trail]);
      return;
    }
    if (at === to) return;
    for (const step of this.stepsOf(at)) {
      if (search.found.length >= search.k || --search.work.left <= 0) return;
      const d = dist.get(step.other);
      if (d === undefined || d > left - 1 || search.visited.has(step.other)) continue;
      search.visited.add(step.other);
      search.trail.push(step);
      this.pathsOfLength(step.other, to, left - 1, dist, search);
      search.trail.pop();
      search.visited.delete(step.other);
    }
  }

  private describePath(from: string, trail: Step[]): GraphPath {
    const ids = [from, ...trail.map((s) => s.other)];
    return {
      length: trail.length,
      nodes: ids.map((id) => {
        const { type, name_zh, name_en } = this.nodes.get(id)!;
        return { id, type, name_zh, name_en };
      }),
      edges: trail.map(({ edge }) => {
        const info = isRelationType(edge.type) ? RELATION_TYPES[edge.type] : undefined;
        const { id, source, target, type } = edge;
        return { id, source, target, type, type_zh: info?.zh ?? type, type_en: info?.en ?? type };
      }),
    };
  }

  /**
   * σ shortest paths from `from` to `to` on the simple undirected projection; each intermediate
   * node v on them lies on σ(from,v)·σ(v,to) of them. Ranked by that number, then id.
   */
  pathsThrough(from: string, to: string, limit = 10): Omit<PathThroughPayload, 'dataset'> {
    const empty = { from, to, length: null, paths: 0, through: [] };
    if (!this.has(from) || !this.has(to)) return empty;
    if (from === to) return { from, to, length: 0, paths: 1, through: [] };
    const a = this.countPaths(from);
    const length = a.dist.get(to);
    if (length === undefined) return empty;
    const b = this.countPaths(to);
    const total = a.sigma.get(to)!;
    const through = (v: string) => a.sigma.get(v)! * b.sigma.get(v)!;
    const on = [...a.dist.keys()].filter(
      (v) => v !== from && v !== to && b.dist.has(v) && a.dist.get(v)! + b.dist.get(v)! === length,
    );
    on.sort((x, y) => through(y) - through(x) || (x < y ? -1 : 1));
    return {
      from,
      to,
      length,
      paths: total,
      through: on.slice(0, limit).map((id) => {
        const { type, name_zh, name_en } = this.nodes.get(id)!;
        return { id, type, name_zh, name_en, paths: through(id), share: through(id) / total };
      }),
    };
  }

  private stepsOf(id: string): Step[] {
    return this.steps.get(id) ?? [];
  }

  /** Distinct neighbours (parallel relations are one tie). */
  private neighborsOf(id: string): Set<string> {
    return new Set(this.stepsOf(id).map((s) => s.other));
  }

  /** Breadth-first distances from `start` to every node it reaches. */
  private distances(start: string): Map<string, number> {
    return this.countPaths(start).dist;
  }

  /** Breadth-first distances and numbers of shortest paths from `start`. */
  private countPaths(start: string): { dist: Map<string, number>; sigma: Map<string, number> } {
    const dist = new Map([[start, 0]]);
    const sigma = new Map([[start, 1]]);
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      const dv = dist.get(v)!;
      for (const w of this.neighborsOf(v)) {
        if (!dist.has(w)) {
          dist.set(w, dv + 1);
          sigma.set(w, 0);
          queue.push(w);
        }
        if (dist.get(w) === dv + 1) sigma.set(w, sigma.get(w)! + sigma.get(v)!);
      }
    }
    return { dist, sigma };
  }
}
