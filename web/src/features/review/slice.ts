// The review feature's slice of the view and the link: whether the review screen is open
// (`review=1`). The document and the decisions made on its proposals stay in the page, never in
// the link (a text can be long and is not the view's). Pure: no DOM, testable in Node.
import type { Slice } from '../../core/codec.ts';
import type { CoreState } from '../../core/state.ts';

export interface ReviewState {
  /** The review screen (read a document, review its proposals) is open. */
  reviewOpen: boolean;
}

export function reviewSlice<S extends CoreState & ReviewState>(): Slice<S> {
  return {
    id: 'review',
    keys: ['reviewOpen'],
    params: ['review'],
    defaults: () => ({ reviewOpen: false }) as Partial<S>,
    parse: (params) => ({ reviewOpen: params.get('review') === '1' }) as Partial<S>,
    write(state, out) {
      if (state.reviewOpen) out.set('review', '1');
    },
  };
}
