import { describe, expect, it } from 'vitest';
import type { GapInput } from './gaps.ts';
import { communityGaps, fieldGaps, findGaps, parkGaps, programmeGaps } from './gaps.ts';
import type { AnalyticsGraph } from './graph.ts';
import { buildAnalyticsGraph } from './graph.ts';
import { degrees, projectGraph } from './metrics.ts';
import { assignSectors } from './sectors.ts';

/** Nodes "id:Type"; relations "source TYPE target". */
function graphOf(nodes: string[], relations: string[]): AnalyticsGraph {
  return buildAnalyticsGraph({
    nodes: nodes.map((spec) => {
      const [id, type] = spec.split(':') as [string, string];
      return { id, type, name_zh: `${id}中`, name_en: `${id}-en` };
    }),
    edges: relations.map((spec, i) => {
      const [source, type, target] = spec.split(' ') as [string, string, string];
      return { id: `r${i}`, source, target, type };
    }),
  });
}

/** Gap input; communities given by node id (default: all in 0). */
function inputOf(graph: AnalyticsGraph, communityOf: Record<string, number> = {}): GapInput {
  const p = projectGraph(graph);
  return {
    graph,
    p,
    sectors: assignSectors(graph, p),
    community: Float64Array.from(p.ids, (id) => communityOf[id] ?? 0),
    degree: degrees(graph, p).degree,
  };
}

describe('fields whose actors have no cross-sector tie', () => {
  const nodes = ['f:Industry', 'firm:Firm', 'uni:University', 'firm2:Firm'];
  it('lists a field whose firm and university focusing on it are not tied', () => {
    const gaps = fieldGaps(inputOf(graphOf(nodes, ['firm FOCUSES_ON f', 'uni FOCUSES_ON f', 'firm2 FOCUSES_ON f'])));
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.kind).toBe('field_without_cross_sector_tie');
    expect(gaps[0]!.subject).toEqual({ id: 'f', type: 'Industry', name_zh: 'f中', name_en: 'f-en' });
    expect(gaps[0]!.nodes.sort()).toEqual(['f', 'firm', 'firm2', 'uni']);
    expect(gaps[0]!.text_en).toBe(
      'The 3 actors focusing on f-en (industry 2, academia 1) have no tie to each other across sectors.',
    );
    expect(gaps[0]!.text_zh).toContain('产业2、高校院所1');
  });
  it('a tie between two of its actors of different sectors closes the gap; one within a sector does not', () => {
    const base = ['firm FOCUSES_ON f', 'uni FOCUSES_ON f', 'firm2 FOCUSES_ON f'];
    expect(fieldGaps(inputOf(graphOf(nodes, [...base, 'uni COLLABORATES_WITH firm2'])))).toEqual([]);
    expect(fieldGaps(inputOf(graphOf(nodes, [...base, 'firm COLLABORATES_WITH firm2'])))).toHaveLength(1);
  });
  it('a field with fewer than two actors is not listed', () => {
    expect(fieldGaps(inputOf(graphOf(nodes, ['firm FOCUSES_ON f'])))).toEqual([]);
  });
});

describe('parks without an academic partner', () => {
  const nodes = ['park:Park', 'firm:Firm', 'uni:University', 'lab:Lab', 'd:District'];
  it('lists a park with only a firm in it, naming its tenants', () => {
    const gaps = parkGaps(inputOf(graphOf(nodes, ['firm LOCATED_IN park', 'd BUILDS park'])));
    expect(gaps.map((g) => [g.kind, g.subject.id, g.nodes])).toEqual([
      ['park_without_academic_partner', 'park', ['park', 'firm']],
    ]);
    expect(gaps[0]!.text_en).toBe('No university, institute or lab is tied to park-en, nor to any of its 1 tenants.');
  });
  it('an academic tie to the park or to a tenant is a partner', () => {
    expect(parkGaps(inputOf(graphOf(nodes, ['lab LOCATED_IN park'])))).toEqual([]);
    expect(parkGaps(inputOf(graphOf(nodes, ['firm LOCATED_IN park', 'uni COLLABORATES_WITH firm'])))).toEqual([]);
  });
  it('a sub-park is covered by its parent park’s gap', () => {
    const g = graphOf([...nodes, 'sub:Park'], ['sub PART_OF park', 'firm LOCATED_IN sub']);
    expect(parkGaps(inputOf(g)).map((x) => x.subject.id)).toEqual(['park']);
  });
});

