// The gaps feature's slice of the view and the link: the gap chosen in the planners' list
// (`gap=<kind>:<subject id>`), dropped when the data has no such subject. Pure: no DOM.
import { readOne, writeOne } from '../../core/codec.ts';
import type { Slice } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';
import { gapSubject, isGapKey } from './gap-keys.ts';

export interface GapsState {
  /** The gap whose nodes are highlighted (its name: kind and subject). */
  gap: string | undefined;
}

export function gapsSlice<S extends CoreState & GapsState>(): Slice<S> {
  return {
    id: 'gaps',
    keys: ['gap'],
    params: ['gap'],
    defaults: () => ({ gap: undefined }) as Partial<S>,
    parse: (params) => ({ gap: readOne(params, 'gap', isGapKey) }) as Partial<S>,
    write: (state, out) => writeOne(out, 'gap', state.gap),
    validate: (state, domain) => {
      const subject = state.gap === undefined ? undefined : gapSubject(state.gap);
      return (subject !== undefined && !domain.hasNode(subject) ? { gap: undefined } : {}) as Partial<S>;
    },
  };
}
