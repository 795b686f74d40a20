// The partner finder: for one actor, the actors it has no tie with, ranked by how likely a tie
// is, each with the reasons a person can check on the graph (shared neighbours, shared fields,
// a shortest path, the same community). Pure: the server runs it in a worker thread. The score
// is link-prediction.ts's partnerScores, the function the evaluation (bench/partners.ts) measures.
import type { PartnerCandidate, PartnerReason } from '../../domain/api-types.ts';
import { FIELD_NODE_TYPE, NODE_TYPES, RELATION_TYPES, isNodeType, isRelationType } from '../../domain/ontology.ts';
import type { AnalyticsGraph } from './graph.ts';
import {
  Workspace,
  adjacencyFromPairs,
  partnerScorer,
  partnerScores,
  type Adjacency,
  type PartnerScoreOptions,
} from './link-prediction.ts';

/**
 * ε = 0.5: a path of length 3 counts half a common neighbour of the same weights. Measured
 * (bench/partners.ts, docs/analytics.md): on co-authorship (ca-grqc, triangles everywhere) a
 * larger ε starts to lose precision to Adamic–Adar (ε = 2 does), on the synthetic ecosystem
 * (few triangles: firms meet through parks and platforms) a smaller one gives up most of the
 * gain of the three-step term. The work budget keeps a query around a hub of a 100k-node graph
 * to tens of milliseconds.
 */
export const PARTNER_SCORE_OPTIONS: PartnerScoreOptions = { epsilon: 0.5, maxWork: 2_000_000 };
export const PARTNER_SCORER = partnerScorer(PARTNER_SCORE_OPTIONS);
export const PARTNER_METHOD = `RA + ε·RA3 (resource allocation, paths of length 3, ε=${PARTNER_SCORE_OPTIONS.epsilon})`;

/** Shared neighbours and fields a reason names at most (the text says how many more). */
const NAMED = 5;

export interface PartnerOptions {
  /** Only candidates of this node type (context types too, when asked for by name). */
  type?: string;
  limit: number;
  /** Louvain community per node id, for the 'community' reason. */
  communities?: ReadonlyMap<string, number>;
}

/** One graph's CSR view, built once: graphology calls stay out of the scoring loops. */
interface PartnerIndex {
  ids: string[];
  indexOf: Map<string, number>;
  adj: Adjacency;
  /** Node type per node, and whether it is a context type (no partner unless asked for). */
  types: string[];
  context: Uint8Array;
  /** Relation id of each input pair (adj.pair points here). */
  relations: string[];
  ws: Workspace;
  /** tied[y] === query: y is the current query node or tied to it (a stamp: no clearing). */
  tied: Int32Array;
  query: number;
}

// Keyed by the graph object: the analytics graph of a dataset version is never mutated, and a
// new version is a new graph, so the index lives exactly as long as its graph.
const INDEXES = new WeakMap<AnalyticsGraph, PartnerIndex>();

function partnerIndex(graph: AnalyticsGraph): PartnerIndex {
  let index = INDEXES.get(graph);
  if (index) return index;
  const ids = graph.nodes();
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  const sources = new Int32Array(graph.size);
  const targets = new Int32Array(graph.size);
  const relations: string[] = [];
  graph.forEachEdge((edge, _attributes, source, target) => {
    sources[relations.length] = indexOf.get(source)!;
    targets[relations.length] = indexOf.get(target)!;
    relations.push(edge);
  });
  const adj = adjacencyFromPairs(ids.length, sources, targets);
  const types = ids.map((id) => graph.getNodeAttribute(id, 'type'));
  const context = Uint8Array.from(types, (type) => (isContextType(type) ? 1 : 0));
  index = {
    ids,
    indexOf,
    adj,
    types,
    context,
    relations,
    ws: new Workspace(ids.length),
    tied: new Int32Array(ids.length),
    query: 0,
  };
  INDEXES.set(graph, index);
  return index;
}

