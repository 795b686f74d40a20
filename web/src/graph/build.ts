// API payload → graphology graph with display attributes (colour by type, size by degree,
// a deterministic starting position). Hover, selection and filters never touch these.
import Graph from 'graphology';
import type { Lang } from '../i18n.ts';
import type { GraphPayload, NodeSummary, SchemaNodeType } from '../data/types.ts';

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
  type: string;
  relType: string;
  size: number;
  color: string;
}

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

export function buildGraph(payload: GraphPayload, types: readonly SchemaNodeType[], lang: Lang): ExplorerGraph {
  const graph: ExplorerGraph = new Graph({ multi: true, type: 'directed', allowSelfLoops: false });
  const colorOf = new Map(types.map((t) => [t.type, t.color]));
  const typeIndex = new Map(types.map((t, i) => [t.type, i]));
  for (const node of payload.nodes) {
    // Start each type in its own sector of a circle: ForceAtlas2 then has less to untangle.
    const sector = ((typeIndex.get(node.type) ?? 0) / Math.max(1, types.length)) * 2 * Math.PI;
    const h = hashString(node.id);
    const angle = sector + ((h % 1000) / 1000) * ((2 * Math.PI) / Math.max(1, types.length));
    const radius = 50 + ((h >>> 10) % 1000) / 20;
    const { type, ...rest } = node;
    graph.addNode(node.id, {
      ...rest,
      nodeType: type,
      x: Math.cos(angle) * radius,
      y: Math.sin(angle) * radius,
      size: MIN_NODE_SIZE,
      color: colorOf.get(node.type) ?? FALLBACK_COLOR,
      label: nodeLabel(node, lang),
    });
  }
  for (const edge of payload.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || edge.source === edge.target) continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      id: edge.id,
      type: 'arrow',
      relType: edge.type,
      size: 1,
      color: EDGE_COLOR,
    });
  }
  let maxDegree = 0;
  graph.forEachNode((node) => {
    maxDegree = Math.max(maxDegree, graph.degree(node));
  });
  graph.forEachNode((node) => {
    graph.setNodeAttribute(node, 'size', sizeForDegree(graph.degree(node), maxDegree));
  });
  return graph;
}

export function relabel(graph: ExplorerGraph, lang: Lang): void {
  graph.updateEachNodeAttributes((_node, attrs) => {
    attrs.label = nodeLabel(attrs, lang);
    return attrs;
  });
}
