// Search: one box for Chinese, English, aliases, pinyin and initials; a chosen result is
// selected, flown to and highlighted (loaded first when outside a partial overview). Owns the
// header's search slot and the "/" key.
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { selectNode } from '../selection/selection.ts';
import { SearchBox } from './search-box.ts';

export function searchFeature<S extends CoreState>(): Feature<S> {
  return {
    id: 'search',
    mount({ store, source, model, chrome, commands }) {
      const search = new SearchBox({
        source,
        dataset: () => store.get().dataset,
        lang: () => store.get().lang,
        typeName: (type) => model.typeName(type, store.get().lang),
        onChoose: (id) => void commands.run(selectNode, id, true),
      });
      chrome.place('search', search.root, 0);
      const unsubscribe = store.subscribe((next, previous) => {
        if (next.lang !== previous.lang) search.relabel();
      });
      return {
        // "/" focuses the search box (as in many tools), unless typing elsewhere.
        keys: [{ key: '/', run: () => search.focus() }],
        dispose: unsubscribe,
      };
    },
  };
}
