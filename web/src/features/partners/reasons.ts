// What a chosen candidate draws on the graph: the node asked about, the candidate, the nodes its
// reasons name and the relations they rest on — those the view holds; the rest is counted so
// the panel can say what is not in the view. Pure: no DOM, testable in Node.
import type { PartnerCandidate, PartnerReason } from '../../../../domain/api-types.ts';

export interface ReasonDrawing {
  nodes: Set<string>;
  /** The two ends: the node asked about and the candidate (those in the view). */
  focus: Set<string>;
  edges: Set<string>;
  /** Nodes named by the reasons (or the candidate) that the view does not hold. */
  missingNodes: string[];
  /** Relations the reasons rest on that the view does not hold. */
  missingEdges: string[];
}

export interface GraphLookup {
  hasNode(id: string): boolean;
  hasEdge(id: string): boolean;
}

export function reasonDrawing(
  of: string,
  candidate: PartnerCandidate,
  graph: GraphLookup,
  reasons: readonly PartnerReason[] = candidate.reasons,
): ReasonDrawing {
  const named = new Set([of, candidate.id, ...reasons.flatMap((r) => r.nodes)]);
  const relations = new Set(reasons.flatMap((r) => r.edges));
  const nodes = new Set([...named].filter((id) => graph.hasNode(id)));
  const edges = new Set([...relations].filter((id) => graph.hasEdge(id)));
  return {
    nodes,
    focus: new Set([of, candidate.id].filter((id) => nodes.has(id))),
    edges,
    missingNodes: [...named].filter((id) => !nodes.has(id)),
    missingEdges: [...relations].filter((id) => !edges.has(id)),
  };
}

/** The node types a partner may be of: the schema's actors (sector other than context). */
export function actorTypes(types: readonly { type: string; sector: string; count: number }[]): string[] {
  return types.filter((x) => x.sector !== 'context' && x.count > 0).map((x) => x.type);
}
