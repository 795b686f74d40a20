// Payload shapes of the HTTP API, as the web app consumes them. The shared ones are declared
// once, in domain/api-types.ts.
import type { GraphEdge, GraphNode, SearchHit } from '../../../domain/api-types.ts';

export type { SearchHit };
export type NodeSummary = GraphNode;
export type EdgeSummary = GraphEdge;
export interface SchemaNodeType {
  type: string;
  name_zh: string;
  name_en: string;
  sector: string;
  color: string;
  count: number;
}

export interface SchemaRelationType {
  type: string;
  name_zh: string;
  name_en: string;
  meaning: string;
  count: number;
}

export interface SchemaPayload {
  dataset: string;
  synthetic: boolean;
  nodeTypes: SchemaNodeType[];
  relationTypes: SchemaRelationType[];
}

export interface GraphPayload {
  dataset: string;
  synthetic: boolean;
  truncated?: boolean;
  nodes: NodeSummary[];
  edges: EdgeSummary[];
}

/** `/api/nodes/:id/neighbors`: the node, its neighbours and the relations among them. */
export interface NeighborhoodPayload {
  dataset: string;
  center: string;
  nodes: NodeSummary[];
  edges: EdgeSummary[];
}

export interface Evidence {
  source: string;
  quote: string;
}

export interface NodeRelation {
  id: string;
  type: string;
  type_zh: string | null;
  type_en: string | null;
  direction: 'out' | 'in';
  neighbor: { id: string; type: string; name_zh: string; name_en: string };
  evidence: Evidence[];
  note?: string;
}

export interface NodeDetails {
  dataset: string;
  node: Record<string, unknown> & { id: string; type: string; name_zh: string; name_en: string; evidence: Evidence[] };
  relations: NodeRelation[];
}

export interface SourceDocument {
  id: string;
  title: string;
  date: string;
  language: string;
  text: string;
  url?: string;
}

export interface PathEdge extends EdgeSummary {
  type_zh: string;
  type_en: string;
}

export interface GraphPath {
  length: number;
  nodes: { id: string; type: string; name_zh: string; name_en: string }[];
  edges: PathEdge[];
}

export interface PathsPayload {
  dataset: string;
  from: string;
  to: string;
  paths: GraphPath[];
}
