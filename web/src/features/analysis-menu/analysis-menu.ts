// The "Analysis" menu of the toolbar: one entry per analytics view (brokers, gaps, …), each
// opening or closing its panel. The header has no room for a button per view at 1280 px, so
// the views share this menu; a feature adds its entry with the "add analysis view" command
// (this feature must be mounted first). The menu stays out of sight while it has no entry.
import { defineCommand } from '../../core/commands.ts';
import { h } from '../../core/dom.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { t, type Lang } from '../../i18n.ts';

export interface AnalysisView {
  /** The panel the entry opens and closes. */
  readonly panel: string;
  label(lang: Lang): string;
  /** Place in the menu (lower first). */
  readonly order: number;
}

export const addAnalysisView = defineCommand<[view: AnalysisView]>('add analysis view');

interface SelectedState {
  selected: string | undefined;
}

export function analysisMenuFeature<S extends CoreState & SelectedState>(): Feature<S> {
  return {
    id: 'analysis-menu',
    mount({ store, chrome, commands }) {
      const label = h('summary', { id: 'analysis-label' });
      const items = h('div', { class: 'menu-items' });
      const menu = h('details', { id: 'analysis-menu', class: 'menu' }, label, items);
      menu.hidden = true;
      chrome.place('toolbar', menu, 41);
      const views: { view: AnalysisView; button: HTMLButtonElement }[] = [];
      const relabel = (state: S) => {
        label.textContent = t(state.lang, 'analysis');
        label.setAttribute('aria-current', views.some((v) => v.view.panel === state.panel) ? 'true' : 'false');
        for (const { view, button } of views) {
          button.textContent = view.label(state.lang);
          button.setAttribute('aria-pressed', state.panel === view.panel ? 'true' : 'false');
        }
      };
      commands.handle(addAnalysisView, (view) => {
        const button = h('button', { type: 'button', 'data-panel': view.panel, id: `${view.panel}-toggle` });
        button.addEventListener('click', () => {
          menu.open = false;
          store.update(
            (s) =>
              ({ panel: s.panel === view.panel ? (s.selected ? 'details' : undefined) : view.panel }) as Partial<S>,
            'push',
          );
        });
        views.push({ view, button });
        views.sort((a, b) => a.view.order - b.view.order);
        items.replaceChildren(...views.map((v) => v.button));
        menu.hidden = false;
        relabel(store.get());
      });
      relabel(store.get());
      return { dispose: store.subscribe((next) => relabel(next)) };
    },
  };
}
