// API payload → graphology graph with display attributes (colour by type, size by degree,
// a deterministic starting position). Hover, selection and filters never touch these.
import Graph from 'graphology';
import { isUndirected } from '../../../domain/ontology.ts';
import type { Lang } from '../i18n.ts';
import type { EdgeSummary, GraphPayload, NodeSummary, SchemaNodeType } from '../data/types.ts';

/** `type` is sigma's render program, so the ontology type lives in `nodeType`. */
export interface NodeAttributes extends Omit<NodeSummary, 'type'> {
  nodeType: string;
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}

export interface EdgeAttributes {
  id: string;
  /** Sigma's program: 'arrow', 'line' (large graphs) or 'curved' (one of several parallel edges). */
  type: string;
  relType: string;
  size: number;
  color: string;
  /** Bend of a curved edge, relative to its length; its sign says which side. */
  curvature?: number;
}

/** Above this many edges they are drawn as plain lines: arrowheads would only add noise. */
export const ARROW_EDGE_LIMIT = 20_000;

export type ExplorerGraph = Graph<NodeAttributes, EdgeAttributes>;

export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 18;
const FALLBACK_COLOR = '#888888';
const EDGE_COLOR = '#c3c8d2';

/** FNV-1a: a stable number per id, so that starting positions do not change between loads. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function nodeLabel(node: Pick<NodeSummary, 'name_zh' | 'name_en'>, lang: Lang): string {
  return lang === 'zh' ? node.name_zh || node.name_en : node.name_en || node.name_zh;
}

/** Size grows with the square root of degree, so hubs stand out without hiding the rest. */
export function sizeForDegree(degree: number, maxDegree: number): number {
  if (maxDegree <= 0) return MIN_NODE_SIZE;
  return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(degree / maxDegree);
}

export function emptyGraph(): ExplorerGraph {
  return new Graph({ multi: true, type: 'directed', allowSelfLoops: false });
}

/** The whole display graph at once (tests, exports, small datasets). */
export function buildGraph(payload: GraphPayload, types: readonly SchemaNodeType[], lang: Lang): ExplorerGraph {
  const graph = buildNodes(payload, types, lang);
  addEdges(graph, payload.edges);
  return graph;
}

/** Edges that can be drawn: both ends present, no self-loop. */
function drawable(graph: ExplorerGraph, edge: EdgeSummary): boolean {
  return graph.hasNode(edge.source) && graph.hasNode(edge.target) && edge.source !== edge.target;
}

/**
 * The nodes only, already sized by the degree they will have: the renderer can start on them
 * while the edges are added in slices (one large insertion would block the page).
 */
export function buildNodes(payload: GraphPayload, types: readonly SchemaNodeType[], lang: Lang): ExplorerGraph {
  const graph = emptyGraph();
  const degree = new Map<string, number>();
  addNodes(graph, payload.nodes, types, lang);
  countDegrees(graph, payload.edges, degree);
  sizeByDegrees(graph, degree);
  return graph;
}

/** The same as buildNodes, `slice` nodes or edges per step, awaiting `pause` between steps. */
export async function buildNodesInSlices(
  payload: GraphPayload,
  types: readonly SchemaNodeType[],
  lang: Lang,
  slice: number,
  pause: () => Promise<void>,
): Promise<ExplorerGraph> {
  const graph = emptyGraph();
  const degree = new Map<string, number>();
  for (let from = 0; from < payload.nodes.length; from += slice) {
    await pause();
    addNodes(graph, payload.nodes.slice(from, from + slice), types, lang);
  }
  for (let from = 0; from < payload.edges.length; from += slice) {
    await pause();
    countDegrees(graph, payload.edges.slice(from, from + slice), degree);
  }
  await pause();
  sizeByDegrees(graph, degree);
  return graph;
}

function addNodes(graph: ExplorerGraph, nodes: readonly NodeSummary[], types: readonly SchemaNodeType[], lang: Lang) {
  for (const node of nodes) graph.addNode(node.id, nodeAttributes(node, types, lang));
}