describe('programmes without a recipient', () => {
  const nodes = ['prog:Programme', 'd:District', 'firm:Firm', 'list:Honor', 'sub:Programme'];
  it('lists a programme that is only issued and implemented, naming who made it', () => {
    const gaps = programmeGaps(inputOf(graphOf(nodes, ['d ISSUED prog', 'd IMPLEMENTS prog'])));
    expect(gaps.map((g) => g.subject.id)).toEqual(['prog', 'sub']);
    expect(gaps[0]!.nodes).toEqual(['prog', 'd']);
    expect(gaps[0]!.text_en).toContain('(issued or carried out by d-en) has no recorded recipient');
  });
  it('support, funding, an award or taking part is a recipient, also through a part', () => {
    for (const relation of ['prog SUPPORTS firm', 'prog FUNDS firm', 'firm TAKES_PART_IN prog', 'firm AWARDED prog']) {
      expect(programmeGaps(inputOf(graphOf(nodes, [relation]))).map((g) => g.subject.id)).toEqual(['sub']);
    }
    // prog has a recipient through its honour list; sub, its part, has none of its own but is a measure
    // of a programme with recipients: not listed.
    const throughPart = graphOf(nodes, ['list PART_OF prog', 'firm AWARDED list', 'sub PART_OF prog']);
    expect(programmeGaps(inputOf(throughPart)).map((g) => g.subject.id)).toEqual([]);
  });
  it('a sub-programme is covered by its parent programme’s gap', () => {
    expect(programmeGaps(inputOf(graphOf(nodes, ['sub PART_OF prog']))).map((g) => g.subject.id)).toEqual(['prog']);
  });
});

describe('communities joined through one broker', () => {
  const a = ['a1', 'a2', 'a3', 'a4'];
  const b = ['b1', 'b2', 'b3'];
  const clique = (ids: string[]) => ids.flatMap((x, i) => ids.slice(i + 1).map((y) => `${x} COLLABORATES_WITH ${y}`));
  const nodes = [...a, ...b, 'c1', 'c2', 'c3'].map((id) => `${id}:Firm`);
  const communityOf = { a1: 0, a2: 0, a3: 0, a4: 0, b1: 1, b2: 1, b3: 1, c1: 2, c2: 2, c3: 2 };

  it('names the node every tie between two communities touches', () => {
    const g = graphOf(nodes, [
      ...clique(a),
      ...clique(b),
      ...clique(['c1', 'c2', 'c3']),
      'a1 SUPPORTS b1',
      'a1 SUPPORTS b2',
      'a2 SUPPORTS c1',
      'a3 SUPPORTS c2',
    ]);
    const gaps = communityGaps(inputOf(g, communityOf), [4, 3, 3]);
    // 0–1: both ties touch a1. 0–2: a2–c1 and a3–c2 share no node: not a gap.
    expect(gaps.map((x) => [x.kind, x.subject.id])).toEqual([['communities_joined_by_one_broker', 'a1']]);
    expect(gaps[0]!.nodes.sort()).toEqual(['a1', 'b1', 'b2']);
    expect(gaps[0]!.text_en).toBe(
      'Every tie between communities 0–1 (2 ties) touches a1-en. 0: 4 nodes around a1-en; 1: 3 nodes around b1-en.',
    );
  });
  it('one gap per broker, listing every pair it alone joins; a single tie names its better connected end', () => {
    const g = graphOf(nodes, [
      ...clique(a),
      ...clique(b),
      ...clique(['c1', 'c2', 'c3']),
      'a1 SUPPORTS b1',
      'a1 SUPPORTS c1',
    ]);
    const gaps = communityGaps(inputOf(g, communityOf), [4, 3, 3]);
    expect(gaps.map((x) => x.subject.id)).toEqual(['a1']);
    expect(gaps[0]!.text_en).toContain('communities 0–1 (1 tie), 0–2 (1 tie) touches a1-en');
  });
  it('leaves out communities below the minimum size', () => {
    const g = graphOf(nodes, [...clique(a), 'a1 SUPPORTS b1']);
    expect(communityGaps(inputOf(g, communityOf), [4, 2, 3])).toEqual([]);
  });
});

describe('findGaps', () => {
  it('returns the kinds in order: fields, parks, programmes, communities', () => {
    const g = graphOf(
      ['f:Industry', 'x:Firm', 'y:University', 'park:Park', 'prog:Programme'],
      ['x FOCUSES_ON f', 'y FOCUSES_ON f'],
    );
    expect(findGaps(inputOf(g), [5]).map((x) => x.kind)).toEqual([
      'field_without_cross_sector_tie',
      'park_without_academic_partner',
      'programme_without_recipient',
    ]);
  });
});
