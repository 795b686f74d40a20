// The details panel of the selected node: bilingual names, type, properties, relations grouped
// by type (each one selects its neighbour), evidence with a link to the source, and the node's
// actions (depth of the highlight, paths from here, expand, hide, and those other features add
// with the "add node action" command). Owns the 'details' panel.
import { defineCommand } from '../../core/commands.ts';
import { h } from '../../core/dom.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { expandNode } from '../expand/expand.ts';
import type { FiltersState } from '../filters/slice.ts';
import type { PathsState } from '../paths/slice.ts';
import type { SelectionState } from '../selection/slice.ts';
import { selectNode } from '../selection/selection.ts';
import type { SourceState } from '../source/slice.ts';
import { renderDetails, type NodeAction } from './details-view.ts';
import { detailsSlice } from './slice.ts';

export type { NodeAction } from './details-view.ts';

/** Adds a button to the node's tools in the details panel (details must be mounted first). */
export const addNodeAction = defineCommand<[action: NodeAction]>('add node action');

type State = CoreState & SelectionState & SourceState & PathsState & FiltersState;

export function detailsFeature<S extends State>(): Feature<S> {
  return {
    id: 'details',
    // No keys of its own: it only keeps a link from naming the panel without a selection.
    slice: detailsSlice<S>(),
    mount({ store, source, model, panels, commands }) {
      const element = h('aside', { id: 'details', class: 'panel details', 'aria-live': 'polite' });
      const update = (patch: (s: S) => Partial<S>) => store.update(patch, 'push');
      const actions: NodeAction[] = [];
      commands.handle(addNodeAction, (action) => void actions.push(action));
      panels.register({
        name: 'details',
        element,
        key: (s) => `${s.dataset}|${s.selected}|${s.depth}`,
        hidden: () => delete element.dataset.node,
        async render(state, run) {
          const { selected } = state;
          if (!selected || !model.schema) return;
          const details = await source.node(state.dataset, selected);
          if (!run.current()) return;
          renderDetails(element, details, model.schema.nodeTypes, state.lang, state.depth, {
            onSelectNode: (next) => void commands.run(selectNode, next, true),
            onClose: () => update(() => ({ selected: undefined, panel: undefined }) as Partial<S>),
            onOpenSource: (sourceId, quote) =>
              update(() => ({ panel: 'source', source: sourceId, quote }) as Partial<S>),
            onHide: (id) =>
              update(
                (s) => ({ hiddenNodes: [...s.hiddenNodes, id], selected: undefined, panel: undefined }) as Partial<S>,
              ),
            onDepth: (depth) => update(() => ({ depth }) as Partial<S>),
            onPathsFrom: (id) => update(() => ({ panel: 'paths', pathFrom: id, pathTo: undefined }) as Partial<S>),
            onExpand: (id) => void commands.run(expandNode, id),
            actions,
          });
        },
      });
      return {};
    },
  };
}
