// The legend doubles as the filter: each node type and relation type is a toggle with its
// colour and a live count (visible / total); a reset brings everything back.
import type { SchemaNodeType, SchemaRelationType } from '../data/types.ts';
import { t, type Lang } from '../i18n.ts';
import { h } from './dom.ts';

export interface FilterCounts {
  nodesByType: ReadonlyMap<string, { visible: number; total: number }>;
  edgesByType: ReadonlyMap<string, { visible: number; total: number }>;
  nodes: number;
  edges: number;
}

export interface FilterHandlers {
  onToggleType: (type: string) => void;
  onToggleRelType: (type: string) => void;
  onReset: () => void;
}

export function renderFilters(
  root: HTMLElement,
  nodeTypes: readonly SchemaNodeType[],
  relationTypes: readonly SchemaRelationType[],
  hidden: { types: ReadonlySet<string>; relTypes: ReadonlySet<string> },
  counts: FilterCounts,
  lang: Lang,
  handlers: FilterHandlers,
): void {
  const row = (
    kind: 'type' | 'rel',
    type: string,
    label: string,
    color: string | undefined,
    count: { visible: number; total: number },
    off: boolean,
  ) => {
    const box = h('input', { type: 'checkbox', id: `filter-${kind}-${type}`, checked: !off });
    box.addEventListener('change', () =>
      kind === 'type' ? handlers.onToggleType(type) : handlers.onToggleRelType(type),
    );
    const swatch = h('span', { class: color ? 'swatch' : 'swatch line', 'aria-hidden': 'true' });
    if (color) swatch.style.background = color;
    return h(
      'li',
      { 'data-type': type, class: off ? 'off' : undefined },
      h('label', { for: `filter-${kind}-${type}` }, box, swatch, h('span', { class: 'name' }, label)),
      h(
        'span',
        { class: 'count' },
        off
          ? `0/${count.total}`
          : String(count.visible === count.total ? count.total : `${count.visible}/${count.total}`),
      ),
    );
  };
  const reset = h(
    'button',
    { type: 'button', id: 'filters-reset', disabled: hidden.types.size === 0 && hidden.relTypes.size === 0 },
    t(lang, 'reset'),
  );
  reset.addEventListener('click', handlers.onReset);
  const presentTypes = nodeTypes.filter((type) => (counts.nodesByType.get(type.type)?.total ?? 0) > 0);
  const presentRels = relationTypes.filter((type) => (counts.edgesByType.get(type.type)?.total ?? 0) > 0);
  root.replaceChildren(
    h('div', { class: 'panel-head' }, h('h2', {}, t(lang, 'legend')), reset),
    h(
      'ul',
      { class: 'filter-list', id: 'filter-types' },
      ...presentTypes.map((type) =>
        row(
          'type',
          type.type,
          lang === 'zh' ? type.name_zh : type.name_en,
          type.color,
          counts.nodesByType.get(type.type) ?? { visible: 0, total: 0 },
          hidden.types.has(type.type),
        ),
      ),
    ),
    h('h2', {}, t(lang, 'relations')),
    h(
      'ul',
      { class: 'filter-list', id: 'filter-relations' },
      ...presentRels.map((type) =>
        row(
          'rel',
          type.type,
          lang === 'zh' ? type.name_zh : type.name_en,
          undefined,
          counts.edgesByType.get(type.type) ?? { visible: 0, total: 0 },
          hidden.relTypes.has(type.type),
        ),
      ),
    ),
    h(
      'p',
      { class: 'totals', id: 'visible-totals' },
      t(lang, 'nodesEdges', { nodes: counts.nodes, edges: counts.edges }),
    ),
  );
}