/**
 * The `limit` best untied candidates of the last scoring run from x. Around a hub tens of
 * thousands are scored: a numeric sort of their scores gives the cut, and only those above it
 * are sorted by score and then id (so that equal scores always come in the same order).
 */
function bestCandidates(index: PartnerIndex, x: number, options: PartnerOptions): number[] {
  const { adj, ws, ids, tied } = index;
  index.query++;
  tied[x] = index.query;
  for (let i = adj.offsets[x]!; i < adj.offsets[x + 1]!; i++) tied[adj.targets[i]!] = index.query;
  const wanted = (y: number) => (options.type !== undefined ? index.types[y] === options.type : index.context[y] === 0);
  let chosen: number[] = [];
  for (let i = 0; i < ws.touchedCount; i++) {
    const y = ws.touched[i]!;
    if (tied[y] !== index.query && wanted(y)) chosen.push(y);
  }
  if (chosen.length > options.limit) {
    const scores = Float64Array.from(chosen, (y) => ws.score[y]!).sort();
    const cut = scores[scores.length - options.limit]!;
    chosen = chosen.filter((y) => ws.score[y]! >= cut);
  }
  chosen.sort((p, q) => ws.score[q]! - ws.score[p]! || (ids[p]! < ids[q]! ? -1 : 1));
  return chosen.slice(0, options.limit);
}

function isContextType(type: string): boolean {
  return isNodeType(type) && NODE_TYPES[type].sector === 'context';
}

/**
 * The actors `id` has no relation with (either direction; never itself), best first, at most
 * `limit`. Candidates with a positive score (within three steps) come first; when they are fewer
 * than `limit` — a peripheral actor, or a wanted type that lives elsewhere in the graph — the
 * nearest further actors follow with score 0, in breadth-first order, each with its shortest
 * path as the reason: a planner asking for a university partner of a firm gets the nearest
 * universities and how they are reached, not an empty list.
 */
export function rankPartners(graph: AnalyticsGraph, id: string, options: PartnerOptions): PartnerCandidate[] {
  const index = partnerIndex(graph);
  const x = index.indexOf.get(id);
  if (x === undefined || options.limit <= 0) return [];
  const { adj, ws, ids } = index;
  partnerScores(adj, x, ws, PARTNER_SCORE_OPTIONS);
  const chosen = bestCandidates(index, x, options);
  const further =
    chosen.length < options.limit ? nearestFurther(index, x, chosen, options) : new Map<number, number[]>();
  const scored = chosen.map((y) => {
    const attributes = graph.getNodeAttributes(ids[y]!);
    return {
      id: ids[y]!,
      type: attributes.type,
      name_zh: attributes.name_zh,
      name_en: attributes.name_en,
      score: ws.score[y]!,
      reasons: explain(graph, index, x, y, options.communities),
    };
  });
  const rest = [...further].map(([y, path]) => {
    const attributes = graph.getNodeAttributes(ids[y]!);
    const nodes = path.map((i) => ids[i]!);
    const reasons = [
      pathReason(
        graph,
        nodes,
        path.slice(1).map((b, i) => relationOf(index, path[i]!, b)),
      ),
    ];
    const community = communityReason(ids[x]!, ids[y]!, options.communities);
    if (community) reasons.push(community);
    return {
      id: ids[y]!,
      type: attributes.type,
      name_zh: attributes.name_zh,
      name_en: attributes.name_en,
      score: 0,
      reasons,
    };
  });
  return [...scored, ...rest];
}

/**
 * Breadth-first from x: the nearest wanted, untied actors not already chosen, up to the limit,
 * each with the path that reached it (x first). O(n + m) at most, once per query.
 */
