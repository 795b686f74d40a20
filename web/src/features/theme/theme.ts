// Theme: light for desks, dark, and projector (light, high contrast, larger type, nodes and
// lines) for conference rooms. Owns the `theme` link parameter and its button, which moves to
// the next theme; the page, the canvas's palette and exported pictures follow it. The canvas
// also follows the page's scale on very large screens (`--ui-zoom` in style.css), so that a
// 4K projector does not show tiny labels.
import { button } from '../../core/dom.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { PALETTES, type Theme } from '../../graph/theme.ts';
import { t, type StringKey } from '../../i18n.ts';
import { themeSlice, type ThemeState } from './slice.ts';

/** What the button moves to: light → projector (what a presenter wants next) → dark → light. */
const NEXT: Record<Theme, Theme> = { light: 'projector', projector: 'dark', dark: 'light' };
const NAMES: Record<Theme, StringKey> = { light: 'themeLight', dark: 'themeDark', projector: 'themeProjector' };

/** The page's scale for the screen's size, as style.css sets it (1 below 2400 px wide). */
function uiZoom(): number {
  const value = Number(getComputedStyle(document.documentElement).getPropertyValue('--ui-zoom'));
  return Number.isFinite(value) && value > 0 ? value : 1;
}

export function themeFeature<S extends CoreState & ThemeState>(): Feature<S> {
  return {
    id: 'theme',
    slice: themeSlice<S>(),
    mount({ store, chrome, renderer }) {
      const toggle = button('theme-toggle');
      chrome.place('header-end', toggle, 10);
      toggle.addEventListener('click', () => store.update((s) => ({ theme: NEXT[s.theme] }) as Partial<S>, 'push'));
      const apply = (state: S) => {
        document.documentElement.dataset.theme = state.theme;
        renderer()?.setPalette(PALETTES[state.theme], uiZoom());
        const next = NEXT[state.theme];
        toggle.textContent = t(state.lang, NAMES[next]);
        toggle.title = t(state.lang, 'themeNow', {
          theme: t(state.lang, NAMES[state.theme]),
          next: toggle.textContent,
        });
      };
      apply(store.get());
      const unsubscribe = store.subscribe((next) => apply(next));
      // The window crossing a size threshold changes the page's scale, and the canvas follows.
      const resized = () => renderer()?.setPalette(PALETTES[store.get().theme], uiZoom());
      window.addEventListener('resize', resized);
      return {
        loaded: () => apply(store.get()),
        automation: { theme: () => ({ name: store.get().theme, uiZoom: uiZoom() }) },
        dispose() {
          window.removeEventListener('resize', resized);
          unsubscribe();
        },
      };
    },
  };
}
