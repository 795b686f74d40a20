// Where an expanded aggregate's members are drawn, and how big an aggregate is: pure, so the
// unit tests check them in Node.
import type { AggregateMembersPayload, GraphEdge, GraphNode } from '../../data/types.ts';

/** The server's aggregate ids (server/analytics/aggregates.ts): never a node id. */
export function aggregateNodeId(community: number): string {
  return `@community-${community}`;
}

export function isAggregateId(id: string): boolean {
  return /^@community-\d{1,7}$/.test(id);
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Members around their aggregate's position: where every member has a stored position and the
 * aggregate stands at their mean (the server placed it so), those positions are kept, so the
 * expanded community looks as it does in the full map; else they fill a disc (a sunflower,
 * hubs in the middle) whose area grows with their number.
 */
export function placeMembers(
  centre: { x: number; y: number },
  members: readonly GraphNode[],
  options: { stored: boolean; spacing: number },
): GraphNode[] {
  const allStored = members.every((m) => typeof m.x === 'number' && typeof m.y === 'number');
  if (options.stored && allStored) return members.map((m) => ({ ...m }));
  return members.map((m, i) => {
    const r = options.spacing * Math.sqrt(i + 0.5);
    const a = i * GOLDEN_ANGLE;
    return { ...m, x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) };
  });
}

/** An aggregate's drawn size: its area grows with its membership, within sigma's usual sizes. */
export function aggregateSize(members: number, largest: number): number {
  return 4 + 26 * Math.sqrt(members / Math.max(1, largest));
}

/** A link's width: grows with the relations it stands for, at most 8 px. */
export function linkSize(weight: number, heaviest: number): number {
  return 0.5 + 7.5 * Math.sqrt(weight / Math.max(1, heaviest));
}

/** A drawn link between two aggregates, or between a member and a collapsed aggregate. */
export function linkId(source: string, target: string): string {
  return `~lod~${source}~${target}`;
}

/**
 * An expanded aggregate's relations as drawn: each relation whose ends are both drawn (`has`)
 * as itself; those to a member of a collapsed aggregate as one link per member and aggregate,
 * weighed by how many they stand for. Relations into an expanded aggregate's left-out members
 * are not drawn (search or expand reaches those).
 */
export function memberEdges(
  members: Pick<AggregateMembersPayload, 'edges' | 'outside'>,
  has: (id: string) => boolean,
  expanded: ReadonlySet<string>,
): { edges: GraphEdge[]; weights: Map<string, number> } {
  const edges: GraphEdge[] = [];
  const weights = new Map<string, number>();
  const links = new Map<string, GraphEdge>();
  for (const e of members.edges) {
    if (has(e.source) && has(e.target)) {
      edges.push(e);
      continue;
    }
    const outsideEnd = has(e.source) ? e.target : e.source;
    const inside = outsideEnd === e.source ? e.target : e.source;
    const aggregate = members.outside[outsideEnd];
    if (!aggregate || expanded.has(aggregate) || !has(aggregate) || !has(inside)) continue;
    const id = linkId(inside, aggregate);
    weights.set(id, (weights.get(id) ?? 0) + 1);
    if (!links.has(id)) links.set(id, { id, source: inside, target: aggregate, type: LINK_TYPE });
  }
  return { edges: [...edges, ...links.values()], weights };
}

/** Links are drawn as undirected relations (a line, no arrow). */
export const LINK_TYPE = 'RELATED_TO';
