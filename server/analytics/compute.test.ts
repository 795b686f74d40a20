import { describe, expect, it } from 'vitest';
import { BROKERAGE_ROLES } from '../../domain/api-types.ts';
import { computeAnalytics, defaultSamples } from './compute.ts';
import type { AnalyticsGraph } from './graph.ts';
import { buildAnalyticsGraph } from './graph.ts';

/** Two 4-cliques of firms joined by a bridge a1–b1. */
function graph(): AnalyticsGraph {
  const a = ['a1', 'a2', 'a3', 'a4'];
  const b = ['b1', 'b2', 'b3', 'b4'];
  const clique = (ids: string[]) => ids.flatMap((x, i) => ids.slice(i + 1).map((y) => [x, y] as const));
  const pairs = [...clique(a), ...clique(b), ['a1', 'b1'] as const];
  return buildAnalyticsGraph({
    nodes: [...a, ...b].map((id) => ({ id, type: 'Firm', name_zh: id, name_en: id })),
    edges: pairs.map(([source, target], i) => ({ id: `r${i}`, source, target, type: 'SUPPORTS' })),
  });
}

const column = (r: ReturnType<typeof computeAnalytics>, metric: string, id: string) =>
  r.values[metric]![r.ids.indexOf(id)];

describe('computeAnalytics', () => {
  it('returns every metric as a column aligned with ids, described in both languages', () => {
    const r = computeAnalytics(graph());
    const ids = r.metrics.map((m) => m.id);
    for (const id of [
      'degree',
      'in_degree',
      'out_degree',
      'betweenness',
      'harmonic',
      'pagerank',
      'eigenvector',
      'kcore',
      'clustering',
      'community',
      'broker_total',
      ...BROKERAGE_ROLES.map((role) => `broker_${role}`),
    ]) {
      expect(ids).toContain(id);
    }
    expect(r.ids).toHaveLength(8);
    for (const m of r.metrics) {
      expect(r.values[m.id]).toHaveLength(8);
      expect(m.name_zh && m.name_en && m.description && m.method).toBeTruthy();
      expect(m.exact).toBe(true);
    }
    expect(column(r, 'betweenness', 'a1')).toBeCloseTo(12 / 21);
    expect(column(r, 'kcore', 'a2')).toBe(3);
    expect(column(r, 'clustering', 'a1')).toBe(0.5);
  });

  it('reports communities with their top members, modularity, sectors, brokerage and gaps', () => {
    const r = computeAnalytics(graph());
    expect(r.communities.map((c) => c.size)).toEqual([4, 4]);
    expect(r.communities[0]!.top[0]!.id).toBe('a1'); // degree 4, the highest in its clique
    expect(r.modularity).toBeCloseTo(2 * (6 / 13 - 0.25), 6);
    expect(r.sectors.ties).toBe(13);
    expect(r.sectors.crossSectorShare).toBe(0);
    // Relations point from the earlier to the later node: a1 → b1 → b2..b4, with no a1 → b2..b4, are
    // the only open two-paths (inside a clique a1 → a2 → a3 is closed by a1 → a3).
    expect(column(r, 'broker_coordinator', 'b1')).toBe(3);
    expect(column(r, 'broker_total', 'a1')).toBe(0);
    expect(r.brokerage.top.coordinator).toEqual([{ id: 'b1', type: 'Firm', name_zh: 'b1', name_en: 'b1', count: 3 }]);
    expect(r.gaps.map((g) => [g.kind, g.subject.id])).toEqual([['communities_joined_by_one_broker', 'a1']]);
  });

  it('samples betweenness and harmonic centrality above exactLimit, and says so', () => {
    const r = computeAnalytics(graph(), { exactLimit: 4, samples: 3, seed: 9 });
    const betweenness = r.metrics.find((m) => m.id === 'betweenness')!;
    expect(betweenness.exact).toBe(false);
    expect(betweenness.method).toContain('sampled from 3 sources');
    expect(r.metrics.find((m) => m.id === 'harmonic')!.exact).toBe(false);
    expect(r.metrics.find((m) => m.id === 'pagerank')!.exact).toBe(true);
    expect(r.metrics.find((m) => m.id === 'pagerank')!.method).toMatch(/converged in \d+ iterations/);
    // Deterministic for a seed.
    expect(computeAnalytics(graph(), { exactLimit: 4, samples: 3, seed: 9 }).values).toEqual(r.values);
  });

  it('reports progress for every phase, ending each at done = total', () => {
    const seen = new Map<string, [number, number]>();
    computeAnalytics(graph(), { onProgress: (phase, done, total) => seen.set(phase, [done, total]) });
    expect([...seen.keys()]).toEqual([
      'projection',
      'degree',
      'paths',
      'pagerank',
      'eigenvector',
      'kcore',
      'clustering',
      'communities',
      'sectors',
      'brokerage',
      'gaps',
    ]);
    for (const [done, total] of seen.values()) expect(done).toBe(total);
  });

  it('handles an empty graph', () => {
    const r = computeAnalytics(buildAnalyticsGraph({ nodes: [], edges: [] }));
    expect(r.ids).toEqual([]);
    expect(r.communities).toEqual([]);
    expect(r.sectors.ties).toBe(0);
    expect(r.gaps).toEqual([]);
  });
});

describe('defaultSamples', () => {
  it('is limit²/n (the exact run’s work at the limit), at least 100', () => {
    expect(defaultSamples(100_000, 5_000)).toBe(250);
    expect(defaultSamples(5_001, 5_000)).toBe(5_000); // ⌈4,999.0002⌉
    expect(defaultSamples(10_000_000, 5_000)).toBe(100);
  });
});
