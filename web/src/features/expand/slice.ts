// The expand feature's slice of the view and the link: its keys, their defaults, how they are
// read from and written to the URL, and what the data must confirm. Pure: no DOM, testable in Node.
import { isNodeId } from '../../../../domain/ids.ts';
import { readList } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';
import type { Slice } from '../../core/codec.ts';

export interface ExpandState {
  /** Nodes whose neighbours were loaded from the server into the view, in order. */
  expanded: string[];
}

export function expandSlice<S extends CoreState & ExpandState>(): Slice<S> {
  return {
    id: 'expand',
    keys: ['expanded'],
    params: ['expand'],
    defaults: () => ({ expanded: [] as string[] }) as Partial<S>,
    // Order matters (each expansion may bring the next one's node), so no sorting.
    parse: (params) => ({ expanded: readList(params, 'expand', isNodeId) }) as Partial<S>,
    write(state, out) {
      if (state.expanded.length) out.set('expand', state.expanded.join(','));
    },
    validate: (state, domain) => ({ expanded: state.expanded.filter((id) => domain.hasNode(id)) }) as Partial<S>,
  };
}
