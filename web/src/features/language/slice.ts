// The language feature's slice of the view and the link: its keys, their defaults, how they are
// read from and written to the URL, and what the data must confirm. Pure: no DOM, testable in Node.
import type { CoreState } from '../../core/state.ts';
import type { Slice } from '../../core/codec.ts';

export function languageSlice<S extends CoreState>(): Slice<S> {
  return {
    id: 'language',
    keys: ['lang'],
    sticky: true,
    params: ['lang'],
    defaults: (ctx) => ({ lang: ctx.fallbackLang }) as Partial<S>,
    parse(params, ctx) {
      const lang = params.get('lang');
      return { lang: lang === 'zh' || lang === 'en' ? lang : ctx.fallbackLang } as Partial<S>;
    },
    // Always written: a shared link shows the language it was made in.
    write: (state, out) => out.set('lang', state.lang),
  };
}
