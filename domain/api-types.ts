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
  /** The dataset's stored layout (server/layout/), present when the payload's `positions` is 'stored'. */
  x?: number;
  y?: number;
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
  /**
   * 'stored': every node carries the x, y of the dataset version's layout, computed once on the
   * server; 'none' (or absent): the browser lays the graph out itself.
   */
  positions?: 'stored' | 'none';
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type ColumnValue = string | number | boolean | null;

/**
 * `/api/graph?format=columnar` (domain/columnar.ts): `nodes.columns[field][i]` is node i's
 * field (null where it has none); relation j joins node `edges.source[j]` to node
 * `edges.target[j]` with type `edges.types[edges.type[j]]`, its other fields in `edges.columns`
 * (an id left null there is `source~type~target`).
 */
export interface ColumnarGraphPayload extends Omit<GraphPayload, 'nodes' | 'edges'> {
  format: 'columnar';
  nodes: { count: number; columns: Record<string, ColumnValue[]> };
  edges: {
    count: number;
    source: number[];
    target: number[];
    type: number[];
    types: string[];
    columns: Record<string, ColumnValue[]>;
  };
}

/**
 * What a neighbourhood holds against what exists: ring1 is every distinct neighbour; the second
 * ring is a bounded walk (at most perNode neighbours of each first-ring node), so ring2Seen is
 * a lower bound and sampledNodes counts the first-ring nodes whose neighbours were sampled.
 */
export interface NeighborhoodCounts {
  ring1: number;
  ring1Shown: number;
  ring2Seen?: number;
  ring2Shown?: number;
  sampledNodes?: number;
  perNode?: number;
}

/** `/api/nodes/:id/neighbors`: the node, its neighbours and the relations among them. */
export interface NeighborhoodPayload {
  dataset: string;
  center: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when a ring was cut ($limit) or a hub's neighbours were sampled. */
  sampled: boolean;
  counts: NeighborhoodCounts;
}

