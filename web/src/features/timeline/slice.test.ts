// The timeline's slice: `year` round-trips through the link, junk is dropped, and once the data
// has loaded a year outside its range is clamped into it (dropped when the data has no years).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeCodec, type ViewDomain } from '../../core/codec.ts';
import { coreSlice, type CoreState } from '../../core/state.ts';
import { languageSlice } from '../language/slice.ts';
import { parseYear, timelineSlice, validateYear, type TimelineState } from './slice.ts';

type S = CoreState & TimelineState;
const codec = composeCodec<S>([coreSlice<S>(() => new Set()), languageSlice<S>(), timelineSlice<S>()], {
  fallbackLang: 'en',
});
const domain = (years: number[]): ViewDomain => ({
  hasNode: () => true,
  nodeType: () => undefined,
  nodeTypes: new Set(),
  relationTypes: new Set(),
  years: new Set(years),
});

describe('the timeline slice', () => {
  it('round-trips any year, and all years, through the link', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 1800, max: 2999 }), { nil: undefined }), (year) => {
        const view = { ...codec.defaults(), year };
        const query = codec.serialize(view);
        expect(query.includes('year=')).toBe(year !== undefined);
        expect(codec.parse(query)).toEqual(view);
      }),
      { numRuns: 200 },
    );
    expect(codec.serialize({ ...codec.defaults(), year: 2015 })).toBe('lang=en&year=2015');
  });

  it('reads only four-digit years the data may carry', () => {
    expect(parseYear('2015')).toBe(2015);
    for (const junk of ['', '15', '20155', '2015.5', '-2015', '1799', '3000', 'abcd', ' 2015', null])
      expect(parseYear(junk), String(junk)).toBeUndefined();
    expect(codec.parse('?year=<script>').year).toBeUndefined();
  });

  it('clamps a year outside the data into its range, and drops it for data without years', () => {
    const years = domain([2010, 2015, 2023]);
    expect(validateYear(1990, years)).toBe(2010);
    expect(validateYear(2040, years)).toBe(2023);
    expect(validateYear(2012, years)).toBe(2012);
    expect(validateYear(undefined, years)).toBeUndefined();
    expect(validateYear(2015, domain([]))).toBeUndefined();
    expect(codec.validate({ ...codec.defaults(), year: 2099 }, years).year).toBe(2023);
  });
});
