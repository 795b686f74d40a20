// Payload types of the HTTP API that the server writes and the web app reads: one declaration,
// imported by both (the web app only as types, so nothing of the server is bundled).
export interface GraphNode {
  id: string;
  type: string;
  name_zh: string;
  name_en: string;
  degree?: number;
  count?: number;
  count_qualifier?: string;
  year?: number;
  synthetic?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface SearchHit {
  id: string;
  type: string;
  name_zh: string;
  name_en: string;
  score: number;
  /** Which key matched, so that the UI can say why (e.g. "pinyin initials"). */
  matched: 'name_zh' | 'name_en' | 'alias' | 'pinyin' | 'pinyin_initials' | 'fulltext';
}

export interface DatasetSummary {
  name: string;
  synthetic: boolean;
  title_zh: string | null;
  title_en: string | null;
  updated_at: string | null;
  nodes: number;
  relations: number;
}

export interface DatasetsPayload {
  datasets: DatasetSummary[];
}

export interface SchemaNodeType {
  type: string;
  name_zh: string;
  name_en: string;
  sector: string;
  color: string;
  description: string;
  count: number;
}

export interface SchemaRelationType {
  type: string;
  name_zh: string;
  name_en: string;
  meaning: string;
  /** Symmetric in meaning (collaborations): drawn without an arrow. */
  undirected: boolean;
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
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** `/api/nodes/:id/neighbors`: the node, its neighbours and the relations among them. */
export interface NeighborhoodPayload {
  dataset: string;
  center: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
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

export interface PathEdge extends GraphEdge {
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
