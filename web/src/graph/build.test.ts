import { describe, expect, it } from 'vitest';
import type { GraphPayload, SchemaNodeType } from '../data/types.ts';
import {
  buildGraph,
  buildNodes,
  buildNodesInSlices,
  curveParallelEdges,
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  nodeAttributes,
  nodeLabel,
  relabel,
  sizeForDegree,
} from './build.ts';

const types: SchemaNodeType[] = [
  { type: 'Firm', name_zh: '企业', name_en: 'Firm', sector: 'industry', color: '#ff7f0e', description: '', count: 2 },
  { type: 'Honor', name_zh: '荣誉', name_en: 'Honour', sector: 'context', color: '#f5b800', description: '', count: 1 },
];
const payload: GraphPayload = {
  dataset: 'd',
  synthetic: false,
  nodes: [
    { id: 'firm/a', type: 'Firm', name_zh: '甲公司', name_en: 'A Co.' },
    { id: 'firm/b', type: 'Firm', name_zh: '乙公司', name_en: 'B Co.' },
    { id: 'honor/x', type: 'Honor', name_zh: '荣誉', name_en: 'Honour X' },
  ],
  edges: [
    { id: 'e1', source: 'firm/a', target: 'honor/x', type: 'AWARDED' },
    { id: 'e2', source: 'firm/b', target: 'honor/x', type: 'AWARDED' },
    { id: 'e3', source: 'firm/b', target: 'firm/missing', type: 'AWARDED' },
  ],
};

describe('building the display graph', () => {
  it('colours by type, sizes by degree, labels by language and skips dangling edges', () => {
    const graph = buildGraph(payload, types, 'zh');
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    expect(graph.getNodeAttribute('firm/a', 'color')).toBe('#ff7f0e');
    expect(graph.getNodeAttribute('firm/a', 'nodeType')).toBe('Firm');
    expect(graph.getNodeAttribute('honor/x', 'size')).toBe(MAX_NODE_SIZE);
    expect(graph.getNodeAttribute('firm/a', 'size')).toBeLessThan(MAX_NODE_SIZE);
    expect(graph.getNodeAttribute('firm/a', 'label')).toBe('甲公司');
    relabel(graph, 'en');
    expect(graph.getNodeAttribute('firm/a', 'label')).toBe('A Co.');
  });

  it('builds the same nodes in slices as at once, pausing between slices', async () => {
    let pauses = 0;
    const sliced = await buildNodesInSlices(payload, types, 'en', 1, async () => {
      pauses++;
    });
    expect(JSON.stringify(sliced.export())).toBe(JSON.stringify(buildNodes(payload, types, 'en').export()));
    expect(sliced.getNodeAttribute('honor/x', 'size')).toBe(MAX_NODE_SIZE);
    // One pause per node, per edge, and one before sizing.
    expect(pauses).toBe(payload.nodes.length + payload.edges.length + 1);
  });

  it('starts every node at the same place on every load', () => {
    const a = buildGraph(payload, types, 'zh');
    const b = buildGraph(payload, types, 'en');
    for (const id of a.nodes())
      expect([a.getNodeAttribute(id, 'x'), a.getNodeAttribute(id, 'y')]).toEqual([
        b.getNodeAttribute(id, 'x'),
        b.getNodeAttribute(id, 'y'),
      ]);
  });

  it('sizes grow with degree within bounds and labels fall back to the other language', () => {
    expect(sizeForDegree(0, 10)).toBe(MIN_NODE_SIZE);
    expect(sizeForDegree(10, 10)).toBe(MAX_NODE_SIZE);
    expect(sizeForDegree(3, 10)).toBeGreaterThan(sizeForDegree(2, 10));
    expect(nodeLabel({ name_zh: '', name_en: 'Only English' }, 'zh')).toBe('Only English');
  });

  it('bends parallel relations apart, symmetrically and whatever their direction, and leaves single ones straight', () => {
    const graph = buildGraph(
      {
        ...payload,
        edges: [
          { id: 'p1', source: 'firm/a', target: 'firm/b', type: 'AWARDED' },
          { id: 'p2', source: 'firm/a', target: 'firm/b', type: 'SUPPORTS' },
          { id: 'p3', source: 'firm/b', target: 'firm/a', type: 'SUPPORTS' },
          { id: 's1', source: 'firm/a', target: 'honor/x', type: 'AWARDED' },
        ],
      },
      types,
      'zh',
    );
    curveParallelEdges(graph);
    expect(graph.getEdgeAttributes('s1')).toMatchObject({ type: 'arrow' });
    expect(graph.getEdgeAttribute('s1', 'curvature')).toBeUndefined();
    // The side a curve bends to, seen from firm/a towards firm/b.
    const side = (edge: string) =>
      (graph.getEdgeAttribute(edge, 'curvature') ?? NaN) * (graph.source(edge) === 'firm/a' ? 1 : -1);
    const sides = ['p1', 'p2', 'p3'].map(side);
    expect(['p1', 'p2', 'p3'].map((e) => graph.getEdgeAttribute(e, 'type'))).toEqual(['curved', 'curved', 'curved']);
    expect(new Set(sides).size).toBe(3);
    expect(sides.reduce((a, b) => a + b, 0)).toBeCloseTo(0);
  });

  it('places a node at the server’s stored position, except one placed around another', () => {
    const node = { id: 'firm/a', type: 'Firm', name_zh: '甲', name_en: 'A', x: 12.5, y: -3 };
    expect(nodeAttributes(node, types, 'en')).toMatchObject({ x: 12.5, y: -3 });
    const around = nodeAttributes(node, types, 'en', { x: 100, y: 100, spread: 5 });
    expect(Math.hypot(around.x - 100, around.y - 100)).toBeLessThanOrEqual(5);
  });
});
