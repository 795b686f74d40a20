// The actors that lie on most of the shortest paths between the two ends, and what hovering or
// pinning one of them highlights: the listed paths through it, it and the two ends in focus.
// Pure: no DOM, testable in Node.

export interface DrawnPath {
  nodes: readonly string[];
  edges: readonly string[];
}

export interface PathHighlight {
  nodes: string[];
  edges: string[];
  focus: string[];
}

/** The listed paths, all of them, or (with an actor) those through it and the actor itself. */
export function pathsHighlight(paths: readonly DrawnPath[], actor?: string): PathHighlight {
  const all = paths.flatMap((p) => p.nodes);
  if (actor === undefined) return { nodes: all, edges: paths.flatMap((p) => p.edges), focus: all };
  const through = paths.filter((p) => p.nodes.includes(actor));
  const ends = paths.flatMap((p) => [p.nodes[0], p.nodes[p.nodes.length - 1]]).filter((x): x is string => !!x);
  return {
    nodes: [...new Set([actor, ...ends, ...through.flatMap((p) => p.nodes)])],
    edges: through.flatMap((p) => p.edges),
    focus: [...new Set([actor, ...ends])],
  };
}

/** A share of the paths (0–1) as a whole percentage. */
export function sharePercent(share: number): string {
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
}
