import { describe, expect, it } from 'vitest';
import { readImport } from '../server/import/read.ts';
import { baselineSample, csvCell, datasetName, extrapolatedRate, syntheticCsv, txLatency } from './import.ts';

describe('the import benchmark', () => {
  it('writes the synthetic ecosystem as a CSV pair that reads without a problem', async () => {
    const csv = syntheticCsv(200, 5);
    const set = await readImport([
      { name: 'nodes.csv', bytes: Buffer.from(csv.nodes) },
      { name: 'edges.csv', bytes: Buffer.from(csv.edges) },
    ]);
    expect(set.problems).toEqual([]);
    expect(set.nodes).toHaveLength(200);
    expect(set.relations).toHaveLength(1000);
    // Names with commas ("Co., Ltd.") survive the quoting; types are the ontology's.
    expect(set.nodes.some((n) => n.name_en?.includes(','))).toBe(true);
    expect(new Set(set.nodes.map((n) => n.type)).size).toBeGreaterThan(5);
    expect(set.nodes[0]).toMatchObject({ evidence: '合成数据', properties: { description_en: expect.any(String) } });
  });

  it('quotes only the cells that need it', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Co., Ltd.')).toBe('"Co., Ltd."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('names the dataset after its size', () => {
    expect(datasetName(100_000)).toBe('bench-import-100k');
    expect(datasetName(10_000)).toBe('bench-import-10k');
    expect(datasetName(1_234)).toBe('bench-import-1234');
  });

  it('samples relations with every end present: warm-up, timed, then the other ends as setup', () => {
    const node = (id: string) => ({ id }) as never;
    const rel = (source: string, target: string) => ({ source, target }) as never;
    const set = {
      nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map(node),
      relations: [rel('c', 'a'), rel('d', 'a'), rel('e', 'b'), rel('f', 'b')],
    };
    const sample = baselineSample(set, { warmupNodes: 1, nodes: 2, warmupRelations: 1, relations: 2 });
    expect(sample.warmupRelations).toEqual([set.relations[0]]);
    expect(sample.relations).toEqual([set.relations[1], set.relations[2]]);
    expect(sample.warmupNodes.map((n) => n.id)).toEqual(['c']);
    expect(sample.nodes.map((n) => n.id)).toEqual(['a', 'd']);
    expect(sample.setup.map((n) => n.id)).toEqual(['e', 'b']);
    // Fewer ends than nodes wanted: the rest of the nodes make up the number.
    const wide = baselineSample(set, { warmupNodes: 0, nodes: 4, warmupRelations: 0, relations: 1 });
    expect(wide.nodes.map((n) => n.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(wide.setup).toEqual([]);
  });

  it('extrapolates the baseline with each kind at its own rate', () => {
    const rate = extrapolatedRate({ nodes: 100, relations: 500 }, { nodesPerSecond: 10, relationsPerSecond: 100 });
    expect(rate).toEqual({ seconds: 15, rowsPerSecond: 40 });
  });

  it('summarises the time per transaction, with the drift from the first tenth to the last', () => {
    const ms = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(txLatency(ms)).toEqual({ mean: 10.5, p50: 11, p90: 19, firstTenthMean: 1.5, lastTenthMean: 19.5 });
    expect(txLatency([])).toEqual({ mean: 0, p50: 0, p90: 0, firstTenthMean: 0, lastTenthMean: 0 });
  });
});
