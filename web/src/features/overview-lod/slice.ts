// The level-of-detail feature's slice of the view and the link: which aggregates (communities of
// a large dataset's overview) are expanded, as `lod=3,17`. Pure: no DOM, testable in Node.
import { readList } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';
import type { Slice } from '../../core/codec.ts';
import { aggregateNodeId } from './place.ts';

export interface OverviewLodState {
  /** Communities whose aggregate was expanded into its members, in order. */
  lod: string[];
}

const isCommunity = (value: string) => /^\d{1,7}$/.test(value);

export function overviewLodSlice<S extends CoreState & OverviewLodState>(): Slice<S> {
  return {
    id: 'overview-lod',
    keys: ['lod'],
    params: ['lod'],
    defaults: () => ({ lod: [] as string[] }) as Partial<S>,
    parse: (params) => ({ lod: readList(params, 'lod', isCommunity) }) as Partial<S>,
    write(state, out) {
      if (state.lod.length) out.set('lod', state.lod.join(','));
    },
    // Only aggregates the overview drew (a dataset below the threshold has none).
    validate: (state, domain) =>
      ({ lod: state.lod.filter((c) => domain.hasNode(aggregateNodeId(Number(c)))) }) as Partial<S>,
  };
}
