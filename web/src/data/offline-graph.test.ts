import { describe, expect, it } from 'vitest';
import type { GraphPayload } from '../../../domain/api-types.ts';
import { OfflineGraph } from './offline-graph.ts';

const node = (id: string) => ({ id, type: 'Firm', name_zh: `${id}中`, name_en: id.toUpperCase(), degree: 0 });
const edge = (id: string, source: string, target: string, type = 'COOPERATES_WITH') => ({ id, source, target, type });

/** a–b–d and a–c–d (two shortest), a second a–b relation, a longer a–e–f–d, and g alone. */
const payload: GraphPayload = {
  dataset: 'test',
  synthetic: false,
  positions: 'stored',
  nodes: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(node),
  edges: [
    edge('ab', 'a', 'b'),
    edge('ab2', 'b', 'a', 'SUPPORTS'),
    edge('bd', 'b', 'd'),
    edge('ac', 'a', 'c'),
    edge('dc', 'd', 'c'),
    edge('ae', 'a', 'e'),
    edge('ef', 'e', 'f'),
    edge('fd', 'f', 'd'),
  ],
};

describe('offline neighbourhood', () => {
  it('is the node, its distinct neighbours by id and every relation among them', () => {
    const hood = new OfflineGraph(payload).neighborhood('b');
    expect(hood.nodes.map((n) => n.id)).toEqual(['b', 'a', 'd']);
    expect(hood.edges.map((e) => e.id).sort()).toEqual(['ab', 'ab2', 'bd']);
    expect(hood.counts).toEqual({ ring1: 2, ring1Shown: 2 });
    expect(hood.sampled).toBe(false);
  });
});

describe('offline k shortest paths', () => {
  const graph = new OfflineGraph(payload);

  it('lists the shortest first, each parallel relation a path of its own, in either direction', () => {
    const paths = graph.kShortestPaths('a', 'd', 6, 10);
    expect(paths.map((p) => p.length)).toEqual([2, 2, 2, 3]);
    expect(paths.map((p) => p.edges.map((e) => e.id).join(' '))).toEqual(['ab bd', 'ab2 bd', 'ac dc', 'ae ef fd']);
    for (const path of paths) {
      expect(new Set(path.nodes.map((n) => n.id)).size).toBe(path.nodes.length);
      path.edges.forEach((e, i) => {
        const ends = [path.nodes[i]!.id, path.nodes[i + 1]!.id].sort();
        expect([e.source, e.target].sort()).toEqual(ends);
      });
    }
    expect(paths[1]!.edges[0]).toMatchObject({ source: 'b', target: 'a', type: 'SUPPORTS', type_en: 'supports' });
  });

  it('stops at k paths and at maxHops steps', () => {
    expect(graph.kShortestPaths('a', 'd', 6, 2)).toHaveLength(2);
    expect(graph.kShortestPaths('a', 'd', 2, 10).every((p) => p.length === 2)).toBe(true);
    expect(graph.kShortestPaths('a', 'f', 1, 10)).toEqual([]);
  });

  it('finds nothing between unconnected or equal nodes', () => {
    expect(graph.kShortestPaths('a', 'g', 8, 5)).toEqual([]);
    expect(graph.kShortestPaths('a', 'a', 8, 5)).toEqual([]);
  });
});

describe('offline paths through', () => {
  it('counts shortest paths on the simple projection and who lies on which share', () => {
    const through = new OfflineGraph(payload).pathsThrough('a', 'd');
    expect(through.length).toBe(2);
    expect(through.paths).toBe(2);
    expect(through.through.map((t) => [t.id, t.share])).toEqual([
      ['b', 0.5],
      ['c', 0.5],
    ]);
  });

  it('says there is no path to an unreachable node', () => {
    expect(new OfflineGraph(payload).pathsThrough('a', 'g')).toMatchObject({ length: null, paths: 0, through: [] });
  });
});
