// Neighbourhoods of a node, for highlighting a selection (no sigma here: testable in Node).
import type { ExplorerGraph } from './build.ts';

/** The nodes within `depth` steps of `center`, walking only through visible nodes. */
export function egoNetwork(
  graph: ExplorerGraph,
  center: string,
  depth: number,
  visible: (node: string) => boolean,
): Set<string> {
  const seen = new Set<string>([center]);
  let frontier = [center];
  for (let step = 0; step < depth; step++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbor) => {
        if (!seen.has(neighbor) && visible(neighbor)) {
          seen.add(neighbor);
          next.push(neighbor);
        }
      });
    }
    frontier = next;
  }
  return seen;
}