export interface Evidence {
  source: string;
  quote: string;
  /** The source's title, when the dataset holds that source (a details answer names it so). */
  title?: string;
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

/** A source document without its text (`GET /api/sources`). */
export type SourceSummary = Omit<SourceDocument, 'text'> & { publisher?: string };

/** `GET /api/sources?dataset=`: the first sources, oldest first, and how many there are. */
export interface SourcesPayload {
  dataset: string;
  total: number;
  sources: SourceSummary[];
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

// ---- Analytics (docs/analytics.md) ----

/** One per-node measure the metrics endpoint computes. */
export interface MetricInfo {
  /** e.g. 'degree', 'betweenness', 'community', 'broker_liaison'. */
  id: string;
  name_zh: string;
  name_en: string;
  /** What the number means, in a sentence. */
  description: string;
  /** 'category' values are ids (communities), not magnitudes. */
  kind: 'count' | 'score' | 'category';
  /** False when the value is an approximation (then `method` says which). */
  exact: boolean;
  /** How it was computed, e.g. "Brandes, exact" or "Brandes, sampled from 400 sources". */
  method: string;
}

export interface CommunityInfo {
  /** Community number, as in the 'community' metric's values. */
  id: number;
  size: number;
  /** Its members of highest degree, so that a community can be named. */
  top: { id: string; type: string; name_zh: string; name_en: string }[];
}

export const BROKERAGE_ROLES = ['coordinator', 'gatekeeper', 'representative', 'itinerant', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

export interface SectorReport {
  /** Node type → sector, after the dataset's overrides. */
  mapping: Record<string, string>;
  /** The node types whose sector the dataset overrides. */
  overridden: string[];
  /** Row and column order of `matrix` (only the sectors of actors: context types stay out). */
  sectors: string[];
  /** Ties between actors of sector i and sector j (symmetric; a tie counts once). */
  matrix: number[][];
  /** Ties between two actors with a sector. */
  ties: number;
  /** Share of those ties that join two different sectors. */
  crossSectorShare: number;
  /** Newman's attribute assortativity by sector (1: ties only within sectors; 0: as by chance). */
  assortativity: number;
}

export interface BrokerEntry {
  id: string;
  type: string;
  name_zh: string;
  name_en: string;
  count: number;
}

export interface BrokerageReport {
  roles: BrokerageRole[];
  /** The top actors per role (count > 0), highest first. */
  top: Record<BrokerageRole, BrokerEntry[]>;
}

export interface MetricsComputing {
  dataset: string;
  version: string;
  status: 'computing';
  progress: { phase: string; done: number; total: number };
  startedAt: string;
}

export interface MetricsReady {
  dataset: string;
  version: string;
  status: 'ready';
  computedAt: string;
  durationMs: number;
  nodes: number;
  relations: number;
  metrics: MetricInfo[];
  /** Node ids; `values[metric][i]` belongs to `ids[i]` (columnar: no repeated keys). */
  ids: string[];
  values: Record<string, number[]>;
  communities: CommunityInfo[];
  modularity: number;
  sectors: SectorReport;
  brokerage: BrokerageReport;
}

export type MetricsPayload = MetricsComputing | MetricsReady;

export type GapKind =
  | 'field_without_cross_sector_tie'
  | 'park_without_academic_partner'
  | 'programme_without_recipient'
  | 'communities_joined_by_one_broker';

export interface Gap {
  kind: GapKind;
  /** The node the gap is about (the field, park, programme or the broker). */
  subject: { id: string; type: string; name_zh: string; name_en: string };
  /** Why it is listed, in words. */
  text_zh: string;
  text_en: string;
  /** Every node to highlight on the graph for this gap (the subject included). */
  nodes: string[];
}

export interface GapsPayload {
  dataset: string;
  version: string;
  gaps: Gap[];
}

export type PartnerReasonKind = 'shared_neighbors' | 'shared_fields' | 'path' | 'community';

export interface PartnerReason {
  kind: PartnerReasonKind;
  text_zh: string;
  text_en: string;
  /** The nodes the reason names (shared neighbours, fields, the nodes of the path). */
  nodes: string[];
  /** The relations it rests on (ids of real relations), drawn on the graph. */
  edges: string[];
}

export interface PartnerCandidate {
  id: string;
  type: string;
  name_zh: string;
  name_en: string;
  score: number;
  reasons: PartnerReason[];
}

export interface PartnersPayload {
  dataset: string;
  version: string;
  id: string;
  type: string | null;
  /** The scoring method, named (docs/analytics.md). */
  method: string;
  candidates: PartnerCandidate[];
}

export interface PathThroughPayload {
  dataset: string;
  from: string;
  to: string;
  /** Length of the shortest paths (null: no path) and how many there are. */
  length: number | null;
  paths: number;
  /** Intermediate actors ranked by the share of the shortest paths that pass through them. */
  through: { id: string; type: string; name_zh: string; name_en: string; paths: number; share: number }[];
}

/** One Louvain community drawn as a node of the level-of-detail overview (GET /api/overview). */
export interface AggregateSummary {
  id: string;
  community: number;
  /** Its members. */
  size: number;
  /** The node type most of its members have (its colour). */
  type: string;
  label_zh: string;
  label_en: string;
  /** Its best-connected members. */
  top: { id: string; type: string; name_zh: string; name_en: string }[];
  x?: number;
  y?: number;
}

export interface AggregateLink {
  source: string;
  target: string;
  /** Relations between the two communities. */
  weight: number;
}

export type OverviewPayload =
  | { dataset: string; level: 'full'; nodes: number; threshold: number }
  | {
      dataset: string;
      version: string;
      level: 'aggregate';
      nodes: number;
      threshold: number;
      positions: 'stored' | 'layout';
      aggregates: AggregateSummary[];
      links: AggregateLink[];
    };

/** GET /api/aggregates/:id/members: a community's best-connected members and their relations. */
export interface AggregateMembersPayload {
  dataset: string;
  version: string;
  id: string;
  size: number;
  truncated: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Outside end of a relation → the aggregate holding it. */
  outside: Record<string, string>;
}
