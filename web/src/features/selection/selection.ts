// Selection and ego network: a click, a search result or a relation selects a node; its 1- or
// 2-step neighbourhood stays highlighted (hover shows a node's neighbours meanwhile). Owns the
// `node` and `depth` link parameters, the highlight layer and the "select node" command.
import { isNodeId } from '../../../../domain/ids.ts';
import { defineCommand } from '../../core/commands.ts';
import type { Feature } from '../../core/feature.ts';
import type { Highlight } from '../../core/layers.ts';
import type { CoreState } from '../../core/state.ts';
import { egoNetwork } from '../../graph/ego.ts';
import { expandNode } from '../expand/expand.ts';
import type { FiltersState } from '../filters/slice.ts';
import type { SourceState } from '../source/slice.ts';
import { selectionSlice, type SelectionState } from './slice.ts';

/** Selects a node (loading it first if the view lacks it); `fly` moves the camera to it. */
export const selectNode = defineCommand<[id: string, fly: boolean]>('select node');

type State = CoreState & SelectionState & FiltersState & SourceState;

export function selectionFeature<S extends State>(): Feature<S> {
  return {
    id: 'selection',
    slice: selectionSlice<S>(),
    mount({ store, model, layers, addLayer, canvas, commands, renderer }) {
      let hovered: string | undefined;
      const visible = (node: string) => layers.isVisible(node);
      const highlight = (): Highlight | undefined => {
        const { selected, depth } = store.get();
        const h = hovered !== undefined && visible(hovered) ? hovered : undefined;
        const s = selected !== undefined && visible(selected) ? selected : undefined;
        if (h !== undefined) {
          const nodes = egoNetwork(model.graph, h, 1, visible);
          if (s) nodes.add(s);
          return { nodes, focus: new Set(s ? [h, s] : [h]), wide: depth > 1 };
        }
        if (s === undefined) return undefined;
        return { nodes: egoNetwork(model.graph, s, depth, visible), focus: new Set([s]), wide: depth > 1 };
      };
      const layer = addLayer({ id: 'selection', priority: 10, highlight });
      commands.handle(selectNode, async (id, fly) => {
        // A search result beyond the overview is loaded with its neighbourhood first.
        if (!model.graph.hasNode(id)) await commands.run(expandNode, id);
        if (!model.graph.hasNode(id)) return;
        // A node chosen from search or a relation is shown even if a filter had hidden it.
        const type = model.graph.getNodeAttribute(id, 'nodeType');
        store.update(
          (s) =>
            ({
              selected: id,
              panel: 'details',
              source: undefined,
              quote: undefined,
              hiddenTypes: s.hiddenTypes.filter((x) => x !== type),
              hiddenNodes: s.hiddenNodes.filter((x) => x !== id),
            }) as Partial<S>,
          'push',
        );
        if (fly) await renderer()?.flyTo(id);
      });
      // A drawn item that is no data node (an aggregate of a large overview) is not selected.
      const offClick = canvas.on('clickNode', (id) => {
        if (isNodeId(id)) void commands.run(selectNode, id, false);
      });
      const offStage = canvas.on('clickStage', () => {
        const { selected, panel } = store.get();
        if (selected || panel)
          store.update({ selected: undefined, panel: undefined, source: undefined, quote: undefined } as Partial<S>);
      });
      const offHover = canvas.on('hoverNode', (id) => {
        if (id === hovered) return;
        hovered = id;
        layer.changed('highlight');
      });
      const unsubscribe = store.subscribe((next, previous, history) => {
        if (history === 'none' || next.selected !== previous.selected || next.depth !== previous.depth)
          layer.changed('highlight');
      });
      return {
        automation: {
          selected: () => {
            const { selected } = store.get();
            return selected !== undefined && model.graph.hasNode(selected) ? selected : undefined;
          },
        },
        dispose() {
          for (const off of [offClick, offStage, offHover, unsubscribe]) off();
        },
      };
    },
  };
}
