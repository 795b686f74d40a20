// "How is A linked to B?": two search boxes, then the shortest paths written out as chains
// ("海尔集团 —获评→ 崂山区十强科技创新企业 …"), each name clickable.
import type { GraphPath } from '../../data/types.ts';
import { t, type Lang } from '../../i18n.ts';
import { h } from '../../core/dom.ts';

/** One path as text, arrows following each relation's own direction. */
export function pathChain(path: GraphPath, lang: Lang): string {
  const name = (i: number) => {
    const n = path.nodes[i];
    return n ? (lang === 'zh' ? n.name_zh : n.name_en) : '?';
  };
  let text = name(0);
  path.edges.forEach((edge, i) => {
    const label = lang === 'zh' ? edge.type_zh : edge.type_en;
    const forward = edge.source === path.nodes[i]?.id;
    text += forward ? ` —${label}→ ` : ` ←${label}— `;
    text += name(i + 1);
  });
  return text;
}

export interface PathsPanelHandlers {
  onSelectNode: (id: string) => void;
  onClose: () => void;
}

export function renderPaths(
  root: HTMLElement,
  slots: { from: HTMLElement; to: HTMLElement },
  paths: GraphPath[] | undefined,
  maxHops: number,
  lang: Lang,
  handlers: PathsPanelHandlers,
  below?: HTMLElement,
): void {
  const close = h('button', { class: 'close', type: 'button', 'aria-label': t(lang, 'close') }, '×');
  close.addEventListener('click', handlers.onClose);
  let body: HTMLElement;
  if (paths === undefined) body = h('p', { class: 'hint' }, t(lang, 'pathsPick'));
  else if (paths.length === 0)
    body = h('p', { class: 'hint', id: 'paths-none' }, t(lang, 'pathsNone', { hops: maxHops }));
  else {
    body = h(
      'ol',
      { id: 'path-list' },
      ...paths.map((path) => {
        const steps = h('span', { class: 'steps' }, t(lang, 'pathSteps', { n: path.length }));
        const chain = h('p', { class: 'chain' });
        path.nodes.forEach((node, i) => {
          const link = h(
            'button',
            { type: 'button', class: 'relation-link', 'data-node': node.id },
            lang === 'zh' ? node.name_zh : node.name_en,
          );
          link.addEventListener('click', () => handlers.onSelectNode(node.id));
          chain.append(link);
          const edge = path.edges[i];
          if (edge) {
            const label = lang === 'zh' ? edge.type_zh : edge.type_en;
            chain.append(h('span', { class: 'arrow' }, edge.source === node.id ? ` —${label}→ ` : ` ←${label}— `));
          }
        });
        return h('li', { 'data-chain': pathChain(path, lang) }, steps, chain);
      }),
    );
  }
  root.replaceChildren(
    close,
    h('h2', {}, t(lang, 'paths')),
    h('label', { class: 'path-end' }, h('span', {}, t(lang, 'pathFrom')), slots.from),
    h('label', { class: 'path-end' }, h('span', {}, t(lang, 'pathTo')), slots.to),
    body,
    ...(below ? [below] : []),
  );
  root.hidden = false;
}
