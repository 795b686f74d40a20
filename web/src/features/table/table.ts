// The table: the visible nodes as a sortable, filterable, keyboard-usable table whose rows
// select their node on the graph — an accessible alternative to the canvas. Owns the 'table'
// panel and its toolbar button.
import { button, h } from '../../core/dom.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { t } from '../../i18n.ts';
import type { SelectionState } from '../selection/slice.ts';
import { NodeTable, type TableRow } from './node-table.ts';

export function tableFeature<S extends CoreState & SelectionState>(): Feature<S> {
  return {
    id: 'table',
    mount({ store, model, layers, panels, chrome, renderer }) {
      const element = h('aside', { id: 'table-panel', class: 'panel details table-panel' });
      const toggle = button('table-toggle');
      chrome.place('toolbar', toggle, 40);
      toggle.addEventListener('click', () =>
        store.update((s) => ({ panel: s.panel === 'table' ? undefined : 'table' }) as Partial<S>, 'push'),
      );
      const table = new NodeTable(element, {
        onSelect: (id) => {
          store.update({ selected: id, panel: 'table' } as Partial<S>, 'push');
          void renderer()?.flyTo(id);
        },
        onClose: () => store.update((s) => ({ panel: s.selected ? 'details' : undefined }) as Partial<S>, 'push'),
      });
      const rows = (lang: S['lang']): TableRow[] => {
        const g = model.graph;
        const out: TableRow[] = [];
        g.forEachNode((id, a) => {
          if (!layers.isVisible(id)) return;
          let degree = 0;
          g.forEachEdge(id, (edge, _attrs, source, target) => {
            if (layers.isEdgeVisible(edge) && layers.isVisible(source) && layers.isVisible(target)) degree++;
          });
          out.push({
            id,
            name: lang === 'zh' ? a.name_zh : a.name_en,
            otherName: lang === 'zh' ? a.name_en : a.name_zh,
            type: model.typeName(a.nodeType, lang),
            degree,
          });
        });
        return out;
      };
      panels.register({
        name: 'table',
        element,
        key: (s) => String(s.selected),
        render: (state) => table.render(rows(state.lang), state.lang, state.selected),
      });
      const relabel = (state: S) => {
        toggle.textContent = t(state.lang, 'table');
        toggle.setAttribute('aria-pressed', state.panel === 'table' ? 'true' : 'false');
      };
      relabel(store.get());
      const unsubscribe = store.subscribe((next) => relabel(next));
      // Filters change which rows are there.
      const offLayers = layers.onChange((what) => {
        if (what === 'hidden') panels.refresh('table', store.get());
      });
      return {
        dispose() {
          unsubscribe();
          offLayers();
        },
      };
    },
  };
}
