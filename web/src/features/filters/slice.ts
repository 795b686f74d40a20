// The filters feature's slice of the view and the link: its keys, their defaults, how they are
// read from and written to the URL, and what the data must confirm. Pure: no DOM, testable in Node.
import { isNodeId } from '../../../../domain/ids.ts';
import { isTypeName, readList, writeSet } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';
import type { Slice } from '../../core/codec.ts';

export interface FiltersState {
  /** Node and relation types filtered out of the view. */
  hiddenTypes: string[];
  hiddenRelTypes: string[];
  /** Nodes the user removed from the view. */
  hiddenNodes: string[];
}

export const FILTER_KEYS = ['hiddenTypes', 'hiddenRelTypes', 'hiddenNodes'] as const;

export function filtersSlice<S extends CoreState & FiltersState>(): Slice<S> {
  return {
    id: 'filters',
    keys: [...FILTER_KEYS],
    params: ['hide', 'hideRel', 'hideNodes'],
    defaults: () =>
      ({ hiddenTypes: [] as string[], hiddenRelTypes: [] as string[], hiddenNodes: [] as string[] }) as Partial<S>,
    parse: (params) =>
      ({
        hiddenTypes: readList(params, 'hide', isTypeName),
        hiddenRelTypes: readList(params, 'hideRel', isTypeName),
        hiddenNodes: readList(params, 'hideNodes', isNodeId),
      }) as Partial<S>,
    write(state, out) {
      writeSet(out, 'hide', state.hiddenTypes);
      writeSet(out, 'hideRel', state.hiddenRelTypes);
      writeSet(out, 'hideNodes', state.hiddenNodes);
    },
    validate: (state, domain) =>
      ({
        hiddenTypes: state.hiddenTypes.filter((x) => domain.nodeTypes.has(x)),
        hiddenRelTypes: state.hiddenRelTypes.filter((x) => domain.relationTypes.has(x)),
        hiddenNodes: state.hiddenNodes.filter((id) => domain.hasNode(id)),
      }) as Partial<S>,
  };
}
