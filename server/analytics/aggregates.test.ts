import { describe, expect, it } from 'vitest';
import { aggregateId, aggregateLinks, aggregateMembers, buildAggregates, communityOf } from './aggregates.ts';
import { buildAnalyticsGraph } from './graph.ts';

// Two triangles (communities 0 and 1) joined by two relations, and a pendant member of 0.
const node = (id: string, type = 'Firm') => ({ id, type, name_zh: `中${id}`, name_en: `N${id}` });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, type: 'RELATED_TO' });
const graph = buildAnalyticsGraph({
  nodes: [node('a'), node('b'), node('c', 'Park'), node('d'), node('x', 'Lab'), node('y', 'Lab'), node('z', 'Lab')],
  edges: [
    edge('a', 'b'),
    edge('b', 'c'),
    edge('c', 'a'),
    edge('a', 'd'),
    edge('x', 'y'),
    edge('y', 'z'),
    edge('z', 'x'),
    edge('a', 'x'),
    edge('y', 'b'),
  ],
});
const communities = new Map(Object.entries({ a: 0, b: 0, c: 0, d: 0, x: 1, y: 1, z: 1 }));

describe('aggregate ids', () => {
  it('round-trips and refuses anything else', () => {
    expect(communityOf(aggregateId(12))).toBe(12);
    expect(communityOf('firm/haier')).toBeUndefined();
    expect(communityOf('@community-x')).toBeUndefined();
  });
});

describe('buildAggregates', () => {
  it('sizes each community by its members, names it by its hub and types it by most members', () => {
    const { aggregates } = buildAggregates(graph, communities);
    expect(aggregates.map((a) => [a.id, a.size, a.type])).toEqual([
      ['@community-0', 4, 'Firm'],
      ['@community-1', 3, 'Lab'],
    ]);
    expect(aggregates[0]?.top[0]?.id).toBe('a');
    expect(aggregates[0]?.label_en).toBe('Na + 3');
    expect(aggregates[0]?.label_zh).toBe('中a 等 4 个');
  });

  it('weighs the links between communities by their relations, either direction', () => {
    expect(aggregateLinks(graph, communities)).toEqual([{ source: '@community-0', target: '@community-1', weight: 2 }]);
  });

  it('places aggregates at the mean stored position of their members', () => {
    const ids = ['a', 'b', 'c', 'd', 'x', 'y', 'z'];
    const stored = { ids, x: [0, 2, 4, 6, 10, 10, 10], y: [0, 0, 0, 0, 1, 2, 3] };
    const overview = buildAggregates(graph, communities, stored);
    expect(overview.positions).toBe('stored');
    expect(overview.aggregates.map((a) => [a.x, a.y])).toEqual([
      [3, 0],
      [10, 2],
    ]);
  });

  it('lays the aggregate graph out when members have no stored positions', () => {
    const overview = buildAggregates(graph, communities, { ids: ['a'], x: [0], y: [0] });
    expect(overview.positions).toBe('layout');
    for (const a of overview.aggregates) expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
    expect(buildAggregates(graph, communities).aggregates).toEqual(overview.aggregates);
  });
});

describe('aggregateMembers', () => {
  it('lists members hubs first with their relations, naming the aggregate of each outside end', () => {
    const found = aggregateMembers(graph, communities, 1, 10);
    expect(found?.nodes.map((n) => n.id)).toEqual(['x', 'y', 'z']);
    expect(found?.outside).toEqual({ a: '@community-0', b: '@community-0' });
    expect(found?.edges.map((e) => e.id).sort()).toEqual(['a-x', 'x-y', 'y-b', 'y-z', 'z-x']);
  });

  it('cuts to the limit and leaves out relations to the members cut', () => {
    const found = aggregateMembers(graph, communities, 0, 2);
    expect(found?.truncated).toBe(true);
    expect(found?.size).toBe(4);
    expect(found?.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(found?.edges.map((e) => e.id).sort()).toEqual(['a-b', 'a-x', 'y-b']);
  });

  it('knows no community that has no member', () => {
    expect(aggregateMembers(graph, communities, 7, 10)).toBeUndefined();
  });
});
