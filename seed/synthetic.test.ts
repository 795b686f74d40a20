import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NODE_ID_PATTERN } from '../domain/ids.ts';
import { isNodeType, isRelationType } from '../domain/ontology.ts';
import { createRandom } from '../domain/random.ts';
import { generateSynthetic, SYNTHETIC_SOURCE_ID } from './synthetic.ts';

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('the synthetic ecosystem generator', () => {
  it('is deterministic: the same seed gives identical output, another seed another', () => {
    const a = generateSynthetic({ nodes: 3_000, seed: 42 });
    const b = generateSynthetic({ nodes: 3_000, seed: 42 });
    const c = generateSynthetic({ nodes: 3_000, seed: 43 });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it('gives N nodes and five times as many relations, all valid, unique and synthetic', () => {
    const data = generateSynthetic({ nodes: 5_000, seed: 7 });
    expect(data.nodes).toHaveLength(5_000);
    expect(data.relations.length).toBe(25_000);
    expect(new Set(data.nodes.map((n) => n.id)).size).toBe(5_000);
    expect(new Set(data.relations.map((r) => r.id)).size).toBe(25_000);
    const ids = new Set(data.nodes.map((n) => n.id));
    for (const n of data.nodes) {
      expect(isNodeType(n.type) && NODE_ID_PATTERN.test(n.id)).toBe(true);
      expect(n.name_zh && n.name_en).toBeTruthy();
      expect(n.evidence[0]?.source).toBe(SYNTHETIC_SOURCE_ID);
    }
    for (const r of data.relations)
      expect(isRelationType(r.type) && ids.has(r.source) && ids.has(r.target) && r.source !== r.target).toBe(true);
    expect(data.sources[0]?.text).toContain(data.nodes[0]?.evidence[0]?.quote);
    expect(data.dataset.name).toBe('synthetic-5000');
  });

  it('has every node type, a heavy-tailed degree distribution and community structure', () => {
    const data = generateSynthetic({ nodes: 10_000, seed: 3 });
    expect(new Set(data.nodes.map((n) => n.type)).size).toBe(15);
    const degree = new Map<string, number>();
    for (const r of data.relations) {
      degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
      degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
    }
    const degrees = [...degree.values()].sort((x, y) => y - x);
    const mean = degrees.reduce((a, b) => a + b, 0) / data.nodes.length;
    // Hubs: the best-connected node has far more relations than the average one.
    expect(degrees[0]!).toBeGreaterThan(mean * 20);
    // Communities: most relations stay inside the community of their source.
    const community = new Map(data.nodes.map((n) => [n.id, n.description_en?.split(' ').pop()]));
    const inside = data.relations.filter((r) => community.get(r.source) === community.get(r.target)).length;
    expect(inside / data.relations.length).toBeGreaterThan(0.7);
  });

  it('draws uniform numbers from its PRNG', () => {
    const random = createRandom(1);
    const values = Array.from({ length: 10_000 }, random);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
});
