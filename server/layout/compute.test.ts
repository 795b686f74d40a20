import { describe, expect, it } from 'vitest';
import { sizeForDegree } from '../../domain/layout-settings.ts';
import { generateSynthetic } from '../../seed/synthetic.ts';
import { buildLayoutGraph, computeLayout, maxIterations, type LayoutInput, type LayoutResult } from './compute.ts';

function synthetic(nodes: number, seed: number): LayoutInput {
  const data = generateSynthetic({ nodes, seed });
  return {
    nodes: data.nodes.map((n) => ({ id: n.id, type: n.type })),
    edges: data.relations.map((r) => ({ source: r.source, target: r.target })),
  };
}

/** Pairs whose discs overlap by more than 1 px when the drawing's larger side spans `pixels`. */
function overlaps(input: LayoutInput, result: LayoutResult, pixels: number): number {
  const graph = buildLayoutGraph(input);
  const size = new Map(graph.mapNodes((id, a) => [id, a.size] as const));
  const extent = Math.max(Math.max(...result.x) - Math.min(...result.x), Math.max(...result.y) - Math.min(...result.y));
  const px = pixels / extent;
  let count = 0;
  for (let i = 0; i < result.ids.length; i++)
    for (let j = i + 1; j < result.ids.length; j++) {
      const d = Math.hypot((result.x[i]! - result.x[j]!) * px, (result.y[i]! - result.y[j]!) * px);
      if (d - size.get(result.ids[i]!)! - size.get(result.ids[j]!)! < -1) count++;
    }
  return count;
}

describe('computeLayout', () => {
  const input = synthetic(300, 3);
  const result = computeLayout(input);

  it('places every node once, at finite positions, and finishes within its iteration cap', () => {
    expect([...result.ids].sort()).toEqual(input.nodes.map((n) => n.id).sort());
    expect(result.x.concat(result.y).every(Number.isFinite)).toBe(true);
    expect(result.iterations).toBeGreaterThan(0);
    expect(result.iterations).toBeLessThanOrEqual(maxIterations(300));
  });

  it('is deterministic: the same data in any order gives the same positions', () => {
    const shuffled = { nodes: [...input.nodes].reverse(), edges: [...input.edges].reverse() };
    expect(computeLayout(shuffled)).toEqual(result);
  });

  it('leaves no two nodes covering each other at the reference screen size', () => {
    expect(overlaps(input, result, 600)).toBe(0);
  });

  it('spreads the drawing: nodes are not all in one spot', () => {
    const spread = Math.max(...result.x) - Math.min(...result.x);
    expect(spread).toBeGreaterThan(10);
  });

  it('sizes nodes as the browser does (square root of degree)', () => {
    const graph = buildLayoutGraph({
      nodes: [
        { id: 'a', type: 'Firm' },
        { id: 'b', type: 'Firm' },
      ],
      edges: [{ source: 'a', target: 'b' }],
    });
    expect(graph.getNodeAttribute('a', 'size')).toBe(sizeForDegree(1, 1));
  });

  it('lays out tiny graphs without failing (no node, one node)', () => {
    expect(computeLayout({ nodes: [], edges: [] }).ids).toEqual([]);
    expect(computeLayout({ nodes: [{ id: 'a', type: 'Firm' }], edges: [] }).ids).toEqual(['a']);
  });
});
