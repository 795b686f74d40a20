// Below the paths: the actors that lie on most of the shortest paths, each with its share of
// them; hovering one highlights the paths through it, a click keeps that highlight.
import type { PathThroughPayload } from '../../../../domain/api-types.ts';
import { h } from '../../core/dom.ts';
import { t, type Lang } from '../../i18n.ts';
import { sharePercent } from './through.ts';

export interface ThroughHandlers {
  /** The actor hovered (undefined: none any more). */
  onHover: (id: string | undefined) => void;
  /** Pins or unpins an actor's highlight. */
  onPin: (id: string) => void;
}

export function renderThrough(
  through: PathThroughPayload | undefined,
  pinned: string | undefined,
  lang: Lang,
  handlers: ThroughHandlers,
): HTMLElement {
  const section = h('section', { id: 'paths-through' }, h('h3', {}, t(lang, 'pathsThrough')));
  if (!through) {
    section.append(h('p', { class: 'hint' }, t(lang, 'pathsThroughFailed')));
    return section;
  }
  if (through.through.length === 0) {
    section.append(h('p', { class: 'hint', id: 'paths-through-none' }, t(lang, 'pathsThroughNone')));
    return section;
  }
  section.append(
    h('p', { class: 'hint' }, t(lang, 'pathsThroughHint', { paths: through.paths })),
    h('ol', { class: 'analytics-list' }, ...through.through.map((actor) => actorItem(actor, pinned, lang, handlers))),
  );
  return section;
}

function actorItem(
  actor: PathThroughPayload['through'][number],
  pinned: string | undefined,
  lang: Lang,
  handlers: ThroughHandlers,
): HTMLElement {
  const pick = h(
    'button',
    { type: 'button', class: 'choice', 'data-node': actor.id, 'aria-pressed': actor.id === pinned ? 'true' : 'false' },
    lang === 'zh' ? actor.name_zh : actor.name_en,
    h('span', { class: 'count' }, `${sharePercent(actor.share)} (${actor.paths})`),
  );
  pick.addEventListener('click', () => handlers.onPin(actor.id));
  pick.addEventListener('mouseenter', () => handlers.onHover(actor.id));
  pick.addEventListener('mouseleave', () => handlers.onHover(undefined));
  pick.addEventListener('focus', () => handlers.onHover(actor.id));
  pick.addEventListener('blur', () => handlers.onHover(undefined));
  return h('li', { 'data-node': actor.id }, pick);
}
