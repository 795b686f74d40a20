// The bounding box of a graph's node positions (the layout's scale, where new nodes start).
import type Graph from 'graphology';

export interface Extent {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Undefined for a graph without nodes. */
export function graphExtent(graph: Graph<{ x: number; y: number }>): Extent | undefined {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_node, a) => {
    if (a.x < minX) minX = a.x;
    if (a.x > maxX) maxX = a.x;
    if (a.y < minY) minY = a.y;
    if (a.y > maxY) maxY = a.y;
  });
  return Number.isFinite(minX) ? { minX, maxX, minY, maxY } : undefined;
}

/** The larger side of the box: sigma fits it to the screen. */
export function extentSize(extent: Extent): number {
  return Math.max(extent.maxX - extent.minX, extent.maxY - extent.minY);
}
