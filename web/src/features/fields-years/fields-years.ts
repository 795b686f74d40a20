// Industry/field and year filters. Ticking fields keeps only them and what is related to them
// ("who works in marine biomedicine?"); unticking a year hides the nodes dated that year (nodes
// without a year stay). Owns the `fields` and `hideYears` link parameters, its layer and facets.
import { FIELD_NODE_TYPE } from '../../../../domain/ontology.ts';
import type { Count, FacetOption } from '../../core/facets.ts';
import type { Feature } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { changed } from '../../core/store.ts';
import { t } from '../../i18n.ts';
import { bump, toggled } from '../filters/filters.ts';
import { fieldsYearsSlice, type FieldsYearsState, FIELDS_YEARS_KEYS } from './slice.ts';

export function fieldsYearsFeature<S extends CoreState & FieldsYearsState>(): Feature<S> {
  return {
    id: 'fields-years',
    slice: fieldsYearsSlice<S>(),
    mount({ store, model, layers, addLayer, facets }) {
      let hidden = new Set<string>();
      const g = model.graph;
      const compute = () => {
        const { fields, hiddenYears } = store.get();
        const years = new Set(hiddenYears);
        let scope: Set<string> | undefined;
        if (fields.length > 0) {
          scope = new Set();
          for (const field of fields) {
            if (!g.hasNode(field)) continue;
            scope.add(field);
            g.forEachNeighbor(field, (neighbor) => scope?.add(neighbor));
          }
        }
        hidden = new Set(
          g.filterNodes(
            (node, a) => (a.year !== undefined && years.has(a.year)) || (scope !== undefined && !scope.has(node)),
          ),
        );
      };
      const layer = addLayer({ id: 'fields-years', hiddenNodes: () => hidden });
      const update = (patch: (s: S) => Partial<S>) => store.update(patch, 'push');
      facets.add({
        order: 20,
        activeFilters: () => store.get().fields.length + store.get().hiddenYears.length,
        reset: () => ({ fields: [], hiddenYears: [] }),
        facets() {
          const { lang, fields: chosen, hiddenYears } = store.get();
          const byYear = new Map<number, Count>();
          const fields: FacetOption[] = [];
          g.forEachNode((node, a) => {
            if (a.year !== undefined) bump(byYear, a.year, layers.isVisible(node));
            if (a.nodeType !== FIELD_NODE_TYPE) return;
            const count = { visible: 0, total: 0 };
            g.forEachNeighbor(node, (neighbor) => {
              count.total++;
              if (layers.isVisible(neighbor)) count.visible++;
            });
            const label = lang === 'zh' ? a.name_zh : a.name_en;
            fields.push({ value: node, label, count, checked: chosen.includes(node) });
          });
          fields.sort((a, b) => b.count.total - a.count.total || a.label.localeCompare(b.label));
          const years = [...byYear]
            .sort(([a], [b]) => a - b)
            .map(([year, count]) => ({
              value: String(year),
              label: String(year),
              count,
              checked: !hiddenYears.includes(year),
            }));
          return [
            {
              id: 'field',
              listId: 'filter-fields',
              chooses: true,
              title: t(lang, 'fields'),
              hint: t(lang, 'fieldsHint'),
              options: fields,
              onToggle: (id) => update((s) => ({ fields: toggled(s.fields, id) }) as Partial<S>),
            },
            {
              id: 'year',
              listId: 'filter-years',
              title: t(lang, 'years'),
              options: years,
              onToggle: (y) => update((s) => ({ hiddenYears: toggled(s.hiddenYears, Number(y)) }) as Partial<S>),
            },
          ];
        },
      });
      const unsubscribe = store.subscribe((next, previous, history) => {
        if (history !== 'none' && !changed(previous, next, FIELDS_YEARS_KEYS)) return;
        compute();
        layer.changed('hidden');
      });
      return { graphChanged: compute, dispose: unsubscribe };
    },
  };
}
