import { describe, expect, it } from 'vitest';
import { MAX_NODE_SIZE, MIN_NODE_SIZE } from '../../graph/build.ts';
import {
  categories,
  COMMUNITY_COLORS,
  colorsBy,
  extentOf,
  fraction,
  OTHER_COMMUNITY_COLOR,
  SEQUENTIAL_STOPS,
  sequentialColor,
  sizeFor,
  sizesBy,
} from './scales.ts';

describe('sizes by a metric', () => {
  it('spans the degree sizing’s range on a square-root scale', () => {
    const extent = { min: 0, max: 100 };
    expect(sizeFor(0, extent)).toBe(MIN_NODE_SIZE);
    expect(sizeFor(100, extent)).toBe(MAX_NODE_SIZE);
    expect(sizeFor(25, extent)).toBeCloseTo(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) / 2);
    expect(fraction(7, { min: 7, max: 7 })).toBe(0.5);
    expect(fraction(-5, extent)).toBe(0);
  });

  it('ignores values that are not finite', () => {
    expect(extentOf([NaN, 3, Infinity, 1])).toEqual({ min: 1, max: 3 });
    expect(extentOf([NaN])).toBeUndefined();
    const sizes = sizesBy({ ids: ['a', 'b', 'c'], values: { m: [0, 4, NaN] } }, 'm');
    expect(sizes.get('a')).toBe(MIN_NODE_SIZE);
    expect(sizes.get('b')).toBe(MAX_NODE_SIZE);
    expect(sizes.has('c')).toBe(false);
    expect(sizesBy({ ids: ['a'], values: {} }, 'missing').size).toBe(0);
  });
});

describe('colours by a metric', () => {
  it('a sequential scale from the first stop to the last', () => {
    expect(sequentialColor(0)).toBe(SEQUENTIAL_STOPS[0]);
    expect(sequentialColor(1)).toBe(SEQUENTIAL_STOPS[SEQUENTIAL_STOPS.length - 1]);
    expect(sequentialColor(2)).toBe(sequentialColor(1));
    expect(sequentialColor(0.5)).toMatch(/^#[0-9a-f]{6}$/);
    // The same string for the same place: looked up, not built per node.
    expect(sequentialColor(0.3)).toBe(sequentialColor(0.3));
  });

  it('categories largest first, the palette in order, then grey', () => {
    const values = [2, 2, 2, 1, 1, 0, ...Array.from({ length: 20 }, (_, i) => 100 + i)];
    const list = categories(values);
    expect(list.slice(0, 3).map((c) => [c.value, c.count])).toEqual([
      [2, 3],
      [1, 2],
      [0, 1],
    ]);
    expect(list[0]?.color).toBe(COMMUNITY_COLORS[0]);
    expect(list[COMMUNITY_COLORS.length]?.color).toBe(OTHER_COMMUNITY_COLOR);
  });

  it('maps every node with a value, categorical or sequential', () => {
    const payload = { ids: ['a', 'b', 'c', 'd'], values: { community: [5, 5, 9, NaN], score: [0, 1, 0.25, 0] } };
    const byCommunity = colorsBy(payload, 'community', true);
    expect(byCommunity.get('a')).toBe(COMMUNITY_COLORS[0]);
    expect(byCommunity.get('c')).toBe(COMMUNITY_COLORS[1]);
    expect(byCommunity.has('d')).toBe(false);
    const byScore = colorsBy(payload, 'score', false);
    expect(byScore.get('a')).toBe(SEQUENTIAL_STOPS[0]);
    expect(byScore.get('b')).toBe(SEQUENTIAL_STOPS[SEQUENTIAL_STOPS.length - 1]);
    expect(byScore.get('c')).toBe(sequentialColor(0.5));
  });
});
