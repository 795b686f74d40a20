// Theme: light for desks, a dark high-contrast one for projectors. Owns the `theme` link
// parameter and its button; the page, the canvas's palette and exported pictures follow it.
import { button } from '../../core/dom.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { PALETTES } from '../../graph/theme.ts';
import { t } from '../../i18n.ts';
import { themeSlice, type ThemeState } from './slice.ts';

export function themeFeature<S extends CoreState & ThemeState>(): Feature<S> {
  return {
    id: 'theme',
    slice: themeSlice<S>(),
    mount({ store, chrome, renderer }) {
      const toggle = button('theme-toggle');
      chrome.place('header-end', toggle, 10);
      toggle.addEventListener('click', () =>
        store.update((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' }) as Partial<S>, 'push'),
      );
      const apply = (state: S) => {
        document.documentElement.dataset.theme = state.theme;
        renderer()?.setPalette(PALETTES[state.theme]);
        toggle.textContent = t(state.lang, state.theme === 'dark' ? 'themeLight' : 'themeDark');
      };
      apply(store.get());
      const unsubscribe = store.subscribe((next) => apply(next));
      return { loaded: () => apply(store.get()), dispose: unsubscribe };
    },
  };
}
