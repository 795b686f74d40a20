import { describe, expect, it } from 'vitest';
import type { NeighborhoodPayload, SchemaPayload } from '../data/types.ts';
import { GraphModel } from './model.ts';

const schema = {
  nodeTypes: [
    { type: 'Firm', name_zh: '企业', name_en: 'Firm', sector: 'industry', color: '#ff7f0e', description: '', count: 3 },
  ],
  relationTypes: [],
} as unknown as SchemaPayload;

/** A model holding one firm at (10, 20), as drawn from the stored layout or not. */
function modelWith(positionsStored: boolean): GraphModel {
  const model = new GraphModel('en');
  model.schema = schema;
  model.positionsStored = positionsStored;
  model.graph.addNode('firm/a', {
    id: 'firm/a',
    nodeType: 'Firm',
    name_zh: '甲',
    name_en: 'A',
    x: 10,
    y: 20,
    size: 3,
    color: '#000',
    label: 'A',
  } as never);
  return model;
}

const hood = (withPositions: 'all' | 'some'): NeighborhoodPayload => ({
  dataset: 'd',
  center: 'firm/a',
  nodes: [
    { id: 'firm/a', type: 'Firm', name_zh: '甲', name_en: 'A', x: 10, y: 20 },
    { id: 'firm/b', type: 'Firm', name_zh: '乙', name_en: 'B', x: 400, y: -300 },
    withPositions === 'all'
      ? { id: 'firm/c', type: 'Firm', name_zh: '丙', name_en: 'C', x: -250, y: 75 }
      : { id: 'firm/c', type: 'Firm', name_zh: '丙', name_en: 'C' },
  ],
  edges: [
    { id: 'e1', source: 'firm/a', target: 'firm/b', type: 'COLLABORATES_WITH' },
    { id: 'e2', source: 'firm/a', target: 'firm/c', type: 'COLLABORATES_WITH' },
  ],
  sampled: false,
  counts: { ring1: 2, ring1Shown: 2 },
});

describe('GraphModel.merge and stored positions', () => {
  it('places new nodes at their stored positions on a map drawn from the stored layout', () => {
    const model = modelWith(true);
    const added = model.merge(hood('all'));
    expect(added).toEqual({ nodes: 2, edges: 2, placed: true });
    expect(model.graph.getNodeAttributes('firm/b')).toMatchObject({ x: 400, y: -300 });
    expect(model.graph.getNodeAttributes('firm/c')).toMatchObject({ x: -250, y: 75 });
  });

  it('starts them around the centre when one of them has no stored position', () => {
    const model = modelWith(true);
    const added = model.merge(hood('some'));
    expect(added.placed).toBe(false);
    const b = model.graph.getNodeAttributes('firm/b');
    expect(b.x).not.toBe(400);
    // Around the centre: within a few spreads of (10, 20), not at the far stored spot.
    expect(Math.hypot(b.x - 10, b.y - 20)).toBeLessThan(50);
  });

  it('ignores stored positions when the map itself was laid out in the browser', () => {
    const model = modelWith(false);
    const added = model.merge(hood('all'));
    expect(added.placed).toBe(false);
    expect(model.graph.getNodeAttributes('firm/b').x).not.toBe(400);
  });
});
