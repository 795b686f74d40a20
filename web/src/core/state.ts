// The keys of the view that the core itself reads, and the core's slice of the URL (dataset,
// open panel, overview limit). `lang` is read by the core too, but the language feature owns
// its slice. Everything else belongs to features.
import { CURATED_DATASET, isDatasetName } from '../../../domain/ids.ts';
import type { Lang } from '../i18n.ts';
import { readOne, writeOne, type Slice } from './codec.ts';
import { MAX_OVERVIEW_LIMIT } from '../data/requests.ts';

export interface CoreState {
  dataset: string;
  lang: Lang;
  /** The side panel open now (a registered panel's name), or none. */
  panel: string | undefined;
  /** At most this many nodes (best connected first) in the overview; undefined: the default. */
  limit: number | undefined;
}

// Declared beside the request URLs: the page's first requests start before this module loads.
export { DEFAULT_OVERVIEW_LIMIT, MAX_OVERVIEW_LIMIT } from '../data/requests.ts';

export function coreSlice<S extends CoreState>(panels: () => ReadonlySet<string>): Slice<S> {
  return {
    id: 'core',
    keys: ['dataset', 'panel', 'limit'],
    params: ['dataset', 'panel', 'limit'],
    defaults: () => ({ dataset: CURATED_DATASET, panel: undefined, limit: undefined }) as Partial<S>,
    parse(params) {
      const limit = Number(params.get('limit'));
      return {
        dataset: readOne(params, 'dataset', isDatasetName) ?? CURATED_DATASET,
        // Panels register when features mount: the name is checked against them on validation.
        panel: readOne(params, 'panel', (name) => /^[a-z][a-z-]{0,30}$/.test(name)),
        limit: Number.isInteger(limit) && limit >= 1 && limit <= MAX_OVERVIEW_LIMIT ? limit : undefined,
      } as Partial<S>;
    },
    validate: (state) =>
      (state.panel !== undefined && !panels().has(state.panel) ? { panel: undefined } : {}) as Partial<S>,
    write(state, out) {
      if (state.dataset !== CURATED_DATASET) out.set('dataset', state.dataset);
      writeOne(out, 'panel', state.panel);
      if (state.limit !== undefined) out.set('limit', String(state.limit));
    },
  };
}
