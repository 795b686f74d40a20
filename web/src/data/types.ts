// Payload shapes of the HTTP API, as the web app consumes them.
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

export interface NodeSummary {
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

export interface EdgeSummary {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface GraphPayload {
  dataset: string;
  synthetic: boolean;
  truncated?: boolean;
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

export interface SearchHit {
  id: string;
  type: string;
  name_zh: string;
  name_en: string;
  score: number;
  matched: string;
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
