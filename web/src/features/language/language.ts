// Language: 中文 / English, live. Owns the `lang` link parameter and the switch button; the
// core relabels the graph and every feature its own text when it changes.
import type { Feature } from '../../core/feature.ts';
import { button } from '../../core/dom.ts';
import type { CoreState } from '../../core/state.ts';
import { t, type Lang } from '../../i18n.ts';
import { languageSlice } from './slice.ts';

export function languageFeature<S extends CoreState>(): Feature<S> {
  return {
    id: 'language',
    slice: languageSlice<S>(),
    mount({ store, chrome }) {
      const toggle = button('lang-toggle');
      chrome.place('header-end', toggle, 20);
      const other = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');
      toggle.addEventListener('click', () => store.update((s) => ({ lang: other(s.lang) }) as Partial<S>, 'push'));
      const relabel = (lang: Lang) => (toggle.textContent = t(lang, 'switchLanguage'));
      relabel(store.get().lang);
      const unsubscribe = store.subscribe((next, previous) => {
        if (next.lang !== previous.lang) relabel(next.lang);
      });
      return { automation: { lang: () => store.get().lang }, dispose: unsubscribe };
    },
  };
}
