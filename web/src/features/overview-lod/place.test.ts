import { describe, expect, it } from 'vitest';
import { aggregateNodeId, aggregateSize, isAggregateId, linkSize, memberEdges, placeMembers } from './place.ts';

const member = (id: string, x?: number, y?: number) => ({
  id,
  type: 'Firm',
  name_zh: id,
  name_en: id,
  ...(x !== undefined && y !== undefined ? { x, y } : {}),
});

describe('placeMembers', () => {
  it('keeps stored positions when every member has one', () => {
    const placed = placeMembers({ x: 5, y: 5 }, [member('a', 1, 2), member('b', 9, 8)], { stored: true, spacing: 1 });
    expect(placed.map((m) => [m.x, m.y])).toEqual([
      [1, 2],
      [9, 8],
    ]);
  });

  it('fills a disc around the aggregate otherwise, hubs nearest, no two members on one spot', () => {
    const members = Array.from({ length: 200 }, (_, i) => member(`m${i}`));
    members[3] = member('m3', 100, 100);
    const placed = placeMembers({ x: 10, y: -4 }, members, { stored: true, spacing: 2 });
    const distance = (m: { x?: number; y?: number }) => Math.hypot((m.x ?? 0) - 10, (m.y ?? 0) + 4);
    expect(distance(placed[0]!)).toBeLessThan(distance(placed[199]!));
    expect(Math.max(...placed.map(distance))).toBeLessThanOrEqual(2 * Math.sqrt(200));
    expect(new Set(placed.map((m) => `${m.x?.toFixed(3)},${m.y?.toFixed(3)}`)).size).toBe(200);
  });

  it('ignores stored positions the overview did not use for its aggregates', () => {
    const placed = placeMembers({ x: 0, y: 0 }, [member('a', 50, 50)], { stored: false, spacing: 1 });
    expect(Math.hypot(placed[0]!.x!, placed[0]!.y!)).toBeLessThan(1);
  });
});

describe('sizes and ids', () => {
  it('grows an aggregate with its membership and a link with its weight, within bounds', () => {
    expect(aggregateSize(1, 1000)).toBeLessThan(aggregateSize(500, 1000));
    expect(aggregateSize(1000, 1000)).toBe(30);
    expect(linkSize(1, 100)).toBeLessThan(linkSize(100, 100));
    expect(linkSize(100, 100)).toBe(8);
  });

  it('names aggregates with ids no node can have', () => {
    expect(isAggregateId(aggregateNodeId(7))).toBe(true);
    expect(isAggregateId('firm/haier')).toBe(false);
  });
});

describe('memberEdges', () => {
  const drawn = new Set(['a', 'b', '@community-1', '@community-2', 'q']);
  const has = (id: string) => drawn.has(id);
  const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, type: 'HOSTS' });
  const members = {
    edges: [edge('a', 'b'), edge('a', 'x1'), edge('x2', 'a'), edge('b', 'y1'), edge('a', 'q'), edge('b', 'gone')],
    outside: { x1: '@community-1', x2: '@community-1', y1: '@community-2', q: '@community-3' },
  };

  it('keeps relations between drawn nodes and weighs links to collapsed aggregates', () => {
    const { edges, weights } = memberEdges(members, has, new Set());
    expect(edges.map((e) => e.id)).toEqual(['a-b', 'a-q', '~lod~a~@community-1', '~lod~b~@community-2']);
    expect(weights.get('~lod~a~@community-1')).toBe(2);
    expect(edges.find((e) => e.target === '@community-2')?.type).toBe('RELATED_TO');
  });

  it('draws no link to an expanded aggregate', () => {
    const { edges } = memberEdges(members, has, new Set(['@community-1']));
    expect(edges.map((e) => e.id)).toEqual(['a-b', 'a-q', '~lod~b~@community-2']);
  });
});
