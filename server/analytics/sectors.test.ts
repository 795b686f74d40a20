import { describe, expect, it } from 'vitest';
import type { AnalyticsGraph } from './graph.ts';
import { buildAnalyticsGraph } from './graph.ts';
import { projectGraph } from './metrics.ts';
import { assignSectors, assortativity, sectorOf, sectorReport } from './sectors.ts';

function graphOf(nodes: [string, string][], relations: [string, string, string][]): AnalyticsGraph {
  return buildAnalyticsGraph({
    nodes: nodes.map(([id, type]) => ({ id, type, name_zh: id, name_en: id })),
    edges: relations.map(([source, type, target], i) => ({ id: `r${i}`, source, target, type })),
  });
}

function report(graph: AnalyticsGraph, overrides?: Record<string, string>) {
  const p = projectGraph(graph);
  return sectorReport(p, assignSectors(graph, p, overrides));
}

describe('sectorOf', () => {
  it('maps types as the ontology does, with dataset overrides', () => {
    expect(sectorOf('University')).toBe('academia');
    expect(sectorOf('Investor')).toBe('industry');
    expect(sectorOf('Programme')).toBe('government');
    expect(sectorOf('Event')).toBe('intermediary');
    expect(sectorOf('Talent')).toBe('people');
    expect(sectorOf('Actor')).toBe('mixed');
    expect(sectorOf('Indicator')).toBe('context');
    expect(sectorOf('Investor', { Investor: 'intermediary' })).toBe('intermediary');
    expect(sectorOf('Firm', { Investor: 'intermediary' })).toBe('industry');
    expect(sectorOf('Unknown')).toBe('mixed');
  });
});

describe('sector report', () => {
  // F1, F2 firms (industry), U1 university (academia), D1 district (government), I1 a field (context).
  const nodes: [string, string][] = [
    ['F1', 'Firm'],
    ['F2', 'Firm'],
    ['U1', 'University'],
    ['D1', 'District'],
    ['I1', 'Industry'],
  ];
  const relations: [string, string, string][] = [
    ['F1', 'COLLABORATES_WITH', 'F2'],
    ['F1', 'COLLABORATES_WITH', 'U1'],
    ['U1', 'SUPPORTS', 'F1'], // the same pair again, the other way: one tie
    ['D1', 'SUPPORTS', 'F2'],
    ['F1', 'FOCUSES_ON', 'I1'], // a context node: out of the matrix
  ];

  it('counts each tie once, symmetric, between actors only', () => {
    const r = report(graphOf(nodes, relations));
    const at = (a: string, b: string) => r.matrix[r.sectors.indexOf(a)]![r.sectors.indexOf(b)];
    expect(r.sectors).toEqual(['government', 'academia', 'industry', 'intermediary', 'people', 'mixed']);
    expect(r.ties).toBe(3);
    expect(at('industry', 'industry')).toBe(1);
    expect(at('industry', 'academia')).toBe(1);
    expect(at('academia', 'industry')).toBe(1);
    expect(at('government', 'industry')).toBe(1);
    expect(r.matrix.flat().reduce((a, b) => a + b, 0)).toBe(5); // 1 within + 2 × 2 across
    expect(r.crossSectorShare).toBeCloseTo(2 / 3);
  });

  it("Newman's assortativity by hand: e_ii = 1/3, a = (1/6, 1/6, 2/3) → r = (1/3 − 1/2)/(1 − 1/2)", () => {
    expect(report(graphOf(nodes, relations)).assortativity).toBeCloseTo(-1 / 3);
  });

  it('ties only within sectors: r = 1; only across two sectors: r = −1', () => {
    const within = graphOf(
      [...nodes, ['U2', 'University']],
      [
        ['F1', 'COLLABORATES_WITH', 'F2'],
        ['U1', 'COLLABORATES_WITH', 'U2'],
      ],
    );
    expect(report(within).assortativity).toBeCloseTo(1);
    const across = graphOf(nodes, [
      ['F1', 'COLLABORATES_WITH', 'U1'],
      ['F2', 'COLLABORATES_WITH', 'U1'],
    ]);
    expect(report(across).assortativity).toBeCloseTo(-1);
    expect(report(across).crossSectorShare).toBe(1);
  });

  it('degenerate cases: no ties → 0; a single sector → 1', () => {
    expect(assortativity([[0]], 0)).toBe(0);
    expect(
      assortativity(
        [
          [4, 0],
          [0, 0],
        ],
        4,
      ),
    ).toBe(1);
  });

  it('applies overrides to the mapping, the matrix and the list of overridden types', () => {
    const r = report(graphOf(nodes, relations), { Firm: 'intermediary', Industry: 'industry', Lab: 'academia' });
    expect(r.mapping.Firm).toBe('intermediary');
    expect(r.overridden).toEqual(['Firm', 'Industry']); // Lab keeps the ontology's sector
    // The field is now an (industry) actor: its tie to F1 counts, 4 ties.
    expect(r.ties).toBe(4);
    expect(r.matrix[r.sectors.indexOf('intermediary')]![r.sectors.indexOf('intermediary')]).toBe(1);
  });

  it('adds a sector a dataset invents after the ontology ones', () => {
    const r = report(graphOf(nodes, relations), { Talent: 'diaspora' });
    expect(r.sectors.at(-1)).toBe('diaspora');
  });
});
