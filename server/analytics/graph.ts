// The graph the analytics read: one dataset's nodes and relations in memory, built from rows
// (the server's queries, a bench's edge list). Pure: no I/O, so the worker, the bench and the
// unit tests share it.
import { MultiDirectedGraph } from 'graphology';
import { isUndirected } from '../../domain/ontology.ts';

export interface AnalyticsNode {
  id: string;
  type: string;
  name_zh: string;
  name_en: string;
  year?: number;
}

export interface AnalyticsEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface AnalyticsInput {
  nodes: AnalyticsNode[];
  edges: AnalyticsEdge[];
  /** Node type → sector, for the types a dataset maps differently from the ontology. */
  sectorOverrides?: Record<string, string>;
}

export interface NodeAttributes {
  type: string;
  name_zh: string;
  name_en: string;
  year?: number;
}

export interface EdgeAttributes {
  type: string;
  /** Symmetric relation (collaboration): its direction as stored means nothing. */
  undirected: boolean;
}

/** Directed, with parallel relations kept; edge keys are relation ids. */
export type AnalyticsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** Reports the phase of a long computation: `done` of `total` steps. */
export type Progress = (phase: string, done: number, total: number) => void;

export function buildAnalyticsGraph(input: Pick<AnalyticsInput, 'nodes' | 'edges'>): AnalyticsGraph {
  const graph: AnalyticsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
  for (const node of input.nodes) {
    if (graph.hasNode(node.id)) continue;
    const attributes: NodeAttributes = { type: node.type, name_zh: node.name_zh, name_en: node.name_en };
    if (node.year !== undefined) attributes.year = node.year;
    graph.addNode(node.id, attributes);
  }
  for (const edge of input.edges) {
    // A relation to a node outside the input (or a loop) has no place in the analytics.
    if (edge.source === edge.target || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    if (graph.hasEdge(edge.id)) continue;
    graph.addEdgeWithKey(edge.id, edge.source, edge.target, { type: edge.type, undirected: isUndirected(edge.type) });
  }
  return graph;
}
