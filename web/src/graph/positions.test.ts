import { describe, expect, it } from 'vitest';
import type { GraphPayload } from '../data/types.ts';
import { buildGraph } from './build.ts';
import { restorePositions, savePositions } from './positions.ts';
import { MemoryStorage } from '../memory-storage.test-support.ts';

const payload = (ids: string[]): GraphPayload => ({
  dataset: 'd',
  synthetic: false,
  nodes: ids.map((id) => ({ id, type: 'Firm', name_zh: id, name_en: id })),
  edges: [],
});

describe('kept positions', () => {
  it('come back for the same nodes', () => {
    const storage = new MemoryStorage();
    const a = buildGraph(payload(['x', 'y']), [], 'zh');
    a.setNodeAttribute('x', 'x', 12.34);
    a.setNodeAttribute('y', 'y', -5);
    savePositions(storage, 'd', a);
    const b = buildGraph(payload(['y', 'x']), [], 'zh');
    expect(restorePositions(storage, 'd', b)).toBe(true);
    expect(b.getNodeAttribute('x', 'x')).toBe(12.34);
    expect(b.getNodeAttribute('y', 'y')).toBe(-5);
  });

  it('are ignored when the nodes changed, or the store holds junk', () => {
    const storage = new MemoryStorage();
    savePositions(storage, 'd', buildGraph(payload(['x', 'y']), [], 'zh'));
    expect(restorePositions(storage, 'd', buildGraph(payload(['x', 'y', 'z']), [], 'zh'))).toBe(false);
    storage.setItem('explorer.positions.d', '{"signature": 1, "xy": "no"}');
    expect(restorePositions(storage, 'd', buildGraph(payload(['x', 'y']), [], 'zh'))).toBe(false);
    storage.setItem('explorer.positions.d', 'not json');
    expect(restorePositions(storage, 'd', buildGraph(payload(['x', 'y']), [], 'zh'))).toBe(false);
  });
});
