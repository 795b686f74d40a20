import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { extentSize, graphExtent } from './extent.ts';

describe('the extent of a drawing', () => {
  it('is the bounding box of the positions, its size the larger side, and nothing for no nodes', () => {
    const graph = new Graph<{ x: number; y: number }>();
    expect(graphExtent(graph)).toBeUndefined();
    graph.addNode('a', { x: -2, y: 5 });
    graph.addNode('b', { x: 8, y: 1 });
    graph.addNode('c', { x: 0, y: -1 });
    const extent = graphExtent(graph);
    expect(extent).toEqual({ minX: -2, maxX: 8, minY: -1, maxY: 5 });
    expect(extentSize(extent!)).toBe(10);
  });
});