function countDegrees(graph: ExplorerGraph, edges: readonly EdgeSummary[], degree: Map<string, number>): void {
  for (const edge of edges) {
    if (!drawable(graph, edge)) continue;
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
}

function sizeByDegrees(graph: ExplorerGraph, degree: ReadonlyMap<string, number>): void {
  let maxDegree = 0;
  for (const d of degree.values()) maxDegree = Math.max(maxDegree, d);
  graph.updateEachNodeAttributes((node, attrs) => {
    attrs.size = sizeForDegree(degree.get(node) ?? 0, maxDegree);
    return attrs;
  });
}

/**
 * Display attributes of one node. Each type starts in its own sector of a circle, at a spot
 * derived from its id, so ForceAtlas2 has less to untangle and loads are reproducible.
 */
export function nodeAttributes(
  node: NodeSummary,
  types: readonly SchemaNodeType[],
  lang: Lang,
  around?: { x: number; y: number; spread: number },
): NodeAttributes {
  const typeIndex = types.findIndex((t) => t.type === node.type);
  const sectors = Math.max(1, types.length);
  const h = hashString(node.id);
  const angle = around
    ? ((h % 3600) / 3600) * 2 * Math.PI
    : (Math.max(0, typeIndex) / sectors) * 2 * Math.PI + ((h % 1000) / 1000) * ((2 * Math.PI) / sectors);
  const radius = around ? around.spread * (0.5 + ((h >>> 12) % 1000) / 2000) : 50 + ((h >>> 10) % 1000) / 20;
  const { type, ...rest } = node;
  // The server's stored layout wins over a starting spot (not for nodes placed around another).
  const stored = !around && typeof node.x === 'number' && typeof node.y === 'number';
  return {
    ...rest,
    nodeType: type,
    x: stored ? (node.x as number) : (around?.x ?? 0) + Math.cos(angle) * radius,
    y: stored ? (node.y as number) : (around?.y ?? 0) + Math.sin(angle) * radius,
    size: MIN_NODE_SIZE,
    color: types[typeIndex]?.color ?? FALLBACK_COLOR,
    label: nodeLabel(node, lang),
  };
}

/**
 * Adds the drawable edges not yet present; returns how many were added. Relations symmetric in
 * meaning (collaborations) are drawn without an arrow whatever `type` says.
 */
export function addEdges(graph: ExplorerGraph, edges: readonly EdgeSummary[], type = 'arrow'): number {
  let added = 0;
  for (const edge of edges) {
    if (!drawable(graph, edge) || graph.hasEdge(edge.id)) continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      id: edge.id,
      type: isUndirected(edge.type) ? 'line' : type,
      relType: edge.type,
      size: 1,
      color: EDGE_COLOR,
    });
    added++;
  }
  return added;
}

/**
 * Several relations between the same two nodes would be drawn on top of each other: they are
 * bent apart instead, symmetrically, whichever their direction. Only those edges are touched.
 */
export function curveParallelEdges(graph: ExplorerGraph): void {
  const pairs = new Map<string, string[]>();
  graph.forEachEdge((edge, _a, source, target) => {
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const group = pairs.get(key);
    if (group) group.push(edge);
    else pairs.set(key, [edge]);
  });
  for (const group of pairs.values()) {
    if (group.length < 2) continue;
    const step = Math.min(0.3, 0.9 / group.length);
    group.sort();
    group.forEach((edge, i) => {
      const [source, target] = graph.extremities(edge);
      // The bend is relative to the edge's direction: flip it for edges running the other way.
      const side = source < target ? 1 : -1;
      const curvature = side * step * (i - (group.length - 1) / 2);
      graph.mergeEdgeAttributes(edge, { type: 'curved', curvature });
    });
  }
}

/** Sizes from the current degrees (after nodes or edges were added to the view). */
export function resizeByDegree(graph: ExplorerGraph): void {
  let maxDegree = 0;
  graph.forEachNode((node) => {
    maxDegree = Math.max(maxDegree, graph.degree(node));
  });
  // No attribute hints: sigma would then repaint in place, which fails for nodes just added.
  graph.updateEachNodeAttributes((node, attrs) => {
    attrs.size = sizeForDegree(graph.degree(node), maxDegree);
    return attrs;
  });
}

export function relabel(graph: ExplorerGraph, lang: Lang): void {
  graph.updateEachNodeAttributes((_node, attrs) => {
    attrs.label = nodeLabel(attrs, lang);
    return attrs;
  });
}
