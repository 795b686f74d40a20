// The details feature's slice of the view and the link: its keys, their defaults, how they are
// read from and written to the URL, and what the data must confirm. Pure: no DOM, testable in Node.
import type { CoreState } from '../../core/state.ts';
import type { Slice } from '../../core/codec.ts';

export function detailsSlice<S extends CoreState & { selected: string | undefined }>(): Slice<S> {
  return {
    id: 'details',
    keys: [],
    params: [],
    defaults: () => ({}),
    parse: () => ({}),
    write: () => undefined,
    validate: (state) => (state.panel === 'details' && !state.selected ? { panel: undefined } : {}) as Partial<S>,
  };
}
