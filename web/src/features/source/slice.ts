// The source feature's slice of the view and the link: its keys, their defaults, how they are
// read from and written to the URL, and what the data must confirm. Pure: no DOM, testable in Node.
import { isNodeId } from '../../../../domain/ids.ts';
import { readOne, writeOne } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';
import type { Slice } from '../../core/codec.ts';

export interface SourceState {
  /** The source document open in the source panel, and the quote to show in it. */
  source: string | undefined;
  quote: string | undefined;
}

export function sourceSlice<S extends CoreState & SourceState>(): Slice<S> {
  return {
    id: 'source',
    keys: ['source', 'quote'],
    params: ['source', 'quote'],
    defaults: () => ({ source: undefined, quote: undefined }) as Partial<S>,
    parse: (params) =>
      ({
        source: readOne(params, 'source', isNodeId),
        quote: readOne(params, 'quote', (q) => q.length <= 500),
      }) as Partial<S>,
    write(state, out) {
      writeOne(out, 'source', state.source);
      writeOne(out, 'quote', state.quote);
    },
  };
}
