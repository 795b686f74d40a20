import { describe, expect, it } from 'vitest';
import type { MetricInfo } from '../../../../domain/api-types.ts';
import { defaultSort, nextSort, rank, sortOrder } from './rank.ts';

const payload = { ids: ['a', 'b', 'c', 'd'], values: { score: [0.5, NaN, 2, 0.5], degree: [1, 2, 3, 4] } };
const names: Record<string, string> = { a: 'Beta', c: 'alpha', d: 'Gamma' };
const text = (_column: string, id: string) => names[id];
const compare = (a: string, b: string) => a.localeCompare(b);
const metric = (id: string, kind: MetricInfo['kind']): MetricInfo => ({
  id,
  kind,
  name_zh: id,
  name_en: id,
  description: '',
  exact: true,
  method: '',
});

describe('the metrics table’s ranking', () => {
  it('ranks by a metric, missing values last either way, ties in the server’s order', () => {
    const ids = (order: { column: string; descending: boolean }) =>
      rank(payload, order, text, compare).indices.map((i) => payload.ids[i]);
    expect(ids({ column: 'score', descending: true })).toEqual(['c', 'a', 'd', 'b']);
    expect(ids({ column: 'score', descending: false })).toEqual(['a', 'd', 'c', 'b']);
  });

  it('ranks by name among the nodes that have one, the rest after', () => {
    const ranked = rank(payload, { column: 'name', descending: false }, text, compare);
    expect(ranked.indices.map((i) => payload.ids[i])).toEqual(['c', 'a', 'd', 'b']);
  });

  it('keeps only the first rows, and says how many there are', () => {
    const ranked = rank(payload, { column: 'degree', descending: true }, text, compare, 2);
    expect(ranked).toEqual({ indices: [3, 2], total: 4 });
  });

  it('starts with betweenness, high first; a header click turns or changes the order', () => {
    const metrics = [metric('community', 'category'), metric('degree', 'count'), metric('betweenness', 'score')];
    expect(defaultSort(metrics)).toEqual({ column: 'betweenness', descending: true });
    expect(defaultSort([metric('x', 'score')])).toEqual({ column: 'x', descending: true });
    expect(defaultSort([])).toEqual({ column: 'name', descending: false });
    expect(sortOrder('-degree', metrics)).toEqual({ column: 'degree', descending: true });
    expect(nextSort({ column: 'degree', descending: true }, 'degree')).toEqual({ column: 'degree', descending: false });
    expect(nextSort({ column: 'degree', descending: true }, 'name')).toEqual({ column: 'name', descending: false });
    expect(nextSort({ column: 'name', descending: false }, 'score')).toEqual({ column: 'score', descending: true });
  });
});
