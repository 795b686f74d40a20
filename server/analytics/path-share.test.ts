import { describe, expect, it } from 'vitest';
import { buildAnalyticsGraph } from './graph.ts';
import { pathsThrough } from './path-share.ts';

/** A diamond s–a–c, s–b–c, then c–t, plus a node z apart; relations in both directions as stored. */
const graph = buildAnalyticsGraph({
  nodes: ['s', 'a', 'b', 'c', 't', 'z'].map((id) => ({ id, type: 'Firm', name_zh: `${id}中`, name_en: id })),
  edges: [
    { id: 'r1', source: 's', target: 'a', type: 'SUPPORTS' },
    { id: 'r2', source: 'b', target: 's', type: 'SUPPORTS' },
    { id: 'r3', source: 'a', target: 'c', type: 'COLLABORATES_WITH' },
    { id: 'r4', source: 'b', target: 'c', type: 'FUNDS' },
    { id: 'r5', source: 'c', target: 't', type: 'SUPPORTS' },
    { id: 'r6', source: 'c', target: 't', type: 'FUNDS' }, // parallel: still one tie, no extra path
  ],
});

describe('pathsThrough', () => {
  it('counts the shortest paths of a diamond and the share through each intermediate', () => {
    const r = pathsThrough(graph, 's', 't');
    expect(r.length).toBe(3);
    expect(r.paths).toBe(2);
    expect(r.through.map((x) => [x.id, x.paths, x.share])).toEqual([
      ['c', 2, 1],
      ['a', 1, 0.5],
      ['b', 1, 0.5],
    ]);
    expect(r.through[0]).toMatchObject({ type: 'Firm', name_zh: 'c中', name_en: 'c' });
  });
  it('limits the list', () => {
    expect(pathsThrough(graph, 's', 't', 1).through.map((x) => x.id)).toEqual(['c']);
  });
  it('answers no path, unknown ends and a node to itself', () => {
    expect(pathsThrough(graph, 's', 'z')).toEqual({ from: 's', to: 'z', length: null, paths: 0, through: [] });
    expect(pathsThrough(graph, 's', 'nope').length).toBeNull();
    expect(pathsThrough(graph, 'a', 'a')).toEqual({ from: 'a', to: 'a', length: 0, paths: 1, through: [] });
  });
  it('is symmetric (the projection has no direction)', () => {
    const back = pathsThrough(graph, 't', 's');
    expect(back.paths).toBe(2);
    expect(back.through.map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });
});
