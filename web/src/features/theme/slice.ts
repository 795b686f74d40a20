// The theme feature's slice of the view and the link: its keys, their defaults, how they are
// read from and written to the URL, and what the data must confirm. Pure: no DOM, testable in Node.
import type { CoreState } from '../../core/state.ts';
import { THEMES, type Theme } from '../../graph/theme.ts';
import type { Slice } from '../../core/codec.ts';

export interface ThemeState {
  theme: Theme;
}

const isTheme = (value: string | null): value is Theme => THEMES.includes(value as Theme);

export function themeSlice<S extends CoreState & ThemeState>(): Slice<S> {
  return {
    id: 'theme',
    keys: ['theme'],
    sticky: true,
    params: ['theme'],
    defaults: () => ({ theme: 'light' }) as Partial<S>,
    parse: (params) => {
      const theme = params.get('theme');
      return { theme: isTheme(theme) ? theme : 'light' } as Partial<S>;
    },
    write: (state, out) => {
      if (state.theme !== 'light') out.set('theme', state.theme);
    },
  };
}
