import { describe, expect, it } from 'vitest';
import { NODE_TYPE_NAMES, RELATION_TYPE_NAMES, NODE_TYPES, RELATION_TYPES } from '../../domain/ontology.ts';
import { TypeResolver, closestTypes, editDistance, knownNodeType, knownRelationType, typeKey } from './types.ts';

describe('type names', () => {
  it('compares case-, width-, separator- and plural-insensitively', () => {
    expect(typeKey('Research Institutes')).toBe('researchinstitute');
    expect(typeKey('TAKES_PART_IN')).toBe('takepartin');
    expect(typeKey('ＦＩＲＭＳ')).toBe('firm');
    expect(typeKey('universities')).toBe('university');
    expect(typeKey('business')).toBe('business');
    expect(typeKey('co-author')).toBe(typeKey('coauthor'));
  });

  it('maps node types by key, Chinese and English name, plural and synonym', () => {
    const cases: [string, string][] = [
      ['firms', 'Firm'],
      ['Firm', 'Firm'],
      ['FIRMS', 'Firm'],
      ['企业', 'Firm'],
      ['companies', 'Firm'],
      ['公司', 'Firm'],
      ['universities', 'University'],
      ['高校', 'University'],
      ['大学', 'University'],
      ['Research institute', 'Institute'],
      ['研究院', 'Institute'],
      ['Key laboratories', 'Lab'],
      ['person', 'Talent'],
      ['researchers', 'Talent'],
      ['Government body', 'District'],
      ['Industry / field', 'Industry'],
      ['organisation', 'Organization'],
      ['主体', 'Actor'],
    ];
    for (const [value, type] of cases) expect(knownNodeType(value), value).toBe(type);
    expect(knownNodeType('Frim')).toBeUndefined();
    expect(knownNodeType('title')).toBeUndefined(); // ambiguous words are not synonyms
  });

  it('maps relation types the same way, never reversing a direction', () => {
    const cases: [string, string][] = [
      ['COLLABORATES_WITH', 'COLLABORATES_WITH'],
      ['collaborates with', 'COLLABORATES_WITH'],
      ['合作', 'COLLABORATES_WITH'],
      ['co-authorship', 'COLLABORATES_WITH'],
      ['invests in', 'INVESTS_IN'],
      ['投资', 'INVESTS_IN'],
      ['located in', 'LOCATED_IN'],
      ['位于', 'LOCATED_IN'],
      ['发布', 'ISSUED'],
      ['发布于', 'PRESENTED_AT'],
      ['Takes part in', 'TAKES_PART_IN'],
    ];
    for (const [value, type] of cases) expect(knownRelationType(value), value).toBe(type);
    expect(knownRelationType('funded by')).toBeUndefined();
    expect(knownRelationType('invested by')).toBeUndefined();
  });

  it('knows every type by its key and both of its names', () => {
    for (const t of NODE_TYPE_NAMES) {
      expect(knownNodeType(t)).toBe(t);
      expect(knownNodeType(NODE_TYPES[t].zh)).toBe(t);
      expect(knownNodeType(NODE_TYPES[t].en)).toBe(t);
    }
    for (const t of RELATION_TYPE_NAMES) {
      expect(knownRelationType(t)).toBe(t);
      expect(knownRelationType(RELATION_TYPES[t].zh)).toBe(t);
      expect(knownRelationType(RELATION_TYPES[t].en)).toBe(t);
    }
  });

  it('suggests the three closest types', () => {
    expect(closestTypes('node', 'Frim')).toEqual(['Firm', 'Indicator', 'Programme']);
    expect(closestTypes('node', 'Universty')).toEqual(['University', 'Investor', 'Firm']);
    expect(closestTypes('relation', 'invested by')).toEqual(['INVESTS_IN', 'ISSUED', 'PRESENTED_AT']);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('TypeResolver', () => {
  it('resolves the mapping first (its keys compared as names), then the ontology; "" types the untyped', () => {
    const r = new TypeResolver('relation', { 'Co-Authors': 'COLLABORATES_WITH', '': 'FUNDS', founded: 'builds' });
    expect(r.problems).toEqual([]);
    expect(r.resolve('co-author')).toEqual({ type: 'COLLABORATES_WITH' });
    expect(r.resolve('coauthors')).toEqual({ type: 'COLLABORATES_WITH' });
    expect(r.resolve('Founded')).toEqual({ type: 'BUILDS' });
    expect(r.resolve(undefined)).toEqual({ type: 'FUNDS' });
    expect(r.resolve('  ')).toEqual({ type: 'FUNDS' });
    expect(r.resolve('hosts')).toEqual({ type: 'HOSTS' });
    expect(r.resolve('likes')).toEqual({ unknown: 'likes', suggestions: closestTypes('relation', 'likes') });
    expect([r.untyped, r.generic]).toEqual(['FUNDS', 'RELATED_TO']);
  });

  it("reads Gephi's edge directions (Directed, Undirected) as untyped relations", () => {
    const r = new TypeResolver('relation', { '': 'COLLABORATES_WITH' });
    expect([r.resolve('Directed'), r.resolve('Undirected'), r.resolve('mutual')]).toEqual([
      { type: 'COLLABORATES_WITH' },
      { type: 'COLLABORATES_WITH' },
      { type: 'COLLABORATES_WITH' },
    ]);
    expect(new TypeResolver('node', undefined).resolve('Directed')).toMatchObject({ unknown: 'Directed' });
  });

  it('reports mapping targets that are not types', () => {
    const r = new TypeResolver('node', { startups: 'Startup' });
    expect(r.problems).toEqual([
      {
        field: 'mapping.nodeTypes["startups"]',
        message: 'maps to "Startup", which is not a node type (closest: Institute, Talent, Park)',
      },
    ]);
    expect(new TypeResolver('node', undefined).resolve(undefined)).toEqual({ type: 'Actor' });
  });
});
