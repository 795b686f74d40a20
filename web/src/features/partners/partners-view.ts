// The partners panel: for one node, a wanted-type select and the ranked candidates, each with
// its reasons in words; the chosen one says what of its reasons the view does not hold. Names
// and texts from data are inserted as text.
import type { PartnerCandidate, PartnersPayload } from '../../../../domain/api-types.ts';
import { h } from '../../core/dom.ts';
import { t, type Lang } from '../../i18n.ts';

export interface PartnersHandlers {
  onType: (type: string | undefined) => void;
  onCandidate: (id: string) => void;
  onSelectNode: (id: string) => void;
  onClose: () => void;
}

export interface PartnersView {
  /** The node asked about, named in the UI's language. */
  name: string;
  /** The wanted type (undefined: any) and the choices: [type, its name]. */
  type: string | undefined;
  types: readonly [string, string][];
  typeName: (type: string) => string;
  chosen: string | undefined;
  /** For the chosen candidate: how many of its reason nodes the view lacks. */
  missing: number;
}

/** The panel's frame: close button, title, whose partners, the type select, then `body`. */
export function renderPartnersFrame(
  root: HTMLElement,
  view: PartnersView,
  lang: Lang,
  handlers: PartnersHandlers,
  ...body: HTMLElement[]
): void {
  const close = h('button', { class: 'close', type: 'button', 'aria-label': t(lang, 'close') }, '×');
  close.addEventListener('click', handlers.onClose);
  const select = h('select', { id: 'partner-type' }, h('option', { value: '' }, t(lang, 'partnerAnyType')));
  for (const [type, name] of view.types) select.append(h('option', { value: type }, name));
  select.value = view.type ?? '';
  select.addEventListener('change', () => handlers.onType(select.value || undefined));
  root.replaceChildren(
    close,
    h('h2', {}, t(lang, 'findPartners')),
    h('p', { class: 'partners-of', id: 'partners-of' }, t(lang, 'partnersFor', { name: view.name })),
    h('label', { class: 'partner-type' }, h('span', {}, t(lang, 'partnerType')), select),
    ...body,
  );
}

export function renderPartners(
  root: HTMLElement,
  payload: PartnersPayload,
  view: PartnersView,
  lang: Lang,
  handlers: PartnersHandlers,
): void {
  const body =
    payload.candidates.length === 0
      ? h('p', { class: 'hint', id: 'partners-none' }, t(lang, 'partnersNone'))
      : h(
          'ol',
          { id: 'partner-list', class: 'analytics-list' },
          ...payload.candidates.map((c) => candidateItem(c, view, lang, handlers)),
        );
  renderPartnersFrame(
    root,
    view,
    lang,
    handlers,
    body,
    h('p', { class: 'hint method' }, t(lang, 'partnersMethod', { method: payload.method })),
  );
}

function candidateItem(
  candidate: PartnerCandidate,
  view: PartnersView,
  lang: Lang,
  handlers: PartnersHandlers,
): HTMLElement {
  const chosen = candidate.id === view.chosen;
  const pick = h(
    'button',
    { type: 'button', class: 'choice', 'data-candidate': candidate.id, 'aria-pressed': chosen ? 'true' : 'false' },
    lang === 'zh' ? candidate.name_zh : candidate.name_en,
    h('span', { class: 'count' }, `${view.typeName(candidate.type)} · ${candidate.score.toFixed(2)}`),
  );
  pick.addEventListener('click', () => handlers.onCandidate(candidate.id));
  const reasons = h(
    'ul',
    { class: 'reasons' },
    ...candidate.reasons.map((r) => h('li', { 'data-kind': r.kind }, lang === 'zh' ? r.text_zh : r.text_en)),
  );
  const item = h('li', { 'data-candidate': candidate.id }, pick, reasons);
  if (chosen) item.append(...chosenTools(candidate, view, lang, handlers));
  return item;
}

function chosenTools(
  candidate: PartnerCandidate,
  view: PartnersView,
  lang: Lang,
  handlers: PartnersHandlers,
): HTMLElement[] {
  const open = h(
    'button',
    { type: 'button', class: 'relation-link', 'data-node': candidate.id },
    t(lang, 'partnerOpen'),
  );
  open.addEventListener('click', () => handlers.onSelectNode(candidate.id));
  const note =
    view.missing > 0
      ? h('p', { class: 'hint', id: 'partner-missing' }, t(lang, 'partnerMissing', { n: view.missing }))
      : null;
  return note ? [open, note] : [open];
}
