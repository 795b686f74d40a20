import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphPayload } from './api-types.ts';
import { decodeColumnar, encodeColumnar, isColumnar } from './columnar.ts';

const payload: GraphPayload = {
  dataset: 'laoshan',
  synthetic: false,
  truncated: true,
  nodes: [
    { id: 'firm/haier', type: 'Firm', name_zh: '海尔集团', name_en: 'Haier', degree: 2, year: 1984 },
    { id: 'uni/ouc', type: 'University', name_zh: '中国海洋大学', name_en: 'OUC', degree: 1, synthetic: false },
    { id: 'park/x', type: 'Park', name_zh: '园', name_en: 'Park', degree: 1, count: 3, count_qualifier: 'about' },
  ],
  edges: [
    { id: 'r1', source: 'firm/haier', target: 'uni/ouc', type: 'COOPERATES_WITH' },
    { id: 'r2', source: 'park/x', target: 'firm/haier', type: 'LOCATED_IN' },
  ],
};

describe('columnar overview', () => {
  it('names each field once and refers to nodes by index', () => {
    const columnar = encodeColumnar(payload);
    expect(isColumnar(columnar)).toBe(true);
    expect(columnar.nodes.columns.id).toEqual(['firm/haier', 'uni/ouc', 'park/x']);
    expect(columnar.nodes.columns.year).toEqual([1984, null, null]);
    expect(columnar.edges).toMatchObject({ source: [0, 2], target: [1, 0], type: [0, 1] });
    expect(columnar.edges.types).toEqual(['COOPERATES_WITH', 'LOCATED_IN']);
    expect(columnar.edges.columns.id).toEqual(['r1', 'r2']);
  });

  it('decodes to the JSON format, field for field, fields it does not know included', () => {
    const withPositions = {
      ...payload,
      layout: 'v1',
      nodes: payload.nodes.map((n, i) => ({ ...n, x: i * 1.5, y: -i })),
    } as GraphPayload;
    expect(decodeColumnar(encodeColumnar(withPositions))).toStrictEqual(withPositions);
    expect(isColumnar(payload)).toBe(false);
  });

  it('leaves out the ids the loaders derive from a relation, and makes them again', () => {
    const derived = {
      ...payload,
      edges: payload.edges.map((e, i) => (i === 0 ? { ...e, id: `${e.source}~${e.type}~${e.target}` } : e)),
    };
    const columnar = encodeColumnar(derived);
    expect(columnar.edges.columns.id).toEqual([null, 'r2']);
    expect(decodeColumnar(columnar)).toStrictEqual(derived);
  });

  it('refuses a relation whose end is not among the nodes', () => {
    const dangling = { ...payload, edges: [{ id: 'r', source: 'a', target: 'firm/haier', type: 'T' }] };
    expect(() => encodeColumnar(dangling)).toThrow(/not among the nodes/);
  });

  it('round-trips any overview', () => {
    const node = fc.record(
      {
        type: fc.constantFrom('Firm', 'Talent'),
        name_zh: fc.string(),
        name_en: fc.string(),
        degree: fc.nat(),
        year: fc.integer({ min: 1900, max: 2030 }),
        synthetic: fc.boolean(),
      },
      { requiredKeys: ['type', 'name_zh', 'name_en'] },
    );
    const graph = fc.array(node, { maxLength: 30 }).chain((raw) => {
      const nodes = raw.map((n, i) => ({ id: `n/${i}`, ...n }));
      const end = fc.nat({ max: Math.max(0, nodes.length - 1) });
      const edge = fc.record({ source: end, target: end, type: fc.constantFrom('A', 'B', 'C') });
      const edges = nodes.length === 0 ? fc.constant([]) : fc.array(edge, { maxLength: 60 });
      return edges.map((list) => ({
        dataset: 'd',
        synthetic: true,
        nodes,
        edges: list.map((e, j) => {
          const ends = { source: `n/${e.source}`, target: `n/${e.target}`, type: e.type };
          return { id: j % 2 ? `r${j}` : `${ends.source}~${ends.type}~${ends.target}`, ...ends };
        }),
      }));
    });
    fc.assert(
      fc.property(graph, (g) => {
        expect(decodeColumnar(encodeColumnar(g))).toStrictEqual(g);
      }),
    );
  });
});
