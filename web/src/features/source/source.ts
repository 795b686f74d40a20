// The source panel: the document behind a piece of evidence, scrolled to the quote and
// highlighted. Owns the `source` and `quote` link parameters and the 'source' panel.
import { h } from '../../core/dom.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { renderSource } from './source-view.ts';
import { sourceSlice, type SourceState } from './slice.ts';

interface SelectedState {
  selected: string | undefined;
}

export function sourceFeature<S extends CoreState & SourceState & SelectedState>(): Feature<S> {
  return {
    id: 'source',
    slice: sourceSlice<S>(),
    mount({ store, source, panels }) {
      const element = h('aside', { id: 'source-panel', class: 'panel details source-panel' });
      panels.register({
        name: 'source',
        element,
        key: (s) => `${s.dataset}|${s.source}|${s.quote}`,
        async render(state, run) {
          if (!state.source) return;
          const doc = await source.source(state.dataset, state.source);
          if (!run.current()) return;
          renderSource(element, doc, state.quote, state.lang, () =>
            store.update(
              (s) => ({ panel: s.selected ? 'details' : undefined, source: undefined, quote: undefined }) as Partial<S>,
              'push',
            ),
          );
        },
      });
      return {};
    },
  };
}
