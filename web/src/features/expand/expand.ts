// Expand: loads a node's neighbours from the server into the view ("Expand neighbours", and a
// search result beyond a partial overview). Owns the `expand` link parameter: a shared link
// brings its expansions, which join the overview before it is drawn.
import { defineCommand } from '../../core/commands.ts';
import type { Feature } from '../../core/feature.ts';
import { mergePayload } from '../../core/model.ts';
import type { CoreState } from '../../core/state.ts';
import { DataSourceError } from '../../data/source.ts';
import { t } from '../../i18n.ts';
import type { FiltersState } from '../filters/slice.ts';
import type { SelectionState } from '../selection/slice.ts';
import { expandSlice, type ExpandState } from './slice.ts';

/** Loads a node's neighbourhood into the view. */
export const expandNode = defineCommand<[id: string]>('expand node');

type State = CoreState & ExpandState & SelectionState & FiltersState;

export function expandFeature<S extends State>(): Feature<S> {
  return {
    id: 'expand',
    slice: expandSlice<S>(),
    mount({ store, source, model, chrome, commands }) {
      commands.handle(expandNode, async (id) => {
        const { dataset, lang } = store.get();
        let neighbourhood;
        try {
          neighbourhood = await source.neighbors(dataset, id);
        } catch (error) {
          chrome.showNotice(t(lang, 'panelFailed', { message: (error as Error).message }));
          return;
        }
        // Merging tells the core, which recomputes the layers; the layout feature runs briefly.
        const added = model.merge(neighbourhood);
        const ids = new Set(neighbourhood.nodes.map((n) => n.id));
        chrome.showNotice(added.nodes > 0 ? t(lang, 'expanded', { count: added.nodes }) : t(lang, 'expandedNone'));
        store.update(
          (s) =>
            ({
              expanded: s.expanded.includes(id) ? s.expanded : [...s.expanded, id],
              hiddenNodes: s.hiddenNodes.filter((x) => !ids.has(x)),
              selected: id,
              panel: 'details',
            }) as Partial<S>,
          'push',
        );
      });
      return {
        async extendOverview(payload) {
          const { dataset, expanded } = store.get();
          const kept: string[] = [];
          for (const id of expanded) {
            const neighbourhood = await source.neighbors(dataset, id).catch((error: unknown) => {
              if (error instanceof DataSourceError && error.status === 404) return undefined;
              throw error;
            });
            if (!neighbourhood) continue;
            kept.push(id);
            mergePayload(payload, neighbourhood);
          }
          store.update({ expanded: kept } as Partial<S>, 'none');
        },
      };
    },
  };
}
