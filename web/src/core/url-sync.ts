// The one owner of the address bar: it writes the view's link on every change the user could
// go back from (push) or that only refines the current one (replace), and turns Back/Forward
// into a navigation of the store.
import type { ViewCodec } from './codec.ts';
import type { ViewStore } from './store.ts';

export class UrlSync<S extends object> {
  private last = '';
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ViewStore<S>,
    private readonly codec: ViewCodec<S>,
  ) {
    this.last = window.location.search.replace(/^\?/, '');
    this.unsubscribe = store.subscribe((next, _previous, history) => {
      if (history !== 'none') this.write(next, history);
    });
    window.addEventListener('popstate', this.popstate);
  }

  /** Writes the link for a state (the first one after load is a replace). */
  write(state: S, mode: 'push' | 'replace'): void {
    const query = this.codec.serialize(state);
    if (query === this.last) return;
    this.last = query;
    const url = `${window.location.pathname}?${query}${window.location.hash}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  private readonly popstate = () => {
    const state = this.codec.parse(window.location.search);
    this.last = this.codec.serialize(state);
    this.store.update(state, 'none');
  };

  dispose(): void {
    this.unsubscribe();
    window.removeEventListener('popstate', this.popstate);
  }
}
