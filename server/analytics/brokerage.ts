// Gould–Fernandez (1989) brokerage roles: on every directed two-path a → v → b among actors, with
// a ≠ b and no tie a → b, the middle node v brokers, in a role given by the groups (sectors) of
// a, v and b. Undirected relations (collaboration) go both ways; parallel relations are one tie.
import type { BrokerEntry, BrokerageReport, BrokerageRole } from '../../domain/api-types.ts';
import { BROKERAGE_ROLES } from '../../domain/api-types.ts';
import type { AnalyticsGraph } from './graph.ts';
import type { Projection, Tick } from './metrics.ts';

/** Directed simple adjacency among actors, both ways, rows sorted (for binary search). */
interface Directed {
  outOff: Int32Array;
  out: Int32Array;
  inOff: Int32Array;
  into: Int32Array;
}

function csr(n: number, pairs: number[], from: 0 | 1): { off: Int32Array; adj: Int32Array } {
  const count = new Int32Array(n + 1);
  for (let i = from; i < pairs.length; i += 2) count[pairs[i]! + 1]! += 1;
  for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
  const fill = count.slice();
  const adj = new Int32Array(pairs.length / 2);
  for (let i = 0; i < pairs.length; i += 2) adj[fill[pairs[i + from]!]!++] = pairs[i + 1 - from]!;
  // Sort and drop repeats, compacting in place.
  const off = new Int32Array(n + 1);
  let write = 0;
  for (let v = 0; v < n; v++) {
    const row = adj.subarray(count[v]!, count[v + 1]!).sort();
    off[v] = write;
    for (let k = 0; k < row.length; k++) if (k === 0 || row[k] !== row[k - 1]) adj[write++] = row[k]!;
  }
  off[n] = write;
  return { off, adj: adj.slice(0, write) };
}

function directedActors(graph: AnalyticsGraph, p: Projection, group: Int32Array): Directed {
  const pairs: number[] = [];
  graph.forEachEdge((_e, attributes, source, target) => {
    const s = p.index.get(source) as number;
    const t = p.index.get(target) as number;
    if (group[s]! < 0 || group[t]! < 0) return;
    pairs.push(s, t);
    if (attributes.undirected) pairs.push(t, s);
  });
  const o = csr(p.n, pairs, 0);
  const i = csr(p.n, pairs, 1);
  return { outOff: o.off, out: o.adj, inOff: i.off, into: i.adj };
}

function hasArc(d: Directed, a: number, b: number): boolean {
  let lo = d.outOff[a]!;
  let hi = d.outOff[a + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = d.out[mid]!;
    if (x === b) return true;
    if (x < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Role of a two-path by its groups (a → v → b). */
export function roleOf(ga: number, gv: number, gb: number): BrokerageRole {
  if (ga === gv && gv === gb) return 'coordinator';
  if (ga === gb) return 'itinerant';
  if (ga === gv) return 'representative';
  if (gv === gb) return 'gatekeeper';
  return 'liaison';
}

export type BrokerageCounts = Record<BrokerageRole, Float64Array>;

/**
 * Exact counts without enumerating the pairs (a hub with 5,000 in and 5,000 out ties has 25 million):
 * per v, the pairs by (group of a, group of b) are |in_g(v)|·|out_h(v)|, minus the pairs with a = b,
 * minus those with a tie a → b. The latter are found, for each a ∈ in(v), by scanning the shorter of
 * out(a) and out(v) against the other (a mark, or a binary search), so the work is bounded like
 * triangle counting, O(m·√m·log), and nothing needs sampling.
 */
export function brokerageCounts(graph: AnalyticsGraph, p: Projection, group: Int32Array, tick: Tick): BrokerageCounts {
  const n = p.n;
  const d = directedActors(graph, p, group);
  let g = 1;
  for (const x of group) g = Math.max(g, x + 1);
  const counts = Object.fromEntries(BROKERAGE_ROLES.map((r) => [r, new Float64Array(n)])) as BrokerageCounts;
  const cin = new Float64Array(g);
  const cout = new Float64Array(g);
  const pairs = new Float64Array(g * g);
  const mark = new Int32Array(n).fill(-1);
  const step = Math.max(1, Math.floor(n / 100));
  for (let v = 0; v < n; v++) {
    if (v % step === 0) tick(v, n);
    const gv = group[v]!;
    if (gv < 0 || d.inOff[v] === d.inOff[v + 1] || d.outOff[v] === d.outOff[v + 1]) continue;
    cin.fill(0);
    cout.fill(0);
    for (let k = d.inOff[v]!; k < d.inOff[v + 1]!; k++) cin[group[d.into[k]!]!]! += 1;
    for (let k = d.outOff[v]!; k < d.outOff[v + 1]!; k++) {
      cout[group[d.out[k]!]!]! += 1;
      mark[d.out[k]!] = v;
    }
    for (let x = 0; x < g; x++) for (let y = 0; y < g; y++) pairs[x * g + y] = cin[x]! * cout[y]!;
    subtractClosed(d, v, group, mark, pairs, g);
    for (let x = 0; x < g; x++)
      for (let y = 0; y < g; y++) if (pairs[x * g + y]! > 0) counts[roleOf(x, gv, y)][v]! += pairs[x * g + y]!;
  }
  tick(n, n);
  return counts;
}

/** Removes from `pairs` the two-paths through v with a = b or with a tie a → b (out(v) is marked v). */
function subtractClosed(
  d: Directed,
  v: number,
  group: Int32Array,
  mark: Int32Array,
  pairs: Float64Array,
  g: number,
): void {
  const outV = d.outOff[v + 1]! - d.outOff[v]!;
  for (let k = d.inOff[v]!; k < d.inOff[v + 1]!; k++) {
    const a = d.into[k]!;
    const ga = group[a]!;
    if (mark[a] === v) pairs[ga * g + ga]! -= 1;
    const outA = d.outOff[a + 1]! - d.outOff[a]!;
    if (outA <= outV) {
      for (let j = d.outOff[a]!; j < d.outOff[a + 1]!; j++) {
        const b = d.out[j]!;
        if (b !== v && mark[b] === v) pairs[ga * g + group[b]!]! -= 1;
      }
    } else {
      for (let j = d.outOff[v]!; j < d.outOff[v + 1]!; j++) {
        const b = d.out[j]!;
        if (b !== a && hasArc(d, a, b)) pairs[ga * g + group[b]!]! -= 1;
      }
    }
  }
}

/** The top actors per role (count > 0), highest first, ties by id. */
export function brokerageReport(
  graph: AnalyticsGraph,
  p: Projection,
  counts: BrokerageCounts,
  limit = 10,
): BrokerageReport {
  const top = {} as Record<BrokerageRole, BrokerEntry[]>;
  for (const role of BROKERAGE_ROLES) {
    const values = counts[role];
    const chosen: number[] = [];
    for (let v = 0; v < p.n; v++) if (values[v]! > 0) chosen.push(v);
    chosen.sort((x, y) => values[y]! - values[x]! || (p.ids[x]! < p.ids[y]! ? -1 : 1));
    top[role] = chosen.slice(0, limit).map((v) => {
      const attributes = graph.getNodeAttributes(p.ids[v]!);
      return {
        id: p.ids[v]!,
        type: attributes.type,
        name_zh: attributes.name_zh,
        name_en: attributes.name_en,
        count: values[v]!,
      };
    });
  }
  return { roles: [...BROKERAGE_ROLES], top };
}