function nearestFurther(
  index: PartnerIndex,
  x: number,
  chosen: number[],
  options: PartnerOptions,
): Map<number, number[]> {
  const { adj, tied, types, context } = index;
  const need = options.limit - chosen.length;
  const taken = new Set(chosen);
  const parent = new Int32Array(index.ids.length).fill(-1);
  parent[x] = x;
  const found = new Map<number, number[]>();
  const queue = [x];
  for (let head = 0; head < queue.length && found.size < need; head++) {
    const a = queue[head]!;
    for (let i = adj.offsets[a]!; i < adj.offsets[a + 1]!; i++) {
      const b = adj.targets[i]!;
      if (parent[b] !== -1) continue;
      parent[b] = a;
      queue.push(b);
      const wanted = options.type !== undefined ? types[b] === options.type : context[b] === 0;
      if (!wanted || tied[b] === index.query || taken.has(b)) continue;
      const path = [b];
      while (path[0] !== x) path.unshift(parent[path[0]!]!);
      found.set(b, path);
      if (found.size >= need) break;
    }
  }
  return found;
}

function communityReason(
  xId: string,
  yId: string,
  communities: ReadonlyMap<string, number> | undefined,
): PartnerReason | undefined {
  const cx = communities?.get(xId);
  if (cx === undefined || cx !== communities?.get(yId)) return undefined;
  return {
    kind: 'community',
    text_zh: `同属社区 ${cx}(Louvain 社区划分)`,
    text_en: `Same community (${cx}) in the Louvain partition`,
    nodes: [xId, yId],
    edges: [],
  };
}

interface Named {
  zh: string;
  en: string;
}

function nameOf(graph: AnalyticsGraph, id: string): Named {
  const { name_zh, name_en } = graph.getNodeAttributes(id);
  return { zh: name_zh || name_en || id, en: name_en || name_zh || id };
}

function relationName(type: string): Named {
  return isRelationType(type) ? RELATION_TYPES[type] : { zh: type, en: type };
}

/** Every relation between a and b, either direction (graphology's edges(a, b) gives both ways). */
function relationsBetween(graph: AnalyticsGraph, a: string, b: string): string[] {
  return graph.edges(a, b);
}

/** The common neighbours of x and y (both neighbour lists are sorted: one merge). */
function commonNeighbours(adj: Adjacency, x: number, y: number): number[] {
  const out: number[] = [];
  let i = adj.offsets[x]!;
  let j = adj.offsets[y]!;
  while (i < adj.offsets[x + 1]! && j < adj.offsets[y + 1]!) {
    const a = adj.targets[i]!;
    const b = adj.targets[j]!;
    if (a === b) out.push(a);
    if (a <= b) i++;
    if (b <= a) j++;
  }
  return out;
}

/** The fields (FIELD_NODE_TYPE) a node has FOCUSES_ON relations to: field id → relation ids. */
function fieldsOf(graph: AnalyticsGraph, id: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  graph.forEachOutEdge(id, (edge, attributes, _source, target, _s, targetAttributes) => {
    if (attributes.type !== 'FOCUSES_ON' || targetAttributes.type !== FIELD_NODE_TYPE) return;
    const list = fields.get(target);
    if (list) list.push(edge);
    else fields.set(target, [edge]);
  });
  return fields;
}

function nameList(graph: AnalyticsGraph, ids: string[], total: number): Named {
  const names = ids.map((id) => nameOf(graph, id));
  const more = total - ids.length;
  return {
    zh: names.map((n) => n.zh).join('、') + (more > 0 ? ` 等 ${total} 个` : ''),
    en: names.map((n) => n.en).join(', ') + (more > 0 ? ` and ${more} more` : ''),
  };
}

