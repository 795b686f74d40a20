// Paths: "How is A linked to B?" — up to five shortest paths, drawn highlighted (through
// filtered-out nodes too) and written out as chains. Owns the `from` and `to` link parameters,
// the 'paths' panel with its two search boxes, and the path layer (above the selection's).
import { h } from '../../core/dom.ts';
import type { Feature } from '../../core/feature.ts';
import type { Highlight } from '../../core/layers.ts';
import type { CoreState } from '../../core/state.ts';
import { SearchBox } from '../search/search-box.ts';
import type { SelectionState } from '../selection/slice.ts';
import { selectNode } from '../selection/selection.ts';
import { renderPaths } from './paths-view.ts';
import { pathsSlice, type PathsState } from './slice.ts';

const PATH_HOPS = 6;
const PATH_COUNT = 5;

export function pathsFeature<S extends CoreState & PathsState & SelectionState>(): Feature<S> {
  return {
    id: 'paths',
    slice: pathsSlice<S>(),
    mount({ store, source, model, panels, commands, addLayer }) {
      const element = h('aside', { id: 'paths-panel', class: 'panel details paths-panel', 'aria-live': 'polite' });
      let shown: Highlight | undefined;
      const layer = addLayer({ id: 'paths', priority: 20, highlight: () => shown });
      const show = (paths: { nodes: string[]; edges: string[] } | undefined) => {
        shown = paths && {
          nodes: new Set(paths.nodes.filter((n) => model.graph.hasNode(n))),
          focus: new Set(paths.nodes.filter((n) => model.graph.hasNode(n))),
          edges: new Set(paths.edges),
        };
        layer.changed('highlight');
      };
      const end = (key: 'pathFrom' | 'pathTo') =>
        new SearchBox({
          source,
          dataset: () => store.get().dataset,
          lang: () => store.get().lang,
          typeName: (type) => model.typeName(type, store.get().lang),
          idPrefix: key === 'pathFrom' ? 'path-from' : 'path-to',
          onChoose: (id) => store.update({ panel: 'paths', [key]: id } as Partial<S>, 'push'),
        });
      const from = end('pathFrom');
      const to = end('pathTo');
      const handlers = {
        onSelectNode: (id: string) => void commands.run(selectNode, id, true),
        onClose: () =>
          store.update(
            (s) =>
              ({ panel: s.selected ? 'details' : undefined, pathFrom: undefined, pathTo: undefined }) as Partial<S>,
            'push',
          ),
      };
      panels.register({
        name: 'paths',
        element,
        key: (s) => `${s.dataset}|${s.pathFrom}|${s.pathTo}`,
        hidden: () => show(undefined),
        async render(state, run) {
          const lang = state.lang;
          from.setValue(model.nodeName(state.pathFrom, lang));
          to.setValue(model.nodeName(state.pathTo, lang));
          from.relabel();
          to.relabel();
          const slots = { from: from.root, to: to.root };
          if (!state.pathFrom || !state.pathTo) {
            show(undefined);
            renderPaths(element, slots, undefined, PATH_HOPS, lang, handlers);
            return;
          }
          const result = await source.paths(state.dataset, state.pathFrom, state.pathTo, PATH_HOPS, PATH_COUNT);
          if (!run.current()) return;
          show({
            nodes: result.paths.flatMap((p) => p.nodes.map((n) => n.id)),
            edges: result.paths.flatMap((p) => p.edges.map((e) => e.id)),
          });
          renderPaths(element, slots, result.paths, PATH_HOPS, lang, handlers);
        },
      });
      return {};
    },
  };
}
