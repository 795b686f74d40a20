import { describe, expect, it } from 'vitest';
import type { BrokerageRole } from '../../domain/api-types.ts';
import { BROKERAGE_ROLES } from '../../domain/api-types.ts';
import { brokerageCounts, brokerageReport, roleOf } from './brokerage.ts';
import type { AnalyticsGraph } from './graph.ts';
import { buildAnalyticsGraph } from './graph.ts';
import { projectGraph } from './metrics.ts';
import { assignSectors } from './sectors.ts';

/** Nodes "id:Type"; relations "a>b" (SUPPORTS, directed) or "a=b" (COLLABORATES_WITH, undirected). */
function graphOf(nodes: string[], relations: string[]): AnalyticsGraph {
  return buildAnalyticsGraph({
    nodes: nodes.map((spec) => {
      const [id, type] = spec.split(':') as [string, string];
      return { id, type, name_zh: id, name_en: id };
    }),
    edges: relations.map((spec, i) => {
      const undirected = spec.includes('=');
      const [source, target] = spec.split(/[>=]/) as [string, string];
      return { id: `r${i}`, source, target, type: undirected ? 'COLLABORATES_WITH' : 'SUPPORTS' };
    }),
  });
}

/** Role counts of node `id`, only the non-zero ones. */
function rolesOf(graph: AnalyticsGraph, id: string): Partial<Record<BrokerageRole, number>> {
  const p = projectGraph(graph);
  const counts = brokerageCounts(graph, p, assignSectors(graph, p).group, () => {});
  const v = p.index.get(id)!;
  const result: Partial<Record<BrokerageRole, number>> = {};
  for (const role of BROKERAGE_ROLES) if (counts[role][v]! > 0) result[role] = counts[role][v]!;
  return result;
}

// Sectors: Firm = industry, University = academia, District = government.
describe('Gould–Fernandez roles on a directed triad a → v → b', () => {
  it('coordinator: all three in one sector', () => {
    expect(rolesOf(graphOf(['a:Firm', 'v:Firm', 'b:Firm'], ['a>v', 'v>b']), 'v')).toEqual({ coordinator: 1 });
  });
  it('itinerant (consultant): a and b in one sector, v in another', () => {
    const g = graphOf(['a:University', 'v:Firm', 'b:University'], ['a>v', 'v>b']);
    expect(rolesOf(g, 'v')).toEqual({ itinerant: 1 });
  });
  it('representative: a and v in one sector, b in another', () => {
    const g = graphOf(['a:Firm', 'v:Firm', 'b:University'], ['a>v', 'v>b']);
    expect(rolesOf(g, 'v')).toEqual({ representative: 1 });
  });
  it('gatekeeper: v and b in one sector, a in another', () => {
    const g = graphOf(['a:University', 'v:Firm', 'b:Firm'], ['a>v', 'v>b']);
    expect(rolesOf(g, 'v')).toEqual({ gatekeeper: 1 });
  });
  it('liaison: three sectors', () => {
    const g = graphOf(['a:University', 'v:Firm', 'b:District'], ['a>v', 'v>b']);
    expect(rolesOf(g, 'v')).toEqual({ liaison: 1 });
  });
  it('the ends do not broker; the classification is by (a, v, b)', () => {
    const g = graphOf(['a:University', 'v:Firm', 'b:District'], ['a>v', 'v>b']);
    expect(rolesOf(g, 'a')).toEqual({});
    expect(rolesOf(g, 'b')).toEqual({});
    expect(roleOf(0, 1, 0)).toBe('itinerant');
    expect(roleOf(0, 0, 1)).toBe('representative');
    expect(roleOf(1, 0, 0)).toBe('gatekeeper');
  });
});

describe('which two-paths count', () => {
  it('a tie a → b closes the two-path; a tie b → a does not', () => {
    expect(rolesOf(graphOf(['a:Firm', 'v:Firm', 'b:Firm'], ['a>v', 'v>b', 'a>b']), 'v')).toEqual({});
    expect(rolesOf(graphOf(['a:Firm', 'v:Firm', 'b:Firm'], ['a>v', 'v>b', 'b>a']), 'v')).toEqual({ coordinator: 1 });
  });
  it('an undirected relation goes both ways: a = v = b gives a → v → b and b → v → a', () => {
    expect(rolesOf(graphOf(['a:Firm', 'v:Firm', 'b:Firm'], ['a=v', 'v=b']), 'v')).toEqual({ coordinator: 2 });
  });
  it('a → v → a is not a two-path (a = b)', () => {
    expect(rolesOf(graphOf(['a:Firm', 'v:Firm'], ['a=v']), 'v')).toEqual({});
  });
  it('parallel relations are one tie', () => {
    expect(rolesOf(graphOf(['a:Firm', 'v:Firm', 'b:Firm'], ['a>v', 'a>v', 'v>b']), 'v')).toEqual({ coordinator: 1 });
  });
  it('context nodes (fields, honours) are not actors: neither brokers nor ends', () => {
    expect(rolesOf(graphOf(['a:Firm', 'f:Industry', 'b:Firm'], ['a>f', 'f>b']), 'f')).toEqual({});
    expect(rolesOf(graphOf(['a:Firm', 'v:Firm', 'h:Honor'], ['a>v', 'v>h']), 'v')).toEqual({});
  });
  it('counts a hub exactly: 3 in × 3 out minus a = b and closed pairs', () => {
    // in(v) = {a, b, c}, out(v) = {b, c, d}: 9 pairs, minus b→v→b and c→v→c, minus a→b (closed).
    const g = graphOf(['a:Firm', 'b:Firm', 'c:Firm', 'd:University', 'v:Firm'], ['a>v', 'b=v', 'c=v', 'v>d', 'a>b']);
    // Left: a→c, a→d, b→c, b→d, c→b, c→d: to d (academia) is representative, the rest coordinator.
    expect(rolesOf(g, 'v')).toEqual({ coordinator: 3, representative: 3 });
  });
  it('finds closures through the binary search when out(a) is longer than out(v)', () => {
    // a has many out-ties (longer than v's single one), one of them closing a → v → b.
    const others = ['x1', 'x2', 'x3', 'x4'];
    const g = graphOf(
      ['a:Firm', 'v:Firm', 'b:Firm', ...others.map((x) => `${x}:Firm`)],
      ['a>v', 'v>b', 'a>b', ...others.map((x) => `a>${x}`)],
    );
    expect(rolesOf(g, 'v')).toEqual({});
  });
});

describe('brokerageReport', () => {
  it('lists the top actors per role, highest first, only counts > 0', () => {
    const g = graphOf(['a:Firm', 'v:Firm', 'w:Firm', 'b:Firm'], ['a>v', 'v>b', 'a>w', 'w>b', 'v>w']);
    const p = projectGraph(g);
    const counts = brokerageCounts(g, p, assignSectors(g, p).group, () => {});
    const report = brokerageReport(g, p, counts);
    // v: a→v→b and a→v→w is closed by a→w; w: a→w→b, v→w→b is closed by v→b.
    expect(report.top.coordinator.map((e) => [e.id, e.count])).toEqual([
      ['v', 1],
      ['w', 1],
    ]);
    expect(report.top.liaison).toEqual([]);
    expect(report.roles).toEqual([...BROKERAGE_ROLES]);
  });
});
