// The paths feature's slice of the view and the link: its keys, their defaults, how they are
// read from and written to the URL, and what the data must confirm. Pure: no DOM, testable in Node.
import { isNodeId } from '../../../../domain/ids.ts';
import { readOne, writeOne } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';
import type { Slice } from '../../core/codec.ts';

export interface PathsState {
  /** "How is A linked to B?": the two ends of the paths shown. */
  pathFrom: string | undefined;
  pathTo: string | undefined;
}

export function pathsSlice<S extends CoreState & PathsState>(): Slice<S> {
  return {
    id: 'paths',
    keys: ['pathFrom', 'pathTo'],
    params: ['from', 'to'],
    defaults: () => ({ pathFrom: undefined, pathTo: undefined }) as Partial<S>,
    parse: (params) =>
      ({ pathFrom: readOne(params, 'from', isNodeId), pathTo: readOne(params, 'to', isNodeId) }) as Partial<S>,
    write(state, out) {
      writeOne(out, 'from', state.pathFrom);
      writeOne(out, 'to', state.pathTo);
    },
    validate: (state, domain) =>
      ({
        pathFrom: state.pathFrom !== undefined && domain.hasNode(state.pathFrom) ? state.pathFrom : undefined,
        pathTo: state.pathTo !== undefined && domain.hasNode(state.pathTo) ? state.pathTo : undefined,
      }) as Partial<S>,
  };
}