function explain(
  graph: AnalyticsGraph,
  index: PartnerIndex,
  x: number,
  y: number,
  communities: ReadonlyMap<string, number> | undefined,
): PartnerReason[] {
  const { adj, ids } = index;
  const xId = ids[x]!;
  const yId = ids[y]!;
  const reasons: PartnerReason[] = [];
  const fieldsX = fieldsOf(graph, xId);
  const fieldsY = fieldsOf(graph, yId);
  const sharedFields = [...fieldsX.keys()].filter((field) => fieldsY.has(field));
  // The most telling shared neighbours first: the least connected (they weigh most in RA).
  const common = commonNeighbours(adj, x, y).filter((z) => !(fieldsX.has(ids[z]!) && fieldsY.has(ids[z]!)));
  common.sort((p, q) => degreeOf(adj, p) - degreeOf(adj, q) || p - q);
  if (common.length > 0) {
    const named = common.slice(0, NAMED).map((z) => ids[z]!);
    const list = nameList(graph, named, common.length);
    reasons.push({
      kind: 'shared_neighbors',
      text_zh: `共同关联 ${common.length} 个节点:${list.zh}`,
      text_en: `${common.length} shared neighbour${common.length === 1 ? '' : 's'}: ${list.en}`,
      nodes: named,
      edges: named.flatMap((z) => [...relationsBetween(graph, xId, z), ...relationsBetween(graph, yId, z)]),
    });
  }
  if (sharedFields.length > 0) {
    const named = sharedFields.slice(0, NAMED);
    const list = nameList(graph, named, sharedFields.length);
    reasons.push({
      kind: 'shared_fields',
      text_zh: `同样聚焦:${list.zh}`,
      text_en: `Both focus on ${list.en}`,
      nodes: named,
      edges: named.flatMap((field) => [...fieldsX.get(field)!, ...fieldsY.get(field)!]),
    });
  }
  const path = shortestPath(index, x, y);
  if (path)
    reasons.push(
      pathReason(
        graph,
        path.nodes.map((i) => ids[i]!),
        path.relations,
      ),
    );
  const community = communityReason(xId, yId, communities);
  if (community) reasons.push(community);
  return reasons;
}

function degreeOf(adj: Adjacency, i: number): number {
  return adj.offsets[i + 1]! - adj.offsets[i]!;
}

/** The relation id the adjacency keeps for the tie a–b (one of them when there are several). */
function relationOf(index: PartnerIndex, a: number, b: number): string {
  const { adj } = index;
  for (let i = adj.offsets[a]!; i < adj.offsets[a + 1]!; i++) {
    if (adj.targets[i] === b) return index.relations[adj.pair[i]!]!;
  }
  throw new Error(`no tie between nodes ${a} and ${b}`);
}

/**
 * A shortest path from x to y, for a candidate of the last partnerScores run from x: a scored
 * candidate is 2 steps away (a common neighbour) or 3 (a node b next to y that x reaches in two
 * steps, which the run left in ws.mid).
 */
function shortestPath(index: PartnerIndex, x: number, y: number): { nodes: number[]; relations: string[] } | null {
  const { adj, ws } = index;
  const hop = (nodes: number[]) => ({
    nodes,
    relations: nodes.slice(1).map((b, i) => relationOf(index, nodes[i]!, b)),
  });
  const common = commonNeighbours(adj, x, y);
  if (common.length > 0) return hop([x, common[0]!, y]);
  for (let j = adj.offsets[y]!; j < adj.offsets[y + 1]!; j++) {
    const b = adj.targets[j]!;
    if (ws.mid[b] === 0) continue;
    const a = commonNeighbours(adj, x, b)[0];
    if (a !== undefined) return hop([x, a, b, y]);
  }
  return null;
}

function pathReason(graph: AnalyticsGraph, nodes: string[], relations: string[]): PartnerReason {
  let zh = nameOf(graph, nodes[0]!).zh;
  let en = nameOf(graph, nodes[0]!).en;
  relations.forEach((relation, i) => {
    const next = nameOf(graph, nodes[i + 1]!);
    const rel = relationName(graph.getEdgeAttribute(relation, 'type'));
    // The arrow shows which way the relation points as stored.
    const forward = graph.source(relation) === nodes[i];
    zh += forward ? ` —${rel.zh}→ ${next.zh}` : ` ←${rel.zh}— ${next.zh}`;
    en += forward ? ` —${rel.en}→ ${next.en}` : ` ←${rel.en}— ${next.en}`;
  });
  return {
    kind: 'path',
    text_zh: `最短路径(${relations.length} 步):${zh}`,
    text_en: `Shortest path (${relations.length} steps): ${en}`,
    nodes,
    edges: relations,
  };
}
