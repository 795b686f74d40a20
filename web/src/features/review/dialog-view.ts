// The review screen's frame: a large dialog with the document form on top, the text and the
// proposals side by side, and below them the keys, the admin token and the write button.
import { h } from '../../core/dom.ts';
import { t, type Lang } from '../../i18n.ts';

export type ReviewElements = ReturnType<typeof reviewElements>;

export function reviewElements(form: HTMLElement, text: HTMLElement, list: HTMLElement, lang: Lang) {
  const heading = h('h2', { id: 'review-heading' });
  const close = h('button', { type: 'button', class: 'close', id: 'review-close' }, '×');
  const status = h('div', { id: 'review-status', class: 'review-status', 'aria-live': 'polite' });
  const progress = h(
    'div',
    { class: 'progress-track review-progress', id: 'review-progress', hidden: true },
    h('div', { class: 'progress-bar' }),
  );
  const counts = h('span', { id: 'review-counts', class: 'review-counts' });
  const threshold = h('input', {
    type: 'number',
    id: 'review-threshold',
    min: '0',
    max: '1',
    step: '0.05',
    value: '0.8',
  });
  const acceptAbove = h('button', { type: 'button', id: 'review-accept-above' });
  const keys = h('p', { class: 'review-keys hint', id: 'review-keys' });
  const token = h('input', { type: 'password', id: 'review-token', autocomplete: 'off' });
  const tokenLabel = h('span');
  const write = h('button', { type: 'button', id: 'review-write', class: 'primary', disabled: true });
  const result = h('div', { id: 'review-result', 'aria-live': 'polite' });
  const body = h(
    'div',
    { class: 'review-body', hidden: true },
    text,
    h('div', { class: 'review-side' }, h('div', { class: 'review-tools' }, counts, threshold, acceptAbove), list),
  );
  const footer = h(
    'div',
    { class: 'review-footer', hidden: true },
    keys,
    h('div', { class: 'review-write' }, h('label', { class: 'review-token' }, tokenLabel, token), write),
    result,
  );
  const root = h(
    'dialog',
    { id: 'review-dialog', class: 'panel review-dialog', 'aria-labelledby': 'review-heading' },
    h('div', { class: 'review-top' }, heading, close),
    form,
    status,
    progress,
    body,
    footer,
  );
  document.body.append(root);
  const relabel = (next: Lang) => {
    heading.textContent = t(next, 'reviewTitle');
    close.setAttribute('aria-label', t(next, 'close'));
    threshold.setAttribute('aria-label', t(next, 'reviewThreshold'));
    threshold.title = t(next, 'reviewThreshold');
    acceptAbove.textContent = t(next, 'reviewAcceptAbove');
    keys.textContent = t(next, 'reviewKeys');
    tokenLabel.textContent = t(next, 'importToken');
  };
  relabel(lang);
  return { root, close, status, progress, counts, threshold, acceptAbove, token, write, result, body, footer, relabel };
}
