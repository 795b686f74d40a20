import { describe, expect, it } from 'vitest';
import type { ImportNode, ImportRelation, ImportSet } from './model.ts';
import { nameKey, planImport, planSummary, tieKey, type ExistingNode } from './plan.ts';

const origin = { file: 'nodes.csv', line: 2 };
const node = (id: string, type: ImportNode['type'], name_zh?: string, name_en?: string, props = {}): ImportNode => ({
  id,
  type,
  name_zh,
  name_en,
  aliases: [],
  properties: props,
  origin,
});
const tie = (source: string, type: ImportRelation['type'], target: string): ImportRelation => ({
  source,
  target,
  type,
  properties: {},
  origin: { file: 'edges.csv', line: 2 },
});
const set = (nodes: ImportNode[], relations: ImportRelation[] = []): ImportSet => ({
  files: [],
  nodes,
  relations,
  problems: [],
  unknownTypes: [],
});
const existing: ExistingNode[] = [
  {
    id: 'firm/haier',
    type: 'Firm',
    name_zh: '海尔集团',
    name_en: 'Haier Group',
    aliases: ['海尔'],
    props: { year: 1984 },
  },
  {
    id: 'institute/buaa-qingdao',
    type: 'Institute',
    name_zh: '北航青岛研究院',
    name_en: 'Beihang Qingdao Research Institute',
    aliases: [],
    props: {},
  },
  { id: 'firm/a', type: 'Firm', name_zh: '同名公司', name_en: 'Twin A', aliases: [], props: {} },
  { id: 'firm/b', type: 'Firm', name_zh: '同名公司', name_en: 'Twin B', aliases: [], props: {} },
];

describe('planning a merge', () => {
  it('matches by id first, then by exact Chinese or English name or alias, and adds the rest', () => {
    const plan = planImport(
      set([
        node('firm/haier', 'Firm', 'Haier (renamed)'),
        node('x1', 'Firm', '海尔'),
        node('x2', 'Institute', undefined, '  beihang QINGDAO research institute '),
        node('x3', 'Firm', '新公司', 'New Co'),
      ]),
      { nodes: existing, relations: [] },
    );
    expect(plan.matchedNodes.map((m) => [m.imported, m.existing, m.by])).toEqual([
      ['firm/haier', 'firm/haier', 'id'],
      ['x1', 'firm/haier', 'name'],
      ['x2', 'institute/buaa-qingdao', 'name'],
    ]);
    expect(plan.addedNodes.map((n) => n.id)).toEqual(['x3']);
    expect(plan.idMap.get('x2')).toBe('institute/buaa-qingdao');
  });

  it('matches a node marked matchByName: false by its id only', () => {
    const figure = { ...node('indicator/new', 'Indicator', '海尔集团'), matchByName: false as const };
    const plan = planImport(set([figure, { ...node('firm/haier', 'Firm'), matchByName: false as const }]), {
      nodes: existing,
      relations: [],
    });
    expect(plan.addedNodes.map((n) => n.id)).toEqual(['indicator/new']);
    expect(plan.matchedNodes.map((m) => [m.existing, m.by])).toEqual([['firm/haier', 'id']]);
  });

  it('reports an ambiguous name, a different type and a different property as conflicts', () => {
    const plan = planImport(
      set([node('t', 'Firm', '同名公司'), node('h', 'Institute', '海尔集团', undefined, { year: 1985, city: '青岛' })]),
      { nodes: existing, relations: [] },
    );
    expect(plan.conflicts.map((c) => [c.imported, c.field])).toEqual([
      ['t', 'name'],
      ['h', 'type'],
      ['h', 'year'],
    ]);
    expect(plan.conflicts[0]?.existing).toEqual(['firm/a', 'firm/b']);
    // A property the node lacks is added; one it has is kept.
    expect(plan.matchedNodes[0]?.adds).toEqual({ city: '青岛' });
  });

  it('adds ties between matched nodes under the existing ids, once, and knows those already there', () => {
    const plan = planImport(
      set(
        [node('hr', 'Firm', '海尔集团'), node('bh', 'Institute', '北航青岛研究院')],
        [tie('hr', 'COLLABORATES_WITH', 'bh'), tie('bh', 'COLLABORATES_WITH', 'hr'), tie('hr', 'LOCATED_IN', 'bh')],
      ),
      {
        nodes: existing,
        relations: [{ id: 'r', type: 'LOCATED_IN', source: 'firm/haier', target: 'institute/buaa-qingdao' }],
      },
    );
    expect(plan.addedRelations.map((r) => [r.source, r.type, r.target])).toEqual([
      ['firm/haier', 'COLLABORATES_WITH', 'institute/buaa-qingdao'],
    ]);
    expect(plan.matchedRelations).toBe(2);
    expect(planSummary(plan)).toMatchObject({
      nodes: { added: 0, matched: 2, matchedByName: 2 },
      relations: { added: 1 },
    });
  });
});

describe('keys', () => {
  it('compares names by normalised text and symmetric ties in either order', () => {
    expect(nameKey(' Ｈaier  Group ')).toBe(nameKey('haier group'));
    expect(tieKey('a', 'COLLABORATES_WITH', 'b')).toBe(tieKey('b', 'COLLABORATES_WITH', 'a'));
    expect(tieKey('a', 'SUPPORTS', 'b')).not.toBe(tieKey('b', 'SUPPORTS', 'a'));
  });
});
