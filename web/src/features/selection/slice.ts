// The selection feature's slice of the view and the link: its keys, their defaults, how they are
// read from and written to the URL, and what the data must confirm. Pure: no DOM, testable in Node.
import { isNodeId } from '../../../../domain/ids.ts';
import { readOne } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';
import type { Slice } from '../../core/codec.ts';

export interface SelectionState {
  /** The selected node, whose ego network is highlighted. */
  selected: string | undefined;
  /** Steps around the selection that stay highlighted: 1 or 2. */
  depth: 1 | 2;
}

export function selectionSlice<S extends CoreState & SelectionState>(): Slice<S> {
  return {
    id: 'selection',
    keys: ['selected', 'depth'],
    params: ['node', 'depth'],
    defaults: () => ({ selected: undefined, depth: 1 }) as Partial<S>,
    parse: (params) =>
      ({ selected: readOne(params, 'node', isNodeId), depth: params.get('depth') === '2' ? 2 : 1 }) as Partial<S>,
    write(state, out) {
      if (state.selected) out.set('node', state.selected);
      if (state.depth === 2) out.set('depth', '2');
    },
    validate: (state, domain) =>
      (state.selected !== undefined && !domain.hasNode(state.selected) ? { selected: undefined } : {}) as Partial<S>,
  };
}
