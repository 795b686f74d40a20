// The legend doubles as the filter. Features contribute facets (node types, relation types,
// industry/field, year, …), each described as data — its options with colour, live count
// (visible / total) and state — and this host draws them all in the legend panel, with the
// visible totals and one reset that asks every contributor to clear its filters.
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
  /** Used in element ids: a checkbox is `filter-<id>-<value>`. */
  id: string;
  /** The list's element id. */
  listId: string;
  /** Ticking chooses (fields: only what is ticked is shown) instead of showing (types). */
  chooses?: boolean;
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

/** What a feature contributes to the legend. */
export interface FacetProvider {
  /** Its facets for the view now (options and counts read from the graph). */
  facets(): Facet[];
  /** How many of its filters are on (the reset button is enabled when any is). */
  activeFilters(): number;
  /** The view patch that clears its filters. */
  reset(): object;
  /** Order in the legend (lower first). */
  order: number;
}

export class FacetHost {
  private readonly providers: FacetProvider[] = [];

  constructor(
    private readonly root: HTMLElement,
    /** Applies the patches of a reset as one change (one history entry). */
    private readonly apply: (patch: object) => void,
  ) {}

  add(provider: FacetProvider): void {
    this.providers.push(provider);
    this.providers.sort((a, b) => a.order - b.order);
  }

  render(totals: FilterTotals, lang: Lang): void {
    const active = this.providers.reduce((sum, p) => sum + p.activeFilters(), 0);
    renderFilters(
      this.root,
      this.providers.flatMap((p) => p.facets()),
      totals,
      lang,
      {
        active: active > 0,
        onReset: () => this.apply(Object.assign({}, ...this.providers.map((p) => p.reset()))),
      },
    );
  }
}

function renderFilters(
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
      h('ul', { class: 'filter-list', id: facet.listId }, ...facet.options.map((option) => optionRow(facet, option))),
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
  const off = !facet.chooses && !option.checked;
  return h(
    'li',
    { 'data-type': option.value, class: off ? 'off' : undefined },
    h('label', { for: id }, box, ...(option.swatch ? [swatch] : []), h('span', { class: 'name' }, option.label)),
    h('span', { class: 'count' }, off ? `0/${total}` : visible === total ? String(total) : `${visible}/${total}`),
  );
}
