// The dataset switcher: every dataset the server holds, with its size, in the header. Choosing
// one loads it in place (no page reload) and is part of the link (`dataset`, a push: Back
// returns to the previous one). The list is read again after every load, so a dataset that an
// import just made is there.
import { h } from '../../core/dom.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import type { DatasetSummary } from '../../data/types.ts';
import { t, type Lang } from '../../i18n.ts';

function optionLabel(d: DatasetSummary, lang: Lang): string {
  const title = (lang === 'zh' ? d.title_zh : d.title_en) ?? d.name;
  const synthetic = d.synthetic ? ` · ${t(lang, 'synthetic')}` : '';
  return `${title} (${t(lang, 'nodesEdges', { nodes: d.nodes, edges: d.relations })}${synthetic})`;
}

export function datasetsFeature<S extends CoreState>(): Feature<S> {
  return {
    id: 'datasets',
    mount({ store, source, chrome, switchDataset }) {
      const select = h('select', { id: 'dataset-select' });
      chrome.place('search', select, -10);
      let list: DatasetSummary[] = [];
      const render = () => {
        const { dataset, lang } = store.get();
        const known = list.some((d) => d.name === dataset);
        const options = (known ? list : [...list, { name: dataset } as DatasetSummary]).map((d) =>
          h(
            'option',
            { value: d.name, selected: d.name === dataset },
            d.title_zh === undefined ? d.name : optionLabel(d, lang),
          ),
        );
        select.replaceChildren(...options);
        select.value = dataset;
        const text = t(lang, 'dataset');
        select.setAttribute('aria-label', text);
        select.title = text;
      };
      const refresh = async () => {
        try {
          list = await source.datasets();
        } catch {
          // The list is a convenience: the dataset in view is still shown without it.
        }
        render();
      };
      select.addEventListener('change', () => {
        if (select.value !== store.get().dataset) switchDataset(select.value);
      });
      render();
      const unsubscribe = store.subscribe((next, previous) => {
        if (next.dataset !== previous.dataset || next.lang !== previous.lang) render();
      });
      return {
        loaded: () => void refresh(),
        automation: { datasets: () => list.map((d) => d.name) },
        dispose: unsubscribe,
      };
    },
  };
}
