import { describe, expect, it } from 'vitest';
import { buildAnalyticsGraph, type AnalyticsEdge, type AnalyticsNode } from './graph.ts';
import { PARTNER_METHOD, PARTNER_SCORE_OPTIONS, rankPartners } from './partners.ts';

const node = (id: string, type: string): AnalyticsNode => ({ id, type, name_zh: `${id}中文`, name_en: `${id} en` });
const edge = (source: string, type: string, target: string): AnalyticsEdge => ({
  id: `${source}~${type}~${target}`,
  source,
  target,
  type,
});

// A is the query. Its ties: park P, field F, collaborator D (stored D → A: either direction counts).
//   P: A, B        (degree 2)     F: A, B, C (degree 3)     D: A, E (degree 2)
//   E: D, G        H (an honour): B
// By hand, RA over common neighbours: B = 1/2 (P) + 1/3 (F), E = 1/2 (D), C = 1/3 (F); G has no
// common neighbour, only the path A–D–E–G: ε·1/(2·2).
const graph = buildAnalyticsGraph({
  nodes: [
    node('A', 'Firm'),
    node('B', 'Firm'),
    node('C', 'Lab'),
    node('D', 'University'),
    node('E', 'Firm'),
    node('G', 'Firm'),
    node('P', 'Park'),
    node('F', 'Industry'),
    node('H', 'Honor'),
    node('lonely', 'Firm'),
  ],
  edges: [
    edge('A', 'LOCATED_IN', 'P'),
    edge('B', 'LOCATED_IN', 'P'),
    edge('A', 'FOCUSES_ON', 'F'),
    edge('B', 'FOCUSES_ON', 'F'),
    edge('C', 'FOCUSES_ON', 'F'),
    edge('D', 'COLLABORATES_WITH', 'A'),
    edge('E', 'COLLABORATES_WITH', 'D'),
    edge('E', 'TAKES_PART_IN', 'G'),
    edge('B', 'AWARDED', 'H'),
  ],
});

