// The legend: one row per node type present, in the graph's own colours.
import type { SchemaNodeType } from '../data/types.ts';
import { t, type Lang } from '../i18n.ts';
import { h } from './dom.ts';

export function renderLegend(
  root: HTMLElement,
  types: readonly SchemaNodeType[],
  lang: Lang,
  totals: { nodes: number; edges: number },
): void {
  const present = types.filter((type) => type.count > 0);
  root.replaceChildren(
    h('h2', {}, t(lang, 'legend')),
    h(
      'ul',
      {},
      ...present.map((type) => {
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.background = type.color;
        return h(
          'li',
          { 'data-type': type.type },
          swatch,
          h('span', {}, lang === 'zh' ? type.name_zh : type.name_en),
          h('span', { class: 'count' }, type.count),
        );
      }),
    ),
    h('p', { class: 'totals' }, t(lang, 'nodesEdges', totals)),
  );
}
