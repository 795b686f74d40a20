// Payload shapes of the HTTP API, declared once in domain/api-types.ts (the server writes them,
// the web app reads them); the web app's older names are kept as aliases.
import type { GraphEdge, GraphNode } from '../../../domain/api-types.ts';

export type * from '../../../domain/api-types.ts';
export type NodeSummary = GraphNode;
export type EdgeSummary = GraphEdge;
