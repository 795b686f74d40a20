// Paths: "How is A linked to B?" — up to five shortest paths, drawn highlighted (through
// filtered-out nodes too) and written out as chains, and below them the actors that lie on most
// of the shortest paths (hovering or pinning one highlights the paths through it). Owns the
// `from` and `to` link parameters, the 'paths' panel with its two search boxes, and the path
// layer (above the selection's).
import { h } from '../../core/dom.ts';
import type { Feature, FeatureContext } from '../../core/feature.ts';
import type { Highlight } from '../../core/layers.ts';
import type { CoreState } from '../../core/state.ts';
import type { PathThroughPayload } from '../../data/types.ts';
import { SearchBox } from '../search/search-box.ts';
import type { SelectionState } from '../selection/slice.ts';
import { selectNode } from '../selection/selection.ts';
import { renderPaths } from './paths-view.ts';
import { pathsSlice, type PathsState } from './slice.ts';
import { renderThrough } from './through-view.ts';
import { pathsHighlight, type DrawnPath } from './through.ts';

const PATH_HOPS = 6;
const PATH_COUNT = 5;

type State = CoreState & PathsState & SelectionState;

export function pathsFeature<S extends State>(): Feature<S> {
  return {
    id: 'paths',
    slice: pathsSlice<S>(),
    mount(ctx) {
      const { store, source, model, panels, commands } = ctx;
      const element = h('aside', { id: 'paths-panel', class: 'panel details paths-panel', 'aria-live': 'polite' });
      const drawing = pathsLayer(ctx);
      let through: { payload: PathThroughPayload | undefined; section: HTMLElement } | undefined;
      const throughSection = (payload: PathThroughPayload | undefined) => {
        const section = renderThrough(payload, drawing.pinned(), store.get().lang, {
          onHover: (id) => drawing.hover(id),
          onPin: (id) => {
            drawing.pin(id);
            if (!through) return;
            const next = throughSection(through.payload);
            through.section.replaceWith(next);
            through = { payload: through.payload, section: next };
          },
        });
        return section;
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
        hidden: () => drawing.show(undefined),
        async render(state, run) {
          const lang = state.lang;
          from.setValue(model.nodeName(state.pathFrom, lang));
          to.setValue(model.nodeName(state.pathTo, lang));
          from.relabel();
          to.relabel();
          const slots = { from: from.root, to: to.root };
          through = undefined;
          if (!state.pathFrom || !state.pathTo) {
            drawing.show(undefined);
            renderPaths(element, slots, undefined, PATH_HOPS, lang, handlers);
            return;
          }
          const [result, payload] = await Promise.all([
            source.paths(state.dataset, state.pathFrom, state.pathTo, PATH_HOPS, PATH_COUNT),
            // The paths stand without it: a failure only says so below them.
            source.pathsThrough(state.dataset, state.pathFrom, state.pathTo).catch(() => undefined),
          ]);
          if (!run.current()) return;
          drawing.show(result.paths.map((p) => ({ nodes: p.nodes.map((n) => n.id), edges: p.edges.map((e) => e.id) })));
          const section = result.paths.length > 0 ? throughSection(payload) : undefined;
          through = section && { payload, section };
          renderPaths(element, slots, result.paths, PATH_HOPS, lang, handlers, section);
        },
      });
      return {
        graphChanged: () => drawing.refresh(),
        automation: {
          pathsThrough: () => through?.payload?.through.map((a) => a.id) ?? [],
          pathsThroughHighlighted: () => drawing.actor(),
        },
      };
    },
  };
}

/** The paths drawn, or those through the actor hovered or pinned in the list below them. */
function pathsLayer<S extends State>({ addLayer, model }: FeatureContext<S>) {
  let paths: DrawnPath[] | undefined;
  let hovered: string | undefined;
  let pinned: string | undefined;
  let shown: Highlight | undefined;
  const layer = addLayer({ id: 'paths', priority: 20, highlight: () => shown });
  const refresh = () => {
    const drawn = paths && pathsHighlight(paths, hovered ?? pinned);
    const present = (ids: string[]) => new Set(ids.filter((n) => model.graph.hasNode(n)));
    shown = drawn && { nodes: present(drawn.nodes), focus: present(drawn.focus), edges: new Set(drawn.edges) };
    layer.changed('highlight');
  };
  return {
    show(next: DrawnPath[] | undefined) {
      paths = next;
      hovered = undefined;
      pinned = undefined;
      refresh();
    },
    hover(id: string | undefined) {
      if (id === hovered) return;
      hovered = id;
      refresh();
    },
    pin(id: string) {
      pinned = pinned === id ? undefined : id;
      refresh();
    },
    pinned: () => pinned,
    actor: () => hovered ?? pinned,
    refresh,
  };
}