describe('rankPartners', () => {
  it('names its method', () => {
    expect(PARTNER_METHOD).toContain(String(PARTNER_SCORE_OPTIONS.epsilon));
  });

  it('ranks the untied actors as computed by hand, best first', () => {
    const candidates = rankPartners(graph, 'A', { limit: 10 });
    expect(candidates.map((c) => c.id)).toEqual(['B', 'E', 'C', 'G']);
    const eps = PARTNER_SCORE_OPTIONS.epsilon;
    const score = Object.fromEntries(candidates.map((c) => [c.id, c.score]));
    // The three-step shares of B, C and E reach only P, F, D (tied), G and H: B, C and E keep
    // their RA scores exactly.
    expect(score['B']).toBeCloseTo(1 / 2 + 1 / 3, 12);
    expect(score['E']).toBeCloseTo(1 / 2, 12);
    expect(score['C']).toBeCloseTo(1 / 3, 12);
    expect(score['G']).toBeCloseTo(eps / 4, 12);
  });

  it('never proposes the query itself or a node tied to it in either direction', () => {
    const ids = rankPartners(graph, 'A', { limit: 100 }).map((c) => c.id);
    for (const tied of ['A', 'P', 'F', 'D']) expect(ids).not.toContain(tied);
  });

  it('leaves context types out unless they are asked for by type', () => {
    expect(rankPartners(graph, 'A', { limit: 100 }).map((c) => c.id)).not.toContain('H');
    expect(rankPartners(graph, 'A', { limit: 10, type: 'Honor' }).map((c) => c.id)).toEqual(['H']);
  });

  it('keeps only the wanted type, and the limit', () => {
    expect(rankPartners(graph, 'A', { limit: 10, type: 'Firm' }).map((c) => c.id)).toEqual(['B', 'E', 'G']);
    expect(rankPartners(graph, 'A', { limit: 10, type: 'Lab' }).map((c) => c.id)).toEqual(['C']);
    expect(rankPartners(graph, 'A', { limit: 2 }).map((c) => c.id)).toEqual(['B', 'E']);
  });

  it('has no candidates for a node without ties, or an unknown node', () => {
    expect(rankPartners(graph, 'lonely', { limit: 10 })).toEqual([]);
    expect(rankPartners(graph, 'nobody', { limit: 10 })).toEqual([]);
  });

  it('explains with shared neighbours, shared fields, a shortest path and the community', () => {
    const communities = new Map([
      ['A', 1],
      ['B', 1],
      ['E', 2],
    ]);
    const [b, e] = rankPartners(graph, 'A', { limit: 2, communities });
    expect(b!.reasons.map((r) => r.kind)).toEqual(['shared_neighbors', 'shared_fields', 'path', 'community']);
    const [neighbours, fields, path] = b!.reasons;
    // The field F is told as a shared field, not again as a shared neighbour.
    expect(neighbours).toMatchObject({ nodes: ['P'], edges: ['A~LOCATED_IN~P', 'B~LOCATED_IN~P'] });
    expect(neighbours!.text_en).toContain('P en');
    expect(neighbours!.text_zh).toContain('P中文');
    expect(fields).toMatchObject({ nodes: ['F'], edges: ['A~FOCUSES_ON~F', 'B~FOCUSES_ON~F'] });
    expect(path!.nodes).toHaveLength(3);
    expect(e!.reasons.map((r) => r.kind)).toEqual(['shared_neighbors', 'path']);
  });

  it('finds the path of length 3 and writes it with the relations and their direction', () => {
    const g = rankPartners(graph, 'A', { limit: 10 }).find((c) => c.id === 'G')!;
    expect(g.reasons).toEqual([
      {
        kind: 'path',
        text_zh: '最短路径(3 步):A中文 ←合作— D中文 ←合作— E中文 —参与→ G中文',
        text_en: 'Shortest path (3 steps): A en ←collaborates with— D en ←collaborates with— E en —takes part in→ G en',
        nodes: ['A', 'D', 'E', 'G'],
        edges: ['D~COLLABORATES_WITH~A', 'E~COLLABORATES_WITH~D', 'E~TAKES_PART_IN~G'],
      },
    ]);
  });

  it('refers only to real nodes and relations, each relation touching the nodes it explains', () => {
    for (const query of ['A', 'B', 'C', 'D', 'E', 'G', 'P', 'F', 'H']) {
      for (const candidate of rankPartners(graph, query, { limit: 20 })) {
        for (const reason of candidate.reasons) {
          expect(reason.text_zh.length).toBeGreaterThan(0);
          expect(reason.text_en.length).toBeGreaterThan(0);
          for (const id of reason.nodes) expect(graph.hasNode(id)).toBe(true);
          const named = new Set([query, candidate.id, ...reason.nodes]);
          for (const id of reason.edges) {
            expect(graph.hasEdge(id)).toBe(true);
            expect(named.has(graph.source(id)) && named.has(graph.target(id))).toBe(true);
          }
        }
      }
    }
  });

  it('gives the same answer from the cached index, query after query', () => {
    const first = rankPartners(graph, 'E', { limit: 10 });
    rankPartners(graph, 'A', { limit: 10 });
    expect(rankPartners(graph, 'E', { limit: 10 })).toEqual(first);
  });
});

describe('rankPartners beyond three steps', () => {
  // a – b – c – d – e – f, all firms: from a, c and d are scored (two and three steps); e and f
  // only have a longer path, and follow with score 0, nearest first, their path as the reason.
  const chain = ['a', 'b', 'c', 'd', 'e', 'f'];
  const line = buildAnalyticsGraph({
    nodes: chain.map((id) => node(id, 'Firm')),
    edges: chain.slice(1).map((id, i) => edge(chain[i]!, 'COLLABORATES_WITH', id)),
  });

  it('fills the list with the nearest further actors, each with its shortest path', () => {
    const ranked = rankPartners(line, 'a', { limit: 10 });
    expect(ranked.map((c) => c.id)).toEqual(['c', 'd', 'e', 'f']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked[1]!.score).toBeGreaterThan(0);
    expect(ranked.slice(2).map((c) => c.score)).toEqual([0, 0]);
    const far = ranked[3]!.reasons.find((r) => r.kind === 'path')!;
    expect(far.nodes).toEqual(chain);
    expect(far.edges).toEqual(chain.slice(1).map((id, i) => `${chain[i]}~COLLABORATES_WITH~${id}`));
    expect(far.text_en).toContain('5 steps');
  });

  it('stops at the limit, and never lists a tied actor', () => {
    expect(rankPartners(line, 'a', { limit: 3 }).map((c) => c.id)).toEqual(['c', 'd', 'e']);
    expect(rankPartners(line, 'c', { limit: 10 }).map((c) => c.id)).not.toContain('b');
  });
});
