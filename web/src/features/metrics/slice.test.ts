// The metrics slice: its parameters round-trip, and once the server has named the dataset's
// metrics, a choice it does not know (or a size by a category) is dropped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeCodec, type ViewDomain } from '../../core/codec.ts';
import { coreSlice, type CoreState } from '../../core/state.ts';
import { languageSlice } from '../language/slice.ts';
import { metricsSlice, parseSort, validateMetrics, writeSort, type MetricKind, type MetricsState } from './slice.ts';

type S = CoreState & MetricsState;
const KNOWN = new Map<string, MetricKind>([
  ['degree', 'count'],
  ['betweenness', 'score'],
  ['community', 'category'],
]);
const domain: ViewDomain = {
  hasNode: () => true,
  nodeType: () => undefined,
  nodeTypes: new Set(),
  relationTypes: new Set(),
  years: new Set(),
};
const codec = (known: (dataset: string) => ReadonlyMap<string, MetricKind> | undefined) =>
  composeCodec<S>([coreSlice<S>(() => new Set(['metrics'])), languageSlice<S>(), metricsSlice<S>(known)], {
    fallbackLang: 'zh',
  });

describe('the metrics slice', () => {
  it('round-trips size, colour and the table order through the link', () => {
    const metric = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/);
    const c = codec(() => undefined);
    fc.assert(
      fc.property(
        fc.option(metric, { nil: undefined }),
        fc.option(metric, { nil: undefined }),
        fc.option(
          fc.tuple(metric, fc.boolean()).map(([m, d]) => (d ? `-${m}` : m)),
          { nil: undefined },
        ),
        (sizeBy, colorBy, metricsSort) => {
          const v = { ...c.defaults(), sizeBy, colorBy, metricsSort };
          expect(c.parse(c.serialize(v))).toEqual(v);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the link’s choice until the metrics are known, then drops what they do not name', () => {
    const v = { ...codec(() => undefined).defaults(), sizeBy: 'gone', colorBy: 'community', metricsSort: '-gone' };
    expect(codec(() => undefined).validate(v, domain)).toMatchObject({ sizeBy: 'gone', metricsSort: '-gone' });
    const known = codec((dataset) => (dataset === 'laoshan' ? KNOWN : undefined));
    expect(known.validate(v, domain)).toMatchObject({
      sizeBy: undefined,
      colorBy: 'community',
      metricsSort: undefined,
    });
    // Another dataset's metrics say nothing about this one's.
    expect(known.validate({ ...v, dataset: 'other' }, domain)).toMatchObject({ sizeBy: 'gone' });
  });

  it('sizes only by magnitudes, colours by anything, sorts by a metric or a text column', () => {
    expect(validateMetrics({ sizeBy: 'community', colorBy: 'degree', metricsSort: 'name' }, KNOWN)).toEqual({
      sizeBy: undefined,
      colorBy: 'degree',
      metricsSort: 'name',
    });
    expect(validateMetrics({ sizeBy: 'betweenness', colorBy: undefined, metricsSort: '-type' }, KNOWN)).toEqual({
      sizeBy: 'betweenness',
      colorBy: undefined,
      metricsSort: '-type',
    });
  });

  it('writes and reads the table order', () => {
    expect(parseSort('-betweenness')).toEqual({ column: 'betweenness', descending: true });
    expect(parseSort('name')).toEqual({ column: 'name', descending: false });
    expect(writeSort({ column: 'degree', descending: true })).toBe('-degree');
  });
});
