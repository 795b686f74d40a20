// The legend doubles as the filter. Each facet (node types, relation types, industry/field,
// year) is described as data — its options with colour, live count (visible / total) and state —
// and this one renderer draws them all; a reset brings everything back.
import { t, type Lang } from '../i18n.ts';
import { h } from './dom.ts';

export interface Count {
  visible: number;
  total: number;
}

export interface FacetOption {
  value: string;
  label: string;
  /** A colour swatch (node types), or a line (relation types), or nothing. */
  swatch?: { color: string } | 'line';
  count: Count;
  checked: boolean;
}

export interface Facet {
  /** Used in element ids: the list is `filter-<id>s`, a checkbox `filter-<id>-<value>`. */
  id: 'type' | 'rel' | 'field' | 'year';
  title: string;
  /** One line under the title saying what ticking does. */
  hint?: string;
  options: readonly FacetOption[];
  onToggle: (value: string) => void;
}

export interface FilterTotals {
  nodes: number;
  edges: number;
}

const LIST_IDS: Record<Facet['id'], string> = {
  type: 'filter-types',
  rel: 'filter-relations',
  field: 'filter-fields',
  year: 'filter-years',
};

export function renderFilters(
  root: HTMLElement,
  facets: readonly Facet[],
  totals: FilterTotals,
  lang: Lang,
  reset: { active: boolean; onReset: () => void },
): void {
  const resetButton = h('button', { type: 'button', id: 'filters-reset', disabled: !reset.active }, t(lang, 'reset'));
  resetButton.addEventListener('click', reset.onReset);
  const sections = facets
    .filter((facet) => facet.options.length > 0)
    .flatMap((facet, index) => [
      ...(index === 0 ? [] : [h('h2', {}, facet.title)]),
      ...(facet.hint ? [h('p', { class: 'facet-hint' }, facet.hint)] : []),
      h(
        'ul',
        { class: 'filter-list', id: LIST_IDS[facet.id] },
        ...facet.options.map((option) => optionRow(facet, option)),
      ),
    ]);
  root.replaceChildren(
    h('div', { class: 'panel-head' }, h('h2', {}, facets[0]?.title ?? t(lang, 'legend')), resetButton),
    ...sections,
    h(
      'p',
      { class: 'totals', id: 'visible-totals' },
      t(lang, 'nodesEdges', { nodes: totals.nodes, edges: totals.edges }),
    ),
  );
}

function optionRow(facet: Facet, option: FacetOption): HTMLElement {
  const id = `filter-${facet.id}-${option.value}`;
  const box = h('input', { type: 'checkbox', id, checked: option.checked });
  box.addEventListener('change', () => facet.onToggle(option.value));
  const swatch = h('span', { class: option.swatch === 'line' ? 'swatch line' : 'swatch', 'aria-hidden': 'true' });
  if (option.swatch && option.swatch !== 'line') swatch.style.background = option.swatch.color;
  const { visible, total } = option.count;
  const off = facet.id !== 'field' && !option.checked;
  return h(
    'li',
    { 'data-type': option.value, class: off ? 'off' : undefined },
    h('label', { for: id }, box, ...(option.swatch ? [swatch] : []), h('span', { class: 'name' }, option.label)),
    h('span', { class: 'count' }, off ? `0/${total}` : visible === total ? String(total) : `${visible}/${total}`),
  );
}
