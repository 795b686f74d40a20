// The brokers panel: the five brokerage roles, each explained in a sentence; the chosen one
// lists its top actors (each selects its node). Names from data are inserted as text.
import { BROKERAGE_ROLES, type BrokerageReport, type BrokerageRole } from '../../../../domain/api-types.ts';
import { h } from '../../core/dom.ts';
import { t, type Lang } from '../../i18n.ts';
import { ROLE_TEXT, roleActors } from './roles.ts';

export interface BrokersHandlers {
  onRole: (role: BrokerageRole) => void;
  onSelectNode: (id: string) => void;
  onClose: () => void;
}

/** The panel's frame: close button, title and intro, then `body`. */
export function renderFrame(root: HTMLElement, lang: Lang, onClose: () => void, ...body: HTMLElement[]): void {
  const close = h('button', { class: 'close', type: 'button', 'aria-label': t(lang, 'close') }, '×');
  close.addEventListener('click', onClose);
  root.replaceChildren(
    close,
    h('h2', {}, t(lang, 'brokers')),
    h('p', { class: 'hint' }, t(lang, 'brokersIntro')),
    ...body,
  );
}

export function renderBrokers(
  root: HTMLElement,
  report: BrokerageReport,
  chosen: BrokerageRole | undefined,
  lang: Lang,
  handlers: BrokersHandlers,
): void {
  const roles = h(
    'ul',
    { id: 'broker-roles', class: 'analytics-list' },
    ...BROKERAGE_ROLES.map((role) => roleItem(report, role, chosen, lang, handlers)),
  );
  renderFrame(root, lang, handlers.onClose, roles);
}

function roleItem(
  report: BrokerageReport,
  role: BrokerageRole,
  chosen: BrokerageRole | undefined,
  lang: Lang,
  handlers: BrokersHandlers,
): HTMLElement {
  const { name, text } = ROLE_TEXT[role][lang];
  const actors = roleActors(report, role);
  const pick = h(
    'button',
    { type: 'button', class: 'choice', 'data-role': role, 'aria-pressed': role === chosen ? 'true' : 'false' },
    name,
    h('span', { class: 'count' }, String(actors.length)),
  );
  pick.addEventListener('click', () => handlers.onRole(role));
  const item = h('li', { 'data-role': role }, pick, h('p', { class: 'explain' }, text));
  if (role === chosen) item.append(actorList(actors, lang, handlers.onSelectNode));
  return item;
}

function actorList(actors: ReturnType<typeof roleActors>, lang: Lang, onSelect: (id: string) => void): HTMLElement {
  if (actors.length === 0) return h('p', { class: 'hint', id: 'broker-actors-none' }, t(lang, 'brokersNone'));
  return h(
    'ol',
    { id: 'broker-actors' },
    ...actors.map((actor) => {
      const link = h(
        'button',
        { type: 'button', class: 'relation-link', 'data-node': actor.id },
        lang === 'zh' ? actor.name_zh : actor.name_en,
      );
      link.addEventListener('click', () => onSelect(actor.id));
      return h('li', {}, link, h('span', { class: 'count' }, t(lang, 'brokerCount', { n: actor.count })));
    }),
  );
}
