// The details panel: bilingual names, type, properties, relations grouped by type (each
// clickable) and the evidence behind the node and each relation. All data rendered as text.
import type { Evidence, NodeDetails, NodeRelation, SchemaNodeType } from '../../data/types.ts';
import { propertyLabel, propertyValue, t, type Lang } from '../../i18n.ts';
import { h } from '../../core/dom.ts';

/** Properties shown in the property list; names, type and evidence have their own places. */
const HIDDEN_PROPERTIES = new Set([
  'id',
  'type',
  'name_zh',
  'name_en',
  'evidence',
  'description_zh',
  'description_en',
  'synthetic',
  'sector',
]);

/** A button another feature adds to the node's tools (e.g. "Find partners"). */
export interface NodeAction {
  /** Its button's `data-action`. */
  readonly id: string;
  label(lang: Lang): string;
  /** Whether the node gets the button (all nodes when absent). */
  applies?(node: { id: string; type: string }): boolean;
  run(node: { id: string; type: string }): void;
}

export interface DetailsHandlers {
  onSelectNode: (id: string) => void;
  onClose: () => void;
  onOpenSource: (source: string, quote: string) => void;
  onHide: (id: string) => void;
  onDepth: (depth: 1 | 2) => void;
  onPathsFrom: (id: string) => void;
  /** Loads the node's neighbours from the server into the view. */
  onExpand: (id: string) => void;
  /** The buttons other features added, in the order they were added. */
  actions: readonly NodeAction[];
}

function evidenceBlock(
  evidence: readonly Evidence[],
  lang: Lang,
  onOpen: DetailsHandlers['onOpenSource'],
): HTMLElement[] {
  return evidence.map((e) => {
    const open = h('button', { type: 'button', class: 'open-source', 'data-source': e.source }, t(lang, 'openSource'));
    open.addEventListener('click', () => onOpen(e.source, e.quote));
    return h(
      'blockquote',
      { class: 'evidence', 'data-source': e.source },
      `“${e.quote}”`,
      h('footer', { title: e.source }, `${t(lang, 'source')}: ${e.title ?? e.source} `, open),
    );
  });
}

function actionButtons(node: { id: string; type: string }, lang: Lang, actions: readonly NodeAction[]): HTMLElement[] {
  return actions
    .filter((action) => action.applies?.(node) ?? true)
    .map((action) => {
      const b = h('button', { type: 'button', class: 'node-action', 'data-action': action.id }, action.label(lang));
      b.addEventListener('click', () => action.run(node));
      return b;
    });
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function renderDetails(
  root: HTMLElement,
  details: NodeDetails,
  types: readonly SchemaNodeType[],
  lang: Lang,
  depth: 1 | 2,
  handlers: DetailsHandlers,
): void {
  const { node, relations } = details;
  const typeInfo = types.find((x) => x.type === node.type);
  const badge = h(
    'span',
    { class: 'type' },
    typeInfo ? (lang === 'zh' ? typeInfo.name_zh : typeInfo.name_en) : node.type,
  );
  badge.style.background = typeInfo?.color ?? '#888';
  const closeButton = h('button', { class: 'close', type: 'button', 'aria-label': t(lang, 'close') }, '×');
  closeButton.addEventListener('click', handlers.onClose);
  const depthButtons = ([1, 2] as const).map((d) => {
    const button = h(
      'button',
      { type: 'button', class: 'depth', 'data-depth': String(d), 'aria-pressed': d === depth ? 'true' : 'false' },
      t(lang, d === 1 ? 'depth1' : 'depth2'),
    );
    button.addEventListener('click', () => handlers.onDepth(d));
    return button;
  });
  const hideButton = h('button', { type: 'button', class: 'hide-node' }, t(lang, 'hide'));
  hideButton.addEventListener('click', () => handlers.onHide(node.id));
  const pathsButton = h('button', { type: 'button', class: 'paths-from' }, t(lang, 'pathsFromHere'));
  pathsButton.addEventListener('click', () => handlers.onPathsFrom(node.id));
  const expandButton = h('button', { type: 'button', class: 'expand-node' }, t(lang, 'expand'));
  expandButton.addEventListener('click', () => handlers.onExpand(node.id));
  const tools = h(
    'div',
    { class: 'node-tools' },
    h('span', {}, `${t(lang, 'neighbourhood')}:`),
    ...depthButtons,
    expandButton,
    hideButton,
    pathsButton,
    ...actionButtons(node, lang, handlers.actions),
  );

  const description = lang === 'zh' ? node.description_zh : node.description_en;
  const properties = Object.entries(node).filter(
    ([k, v]) => !HIDDEN_PROPERTIES.has(k) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
  );

  const groups = new Map<string, NodeRelation[]>();
  for (const relation of relations) {
    const key = `${relation.type}:${relation.direction}`;
    groups.set(key, [...(groups.get(key) ?? []), relation]);
  }

  const children: (HTMLElement | null)[] = [
    closeButton,
    h('p', { class: 'name-zh', 'data-field': 'name_zh' }, node.name_zh),
    h('p', { class: 'name-en', 'data-field': 'name_en' }, node.name_en),
    badge,
    tools,
    description ? h('p', { class: 'description' }, String(description)) : null,
    properties.length > 0
      ? h(
          'dl',
          {},
          ...properties.flatMap(([k, v]) => [
            h('dt', {}, propertyLabel(lang, k)),
            h('dd', {}, propertyValue(lang, k, formatValue(v))),
          ]),
        )
      : null,
    h('h3', {}, t(lang, 'evidence')),
    ...evidenceBlock(node.evidence, lang, handlers.onOpenSource),
    relations.length > 0 ? h('h3', {}, `${t(lang, 'relations')} (${relations.length})`) : null,
    ...[...groups.values()].map((group) => {
      const first = group[0] as NodeRelation;
      const label = lang === 'zh' ? (first.type_zh ?? first.type) : (first.type_en ?? first.type);
      const heading = first.direction === 'out' ? `→ ${label}` : `← ${label}`;
      return h(
        'section',
        { class: 'relation-group', 'data-relation-type': first.type },
        h('h4', {}, `${heading} (${group.length})`),
        h(
          'ul',
          {},
          ...group.map((relation) => {
            const link = h(
              'button',
              { type: 'button', class: 'relation-link', 'data-node': relation.neighbor.id },
              lang === 'zh' ? relation.neighbor.name_zh : relation.neighbor.name_en,
            );
            link.addEventListener('click', () => handlers.onSelectNode(relation.neighbor.id));
            const quotes = h(
              'details',
              {},
              h('summary', {}, t(lang, 'evidence')),
              ...evidenceBlock(relation.evidence, lang, handlers.onOpenSource),
            );
            return h('li', {}, link, quotes);
          }),
        ),
      );
    }),
  ];
  root.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  root.hidden = false;
  root.dataset.node = node.id;
}
