// Legend filters: node types and relation types as toggles with live counts (visible/total),
// and the nodes the user hid. Owns the `hide`, `hideRel` and `hideNodes` link parameters and
// the layer that hides them; its facets head the legend.
import type { Count, FacetOption } from '../../core/facets.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { changed } from '../../core/store.ts';
import { t, type Lang } from '../../i18n.ts';
import { filtersSlice, type FiltersState, FILTER_KEYS } from './slice.ts';

export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Adds one to an item's total, and to its visible count when it is visible. */
export function bump<K>(map: Map<K, Count>, key: K, visible: boolean): void {
  const count = map.get(key) ?? { visible: 0, total: 0 };
  count.total++;
  if (visible) count.visible++;
  map.set(key, count);
}

/** Node or relation types present in the view, as filter options (ticked: shown). */
function typeOptions(
  types: readonly { type: string; name_zh: string; name_en: string; color?: string }[],
  counts: ReadonlyMap<string, Count>,
  hidden: readonly string[],
  lang: Lang,
  swatch: (color: string | undefined) => FacetOption['swatch'],
): FacetOption[] {
  return types.flatMap((x) => {
    const count = counts.get(x.type);
    if (!count) return [];
    const label = lang === 'zh' ? x.name_zh : x.name_en;
    return [{ value: x.type, label, swatch: swatch(x.color), count, checked: !hidden.includes(x.type) }];
  });
}

export function filtersFeature<S extends CoreState & FiltersState>(): Feature<S> {
  return {
    id: 'filters',
    slice: filtersSlice<S>(),
    mount({ store, model, layers, addLayer, facets }) {
      let hiddenNodes = new Set<string>();
      let hiddenEdges = new Set<string>();
      const compute = () => {
        const s = store.get();
        const types = new Set(s.hiddenTypes);
        const ids = new Set(s.hiddenNodes);
        const rels = new Set(s.hiddenRelTypes);
        hiddenNodes = new Set(model.graph.filterNodes((node, a) => types.has(a.nodeType) || ids.has(node)));
        hiddenEdges = new Set(rels.size ? model.graph.filterEdges((_e, a) => rels.has(a.relType)) : []);
      };
      const layer = addLayer({ id: 'filters', hiddenNodes: () => hiddenNodes, hiddenEdges: () => hiddenEdges });
      const update = (patch: (s: S) => Partial<S>) => store.update(patch, 'push');
      facets.add({
        order: 10,
        activeFilters: () => FILTER_KEYS.reduce((sum, key) => sum + store.get()[key].length, 0),
        reset: () => ({ hiddenTypes: [], hiddenRelTypes: [], hiddenNodes: [] }),
        facets() {
          const { lang, hiddenTypes, hiddenRelTypes } = store.get();
          const nodes = new Map<string, Count>();
          const edges = new Map<string, Count>();
          model.graph.forEachNode((node, a) => bump(nodes, a.nodeType, layers.isVisible(node)));
          model.graph.forEachEdge((edge, a) => bump(edges, a.relType, layers.isEdgeVisible(edge)));
          const schema = model.schema;
          return [
            {
              id: 'type',
              listId: 'filter-types',
              title: t(lang, 'legend'),
              options: typeOptions(schema?.nodeTypes ?? [], nodes, hiddenTypes, lang, (color) => ({
                color: color ?? '#888',
              })),
              onToggle: (type) => update((s) => ({ hiddenTypes: toggled(s.hiddenTypes, type) }) as Partial<S>),
            },
            {
              id: 'rel',
              listId: 'filter-relations',
              title: t(lang, 'relations'),
              options: typeOptions(schema?.relationTypes ?? [], edges, hiddenRelTypes, lang, () => 'line'),
              onToggle: (type) => update((s) => ({ hiddenRelTypes: toggled(s.hiddenRelTypes, type) }) as Partial<S>),
            },
          ];
        },
      });
      const unsubscribe = store.subscribe((next, previous, history) => {
        if (history !== 'none' && !changed(previous, next, FILTER_KEYS)) return;
        compute();
        layer.changed('hidden');
      });
      // After a merge the core merges the layers again; new nodes of a hidden type stay hidden.
      return { graphChanged: compute, dispose: unsubscribe };
    },
  };
}
