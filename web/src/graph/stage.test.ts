import { describe, expect, it } from 'vitest';
import type { GraphPayload } from '../data/types.ts';
import { buildGraph, type ExplorerGraph } from './build.ts';
import { EDGE_JOIN_SLICE, StageGraph } from './stage.ts';

function model(nodeCount: number, edgeCount: number): ExplorerGraph {
  const ids = Array.from({ length: nodeCount }, (_, i) => `n${i}`);
  const payload: GraphPayload = {
    dataset: 'd',
    synthetic: false,
    nodes: ids.map((id) => ({ id, type: 'Firm', name_zh: id, name_en: id })),
    edges: Array.from({ length: edgeCount }, (_, i) => ({
      id: `e${i}`,
      source: `n${i % nodeCount}`,
      target: `n${(i * 7 + 1) % nodeCount}`,
      type: 'PARTNERS_WITH',
    })),
  };
  return buildGraph(payload, [], 'en');
}

/** The graph's nodes and edges (by the model's keys on the stage), in a comparable form. */
function snapshot(g: ExplorerGraph, stage?: StageGraph): string {
  const edges = g
    .mapEdges((key, attributes, source, target) => ({
      key: stage ? stage.modelEdge(key) : key,
      source,
      target,
      attributes,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return JSON.stringify({ nodes: g.export().nodes, edges });
}

describe('the stage sigma draws', () => {
  it('mirrors the model: nodes, edges, attributes, drops and position updates', () => {
    const g = model(20, 30);
    const stage = new StageGraph(g);
    expect(snapshot(stage.graph, stage)).toBe(snapshot(g));

    g.addNode('new', { ...g.getNodeAttributes('n0'), label: 'New' });
    g.addDirectedEdgeWithKey('e-new', 'new', 'n1', { ...g.getEdgeAttributes('e0'), id: 'e-new' });
    g.setNodeAttribute('n2', 'label', 'Renamed');
    g.mergeEdgeAttributes('e3', { color: '#123456', size: 4 });
    g.updateEachNodeAttributes((_n, a) => ({ ...a, x: a.x + 1, y: a.y * 2 }), { attributes: ['x', 'y'] });
    g.updateEachEdgeAttributes((_e, a) => ({ ...a, type: 'line' }));
    g.dropEdge('e5');
    g.dropNode('n7');
    expect(snapshot(stage.graph, stage)).toBe(snapshot(g));
    // A dropped relation can come back under the same id.
    g.addDirectedEdgeWithKey('e5', 'n1', 'n3', { ...g.getEdgeAttributes('e0'), id: 'e5' });
    const [dropped] = g.edges('n8').filter((e) => g.target(e) === 'n8' || g.source(e) === 'n8');
    expect(dropped).toBeDefined();
    g.dropNode('n8');
    g.addDirectedEdgeWithKey(dropped as string, 'n1', 'n4', { ...g.getEdgeAttributes('e0'), id: dropped as string });
    expect(snapshot(stage.graph, stage)).toBe(snapshot(g));
  });

  it('keys edges on the stage by number, and translates them back', () => {
    const g = model(5, 4);
    const stage = new StageGraph(g);
    expect(stage.graph.edges()).toEqual(['0', '1', '2', '3']);
    expect(stage.graph.edges().map((key) => stage.modelEdge(key))).toEqual(g.edges());
  });

  it('copies attributes, so the stage never shares an object with the model', () => {
    const g = model(3, 2);
    const stage = new StageGraph(g);
    expect(stage.graph.getNodeAttributes('n0')).not.toBe(g.getNodeAttributes('n0'));
    expect(stage.graph.getEdgeAttributes('0')).not.toBe(g.getEdgeAttributes('e0'));
  });

  it('holds the edges back, keeps following nodes, and brings every edge back in slices', async () => {
    const edgeCount = EDGE_JOIN_SLICE * 2 + 17;
    const g = model(500, edgeCount);
    const stage = new StageGraph(g);
    const slicesSeen: number[] = [];
    stage.graph.on('edgeAdded', () => {
      if (slicesSeen.at(-1) !== stage.graph.size) slicesSeen.push(stage.graph.size);
    });
    stage.holdEdges();
    expect(stage.graph.size).toBe(0);
    expect(stage.graph.order).toBe(500);

    // While held: positions still follow, new edges wait.
    g.updateEachNodeAttributes((_n, a) => ({ ...a, x: 42 }), { attributes: ['x'] });
    g.addDirectedEdgeWithKey('late', 'n1', 'n2', { ...g.getEdgeAttributes('e0'), id: 'late' });
    expect(stage.graph.getNodeAttribute('n9', 'x')).toBe(42);
    expect(stage.graph.size).toBe(0);

    const joined = stage.showEdges();
    // Nothing joins in the calling task: the page can draw between slices.
    expect(stage.graph.size).toBe(0);
    await joined;
    expect(stage.graph.size).toBe(edgeCount + 1);
    expect(snapshot(stage.graph, stage)).toBe(snapshot(g));
    expect(slicesSeen.length).toBeGreaterThan(1);
  });

  it('stops a join when the edges are held again, and stops following once killed', async () => {
    const g = model(200, EDGE_JOIN_SLICE * 3);
    const stage = new StageGraph(g);
    stage.holdEdges();
    const joined = stage.showEdges();
    stage.holdEdges();
    await joined;
    expect(stage.graph.size).toBe(0);

    stage.kill();
    g.addNode('after-kill', { ...g.getNodeAttributes('n0') });
    expect(stage.graph.hasNode('after-kill')).toBe(false);
  });
});
