// The timeline's slice of the view and the link: `year=2015` shows the network as of the end of
// that year (nodes dated later are hidden; undated ones stay). No `year`: every year. Pure: no
// DOM, testable in Node.
import { isYear } from '../../../../domain/ids.ts';
import type { Slice, ViewDomain } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';
import { clampYear } from './years.ts';

export interface TimelineState {
  /** The last year shown (inclusive); undefined: all years. */
  year: number | undefined;
}

export function parseYear(value: string | null): number | undefined {
  if (value === null || !/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return isYear(year) ? year : undefined;
}

/** A year outside the data's range is clamped into it; a dataset without years takes none. */
export function validateYear(year: number | undefined, domain: Pick<ViewDomain, 'years'>): number | undefined {
  return year === undefined ? undefined : clampYear(year, domain.years);
}

export function timelineSlice<S extends CoreState & TimelineState>(): Slice<S> {
  return {
    id: 'timeline',
    keys: ['year'],
    params: ['year'],
    defaults: () => ({ year: undefined }) as Partial<S>,
    parse: (params) => ({ year: parseYear(params.get('year')) }) as Partial<S>,
    write(state, out) {
      if (state.year !== undefined) out.set('year', String(state.year));
    },
    validate: (state, domain) => ({ year: validateYear(state.year, domain) }) as Partial<S>,
  };
}
