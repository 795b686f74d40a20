import { describe, expect, it } from 'vitest';
import type { PartnerCandidate } from '../../../../domain/api-types.ts';
import { actorTypes, reasonDrawing } from './reasons.ts';

const candidate: PartnerCandidate = {
  id: 'institute/b',
  type: 'Institute',
  name_zh: '乙',
  name_en: 'B',
  score: 0.8,
  reasons: [
    { kind: 'shared_neighbors', text_zh: '', text_en: '', nodes: ['park/p', 'lab/gone'], edges: ['e1', 'e2', 'e9'] },
    { kind: 'shared_fields', text_zh: '', text_en: '', nodes: ['industry/ai'], edges: ['e3'] },
    { kind: 'community', text_zh: '', text_en: '', nodes: [], edges: [] },
  ],
};

const graph = {
  hasNode: (id: string) => ['firm/a', 'institute/b', 'park/p', 'industry/ai'].includes(id),
  hasEdge: (id: string) => ['e1', 'e2', 'e3'].includes(id),
};

describe('a candidate’s reasons on the graph', () => {
  it('draw both ends, the nodes the reasons name and their relations that the view holds', () => {
    const drawn = reasonDrawing('firm/a', candidate, graph);
    expect([...drawn.nodes].sort()).toEqual(['firm/a', 'industry/ai', 'institute/b', 'park/p']);
    expect([...drawn.focus]).toEqual(['firm/a', 'institute/b']);
    expect([...drawn.edges].sort()).toEqual(['e1', 'e2', 'e3']);
    expect(drawn.missingNodes).toEqual(['lab/gone']);
    expect(drawn.missingEdges).toEqual(['e9']);
  });

  it('count a candidate beyond the view as missing, out of focus', () => {
    const drawn = reasonDrawing('firm/a', { ...candidate, id: 'firm/far', reasons: [] }, graph);
    expect([...drawn.nodes]).toEqual(['firm/a']);
    expect([...drawn.focus]).toEqual(['firm/a']);
    expect(drawn.missingNodes).toEqual(['firm/far']);
  });
});

describe('the wanted types', () => {
  it('are the schema’s actor types present in the data', () => {
    const types = [
      { type: 'Firm', sector: 'industry', count: 3 },
      { type: 'Honor', sector: 'context', count: 9 },
      { type: 'Talent', sector: 'people', count: 2 },
      { type: 'Actor', sector: 'mixed', count: 0 },
    ];
    expect(actorTypes(types)).toEqual(['Firm', 'Talent']);
  });
});
