import { describe, expect, it } from 'vitest';
import type { FeatureContext } from '../../core/feature.ts';
import type { AppState } from '../slices.ts';
import { reviewFeature } from './review.ts';
import { reviewSlice } from './slice.ts';

describe('the review feature', () => {
  it('is absent where the data source cannot read documents (the offline bundle)', () => {
    const ctx = { store: {}, source: { datasets: () => Promise.resolve([]) } } as unknown as FeatureContext<AppState>;
    expect(reviewFeature<AppState>().mount(ctx)).toEqual({});
  });

  it('keeps the screen open in the link as review=1, and nothing else of it', () => {
    const slice = reviewSlice<AppState>();
    const out = new URLSearchParams();
    slice.write({ reviewOpen: true } as AppState, out);
    expect(out.toString()).toBe('review=1');
    const closed = new URLSearchParams();
    slice.write({ reviewOpen: false } as AppState, closed);
    expect(closed.toString()).toBe('');
    const ctx = { fallbackLang: 'zh' as const };
    expect(slice.parse(new URLSearchParams('review=1'), ctx)).toEqual({ reviewOpen: true });
    expect(slice.parse(new URLSearchParams('review=yes'), ctx)).toEqual({ reviewOpen: false });
  });
});
