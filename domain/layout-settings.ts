// What the browser's layout (web/src/graph/layout.ts) and the server's (server/layout/compute.ts)
// share, so that a layout computed on the server looks like one run in the browser.
import type Graph from 'graphology';
// The default export: Node reads this CommonJS package without its named exports.
import forceAtlas2 from 'graphology-layout-forceatlas2';

export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 18;

/** Size grows with the square root of degree, so hubs stand out without hiding the rest. */
export function sizeForDegree(degree: number, maxDegree: number): number {
  if (maxDegree <= 0) return MIN_NODE_SIZE;
  return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(degree / maxDegree);
}

/** ForceAtlas2's settings inferred from the graph, slower as it grows (less jitter). */
export function layoutSettings(graph: Graph) {
  const inferred = forceAtlas2.inferSettings(graph);
  return { ...inferred, barnesHutOptimize: graph.order > 400, slowDown: 1 + Math.log10(Math.max(1, graph.order)) };
}

/** Above this, the no-overlap pass is skipped: a 10k hairball cannot be laid out without overlaps anyway. */
export const OVERLAP_MAX_NODES = 5_000;
