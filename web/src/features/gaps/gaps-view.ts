// The gaps panel: the planners' gaps grouped by kind, each with its explanation in the UI's
// language; choosing one highlights its nodes. Names and texts from data are inserted as text.
import type { Gap } from '../../../../domain/api-types.ts';
import { h } from '../../core/dom.ts';
import { t, type Lang, type StringKey } from '../../i18n.ts';
import { groupGaps, type KeyedGap } from './gap-keys.ts';

export interface GapsHandlers {
  onGap: (key: string) => void;
  onSelectNode: (id: string) => void;
  onClose: () => void;
}

const KIND_NAMES: Readonly<Record<string, StringKey>> = {
  field_without_cross_sector_tie: 'gapFieldWithoutCrossSectorTie',
  park_without_academic_partner: 'gapParkWithoutAcademicPartner',
  programme_without_recipient: 'gapProgrammeWithoutRecipient',
  communities_joined_by_one_broker: 'gapCommunitiesJoinedByOneBroker',
};

/** The panel's frame: close button, title and intro, then `body`. */
export function renderGapsFrame(root: HTMLElement, lang: Lang, onClose: () => void, ...body: HTMLElement[]): void {
  const close = h('button', { class: 'close', type: 'button', 'aria-label': t(lang, 'close') }, '×');
  close.addEventListener('click', onClose);
  root.replaceChildren(close, h('h2', {}, t(lang, 'gaps')), h('p', { class: 'hint' }, t(lang, 'gapsIntro')), ...body);
}

export function renderGaps(
  root: HTMLElement,
  gaps: readonly Gap[],
  chosen: string | undefined,
  lang: Lang,
  handlers: GapsHandlers,
): void {
  if (gaps.length === 0) {
    renderGapsFrame(root, lang, handlers.onClose, h('p', { class: 'hint', id: 'gaps-none' }, t(lang, 'gapsNone')));
    return;
  }
  const groups = groupGaps(gaps).map(({ kind, gaps: list }) => {
    const name = KIND_NAMES[kind];
    return h(
      'section',
      { class: 'gap-group', 'data-kind': kind },
      h('h3', {}, `${name ? t(lang, name) : kind} (${list.length})`),
      h('ul', { class: 'analytics-list' }, ...list.map((item) => gapItem(item, chosen, lang, handlers))),
    );
  });
  renderGapsFrame(root, lang, handlers.onClose, h('div', { id: 'gap-list' }, ...groups));
}

function gapItem({ key, gap }: KeyedGap, chosen: string | undefined, lang: Lang, handlers: GapsHandlers): HTMLElement {
  const subject = lang === 'zh' ? gap.subject.name_zh : gap.subject.name_en;
  const pick = h(
    'button',
    { type: 'button', class: 'choice', 'data-gap': key, 'aria-pressed': key === chosen ? 'true' : 'false' },
    subject,
  );
  pick.addEventListener('click', () => handlers.onGap(key));
  const item = h(
    'li',
    { 'data-gap': key },
    pick,
    h('p', { class: 'explain' }, lang === 'zh' ? gap.text_zh : gap.text_en),
  );
  if (key === chosen) {
    const open = h(
      'button',
      { type: 'button', class: 'relation-link', 'data-node': gap.subject.id },
      t(lang, 'gapOpenSubject', { name: subject }),
    );
    open.addEventListener('click', () => handlers.onSelectNode(gap.subject.id));
    item.append(open);
  }
  return item;
}
